import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AnalysisEvidenceAddedSchema,
  AnalysisResultsPageSchema,
  AnalysisRunListSchema,
  AnalysisRunSchema,
  ConsultationCreatedSchema,
  EvidenceLockerSchema,
} from '@mimamoru/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCaseErasure } from '../src/modules/retention/case-erasure.js';
import { databases, useTestApp } from './harness.js';
import { consultation, json, login, multipart, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

/** 1,000 JSON lines: harmless chatter, a few attacks by a handful of accounts, two malformed lines (500 and 700). */
function thousandLines(marker = ''): string {
  const lines: string[] = [];
  for (let n = 1; n <= 1000; n += 1) {
    if (n === 500) lines.push('{"id": "p500", "text": ');
    else if (n === 700) lines.push('{"id": "p700"}');
    else if (n % 50 === 0)
      lines.push(JSON.stringify({ id: `p${n}`, text: `@hanako_y お前は前科者だ。詐欺で逮捕されたくせに ${n}`, author: `@troll${n % 3}`, postedAt: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}T12:00:00+09:00`, url: `https://x.com/troll/status/${n}` }));
    else if (n % 77 === 0)
      lines.push(JSON.stringify({ id: `p${n}`, text: `@hanako_y 死ね。家に行くからな ${n}`, author: '@angry', postedAt: '2026-11-20T22:00:00+09:00' }));
    else lines.push(JSON.stringify({ id: `p${n}`, text: `今日はいい天気ですね。散歩に行きました ${n}${marker}`, author: `@user${n}`, postedAt: '2026-11-10T09:00:00+09:00' }));
  }
  return `${lines.join('\n')}\n`;
}

describe.each(databases)('post analysis for staff on %s', { timeout: 120_000 }, (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;
  let workDir: string;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-analysis-'));
  });
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  async function newCase(marker: string) {
    const t = ctx();
    const created = ConsultationCreatedSchema.parse((await submit(t.app, consultation(marker))).json());
    const { id } = await t.container.database.db
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', created.caseNumber)
      .executeTakeFirstOrThrow();
    return { id, ...created };
  }

  async function upload(caseId: string, file: Buffer, fields: Record<string, string> = {}, name = 'posts.jsonl') {
    const form = await multipart(fields, [{ field: 'file', name, type: 'application/octet-stream', bytes: file }]);
    return ctx().app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/analyses`,
      payload: form.payload,
      headers: { ...consultant.headers, ...form.headers },
    });
  }

  const get = (url: string) => ctx().app.inject({ method: 'GET', url, headers: consultant.headers });

  async function finishedRun(caseId: string, marker = '') {
    const res = await upload(caseId, Buffer.from(thousandLines(marker), 'utf8'), { format: 'jsonl' });
    expect(res.statusCode, res.body).toBe(202);
    const queued = AnalysisRunSchema.parse(res.json());
    expect(queued.status).toBe('queued');
    await ctx().container.worker.runOnce();
    return AnalysisRunSchema.parse((await get(`/api/cases/${caseId}/analyses/${queued.id}`)).json());
  }

  it('analyses a 1,000-line JSONL upload in a job: counts, skipped lines by number, nothing personal on the run', async () => {
    const { id: caseId } = await newCase('ZZANALYSIS1');
    const run = await finishedRun(caseId);
    expect(run).toMatchObject({ status: 'done', progress: 1, postsRead: 998, posts: 998, skippedLines: 2, error: null });
    expect(run.summary?.issues.map((i) => i.line)).toEqual([500, 700]);
    expect(run.summary?.issues[0]?.message.ja).toMatch(/\S/);
    expect(run.flagged).toBeGreaterThanOrEqual(20);
    expect(run.summary?.labels.defamation).toBeGreaterThanOrEqual(18);
    expect(run.summary?.topAuthorPosts).toBeGreaterThanOrEqual(6);
    // The run row and its view hold counts only: no post text, no account name.
    const { db } = ctx().container.database;
    const row = await db.selectFrom('analysis_runs').selectAll().where('id', '=', run.id).executeTakeFirstOrThrow();
    for (const text of [JSON.stringify(row), JSON.stringify(run)]) {
      expect(text).not.toContain('前科者');
      expect(text).not.toContain('@troll');
    }
    // Results are stored only as encrypted blobs.
    const chunks = await db.selectFrom('analysis_result_chunks').selectAll().where('run_id', '=', run.id).execute();
    expect(chunks.reduce((n, c) => n + c.posts, 0)).toBe(998);
    const blobFile = path.join(ctx().container.config.dataDir, 'blobs', chunks[0]!.sha256.slice(0, 2), chunks[0]!.sha256.slice(2, 4), chunks[0]!.sha256);
    expect(fs.readFileSync(blobFile).includes(Buffer.from('今日はいい天気'))).toBe(false);
    const list = AnalysisRunListSchema.parse((await get(`/api/cases/${caseId}/analyses`)).json());
    expect(list.runs.map((r) => r.id)).toEqual([run.id]);
  });

  it('filters, sorts and pages the results on the server; adds selected posts to evidence; reports them as PDF and CSV', async () => {
    const t = ctx();
    const { id: caseId } = await newCase('ZZANALYSIS2');
    const run = await finishedRun(caseId);
    const base = `/api/cases/${caseId}/analyses/${run.id}`;

    const all = AnalysisResultsPageSchema.parse((await get(`${base}/results`)).json());
    expect(all.total).toBe(998);
    expect(all.rows).toHaveLength(100);
    const scores = all.rows.map((r) => r.analysis.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The author view covers the whole run (not only this page), worst account first.
    const worst = all.authors.map((a) => a.worstScore);
    expect(worst).toEqual([...worst].sort((x, y) => y - x));
    expect(all.authors.slice(0, 4).map((a) => a.author)).toEqual(expect.arrayContaining(['@troll0', '@troll1', '@troll2']));
    expect(all.authors.find((a) => a.author === '@troll1')?.posts).toBeGreaterThanOrEqual(6);
    const page10 = AnalysisResultsPageSchema.parse((await get(`${base}/results?page=10`)).json());
    expect(page10.rows).toHaveLength(98);

    const defamation = AnalysisResultsPageSchema.parse((await get(`${base}/results?label=defamation`)).json());
    expect(defamation.total).toBe(run.summary?.labels.defamation);
    for (const row of defamation.rows) expect(row.analysis.labels).toContain('defamation');
    const troll1 = AnalysisResultsPageSchema.parse((await get(`${base}/results?label=*&author=%40troll1`)).json());
    expect(troll1.total).toBeGreaterThan(0);
    for (const row of troll1.rows) expect(row.post.author).toBe('@troll1');
    const calm = AnalysisResultsPageSchema.parse((await get(`${base}/results?maxScore=0.1&q=${encodeURIComponent('散歩')}`)).json());
    expect(calm.total).toBeGreaterThan(900);
    const byTime = AnalysisResultsPageSchema.parse((await get(`${base}/results?label=*&sort=time&from=2026-11-20&to=2026-11-20`)).json());
    expect(byTime.total).toBeGreaterThan(0);
    for (const row of byTime.rows) expect(row.post.postedAt?.startsWith('2026-11-20')).toBe(true);
    const badPattern = await get(`${base}/results?q=${encodeURIComponent('(')}`);
    expect(badPattern.statusCode).toBe(422);
    expect(badPattern.json()).toMatchObject({ error: { code: 'analysis.bad_pattern' } });

    const picked = defamation.rows.slice(0, 3);
    const add = await t.app.inject({
      method: 'POST',
      url: `${base}/evidence`,
      payload: { postIds: picked.map((r) => r.post.id) },
      headers: { ...consultant.headers, ...json },
    });
    expect(add.statusCode, add.body).toBe(201);
    const added = AnalysisEvidenceAddedSchema.parse(add.json());
    expect(added.added.map((a) => a.seq)).toEqual([1, 2, 3]);
    const locker = EvidenceLockerSchema.parse((await get(`/api/staff/cases/${caseId}/evidence`)).json());
    expect(locker.verification.ok).toBe(true);
    expect(locker.items.map((i) => i.text)).toEqual(picked.map((r) => r.post.text));
    expect(locker.items[0]).toMatchObject({ platform: 'x', postUrl: picked[0]?.post.url, accountId: picked[0]?.post.author });
    expect(locker.items[0]?.legal?.rights).toContain('honor');
    expect(locker.items[0]?.files[0]).toMatchObject({ role: 'provenance', contentType: 'application/json' });
    const audit = await t.container.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_id', '=', caseId)
      .where('action', 'like', 'analysis.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['analysis.requested', 'analysis.results_viewed', 'analysis.evidence_added']));
    const unknown = await t.app.inject({
      method: 'POST',
      url: `${base}/evidence`,
      payload: { postIds: ['no-such-post'] },
      headers: { ...consultant.headers, ...json },
    });
    expect(unknown.statusCode).toBe(422);

    const query = picked.map((r) => `postIds=${encodeURIComponent(r.post.id)}`).join('&');
    const pdf = await get(`${base}/report.pdf?${query}`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfFile = path.join(workDir, `${kind}-report.pdf`);
    fs.writeFileSync(pdfFile, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('投稿分析レポート');
    expect(text).toContain(picked[0]!.post.id);
    // The legal explanation of the first post, as the engine wrote it, and the sources it cites.
    expect(text).toContain(picked[0]!.analysis.explanation.ja.replace(/\s+/g, '').slice(0, 30));
    expect(text).toContain('刑法230条');
    expect(text).toContain('laws.e-gov.go.jp');

    const csv = await get(`${base}/report.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csvLines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csvLines).toHaveLength(4);
    expect(csvLines[1]).toContain(picked[0]!.post.id);
    expect(csvLines[1]).toContain('前科者');
  });

  it('refuses unreadable input with clear errors and fails runs whose CSV mapping is wrong', async () => {
    const { id: caseId } = await newCase('ZZANALYSIS3');
    const empty = await upload(caseId, Buffer.from('\n  \n', 'utf8'));
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ error: { code: 'analysis.empty' } });
    const binary = await upload(caseId, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), {}, 'x.png');
    expect(binary.json()).toMatchObject({ error: { code: 'analysis.binary' } });
    const latin1 = await upload(caseId, Buffer.concat([Buffer.from('ok\nfine\n'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from('\n')]), { format: 'text' });
    expect(latin1.statusCode).toBe(422);
    expect(latin1.json()).toMatchObject({ error: { code: 'analysis.not_utf8' } });
    expect(latin1.json<{ error: { message: string } }>().error.message).toContain('3');
    const pasted = await ctx().app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/analyses`,
      payload: { text: '   ' },
      headers: { ...consultant.headers, ...json },
    });
    expect(pasted.json()).toMatchObject({ error: { code: 'analysis.no_input' } });

    const csv = await upload(caseId, Buffer.from('本文,投稿者\nばか,@a\n', 'utf8'), { format: 'csv', columns: JSON.stringify({ text: '内容' }) }, 'x.csv');
    expect(csv.statusCode, csv.body).toBe(202);
    await ctx().container.worker.runOnce();
    const run = AnalysisRunSchema.parse((await get(`/api/cases/${caseId}/analyses/${csv.json<{ id: string }>().id}`)).json());
    expect(run).toMatchObject({ status: 'failed', error: { code: 'analysis.csv-unknown-column' } });
    const results = await get(`/api/cases/${caseId}/analyses/${run.id}/results`);
    expect(results.statusCode).toBe(409);

    const mapped = await upload(caseId, Buffer.from('内容,投稿者\nお前はバカだ,@a\nありがとう,@b\n', 'utf8'), { format: 'csv', columns: JSON.stringify({ text: '内容', author: '投稿者' }) }, 'x.csv');
    await ctx().container.worker.runOnce();
    const ok = AnalysisRunSchema.parse((await get(`/api/cases/${caseId}/analyses/${mapped.json<{ id: string }>().id}`)).json());
    expect(ok).toMatchObject({ status: 'done', posts: 2 });
  });

  it('scores posts that name the victim (from the sealed intake) higher than the same words about someone else', async () => {
    const t = ctx();
    const created = ConsultationCreatedSchema.parse((await submit(t.app, consultation('ZZANALYSISNAME', { name: '見守野 花子' }))).json());
    const { id: caseId } = await t.container.database.db
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', created.caseNumber)
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/analyses`,
      payload: { text: '見守野花子は本当にバカだな\nあの店員は本当にバカだな\n' },
      headers: { ...consultant.headers, ...json },
    });
    expect(res.statusCode, res.body).toBe(202);
    await t.container.worker.runOnce();
    const page = AnalysisResultsPageSchema.parse((await get(`/api/cases/${caseId}/analyses/${res.json<{ id: string }>().id}/results`)).json());
    const named = page.rows.find((r) => r.post.text.startsWith('見守野'));
    const other = page.rows.find((r) => r.post.text.startsWith('あの店員'));
    expect(named?.analysis.score).toBeGreaterThan(other?.analysis.score ?? 1);
  });

  it('hides another team’s case and is erased with the case: runs, chunks and blobs', async () => {
    const t = ctx();
    const plan = await planCaseErasure(t.container.database);
    expect(plan.tables.find((p) => p.table === 'analysis_runs')).toMatchObject({ action: 'delete', blobColumns: ['upload_sha256'] });
    expect(plan.tables.find((p) => p.table === 'analysis_result_chunks')).toMatchObject({ action: 'delete', blobColumns: ['sha256'] });

    const erased = await newCase('ZZANALYSISERASE');
    // Bytes of its own: storage is content-addressed, and a blob another case holds stays.
    const run = await finishedRun(erased.id, ' erased');
    const { db } = t.container.database;
    const chunks = await db.selectFrom('analysis_result_chunks').select('sha256').where('run_id', '=', run.id).execute();
    const upload = await db.selectFrom('analysis_runs').select('upload_sha256').where('id', '=', run.id).executeTakeFirstOrThrow();
    const digests = [upload.upload_sha256, ...chunks.map((c) => c.sha256)];
    for (const d of digests) expect(await t.container.blobStore.has(d)).toBe(true);

    const lawyer = await signIn(t, clock, 'lawyer');
    const refused = await t.app.inject({ method: 'GET', url: `/api/cases/${erased.id}/analyses/${run.id}`, headers: lawyer.headers });
    expect(refused.statusCode).toBe(403);
    const other = await newCase('ZZANALYSISOTHER');
    const wrongCase = await get(`/api/cases/${other.id}/analyses/${run.id}`);
    expect(wrongCase.statusCode).toBe(404);

    const session = await login(t.app, erased.caseNumber, erased.accessKey);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/victim/erasure',
      headers: { ...json, cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { confirm: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await db.selectFrom('analysis_runs').select('id').where('case_id', '=', erased.id).execute()).toEqual([]);
    expect(await db.selectFrom('analysis_result_chunks').select('id').where('case_id', '=', erased.id).execute()).toEqual([]);
    for (const d of digests) expect(await t.container.blobStore.has(d)).toBe(false);
  });
});
