import { AnalysisResultsPageSchema, AnalysisRunSchema, ConsultationCreatedSchema } from '@mimamoru/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases, useTestApp } from './harness.js';
import { consultation, multipart, submit } from './intake-fixtures.js';
import { manualClock, signIn, type SignedIn } from './staff-fixtures.js';

const POSTS = 100_000;

/** A 炎上 of 100,000 JSON lines: everyday chatter, and every 1,000th line an attack from one of five accounts. */
function flame(): Buffer {
  const lines: string[] = [];
  for (let n = 1; n <= POSTS; n += 1) {
    const attack = n % 1000 === 0;
    lines.push(
      JSON.stringify({
        id: `p${n}`,
        text: attack
          ? `@hanako_y お前は前科者だ。詐欺で逮捕されたくせに ${n}`
          : `今日のランチはカレーでした。${n}番目の投稿`,
        author: attack ? `@troll${(n / 1000) % 5}` : `@user${n % 9000}`,
        postedAt: '2026-11-10T09:00:00+09:00',
        url: `https://x.com/u/status/${n}`,
      }),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

// The in-app flow at the scale (#6 acceptance): upload → job → ranked, filtered results.
describe.each(databases)('post analysis of a 100,000-post upload on %s', { timeout: 300_000 }, (kind) => {
  const clock = manualClock();
  const ctx = useTestApp(kind, { clock: clock.now });
  let consultant: SignedIn;

  beforeAll(async () => {
    consultant = await signIn(ctx(), clock, 'consultant');
  });

  it('runs the job over every post and serves the attacks first', async () => {
    const t = ctx();
    const created = ConsultationCreatedSchema.parse((await submit(t.app, consultation('ZZSCALE'))).json());
    const { id: caseId } = await t.container.database.db
      .selectFrom('cases')
      .select('id')
      .where('case_number', '=', created.caseNumber)
      .executeTakeFirstOrThrow();
    const form = await multipart({ format: 'jsonl' }, [
      { field: 'file', name: 'flame.jsonl', type: 'application/octet-stream', bytes: flame() },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/analyses`,
      payload: form.payload,
      headers: { ...consultant.headers, ...form.headers },
    });
    expect(res.statusCode, res.body).toBe(202);
    const queued = AnalysisRunSchema.parse(res.json());
    await t.container.worker.runOnce();
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: consultant.headers });
    const run = AnalysisRunSchema.parse((await get(`/api/cases/${caseId}/analyses/${queued.id}`)).json());
    expect(run).toMatchObject({ status: 'done', postsRead: POSTS, skippedLines: 0 });
    expect(run.summary?.labels.defamation).toBe(POSTS / 1000);

    const top = AnalysisResultsPageSchema.parse(
      (await get(`/api/cases/${caseId}/analyses/${run.id}/results`)).json(),
    );
    expect(top.total).toBe(POSTS);
    expect(top.rows.slice(0, POSTS / 1000).every((row) => row.analysis.labels.includes('defamation'))).toBe(
      true,
    );
    expect(
      top.authors
        .slice(0, 5)
        .map((a) => a.author)
        .sort(),
    ).toEqual(['@troll0', '@troll1', '@troll2', '@troll3', '@troll4']);
    const last = AnalysisResultsPageSchema.parse(
      (await get(`/api/cases/${caseId}/analyses/${run.id}/results?label=*&author=%40troll3`)).json(),
    );
    expect(last.total).toBe(POSTS / 1000 / 5);
  });
});
