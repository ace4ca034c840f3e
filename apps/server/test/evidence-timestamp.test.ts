import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTimestampToken, timestampTokenImprint, verifyTimestampToken } from '@mimamoru/core';
import {
  enqueueEvidenceTimestamp,
  EVIDENCE_TIMESTAMP_JOB,
} from '../src/modules/evidence-timestamp/evidence-timestamp.jobs.js';
import { requestTimestamp, TsaError } from '../src/modules/evidence-timestamp/tsa-client.js';
import { createTestApp, databases, type TestApp } from './harness.js';
import { consultation, json, login, submit } from './intake-fixtures.js';
import { appendServerCapture, caseIdOf } from './support/evidence-chain.js';
import { manualClock } from './staff-fixtures.js';
import { startLocalTsa, type LocalTsa } from './support/local-tsa.js';

const run = promisify(execFile);

/** A chain entry's hash: SHA-256 of its canonical JSON, which the token's message imprint carries as is. */
const entryJson = '{"caseId":"c1","seq":1,"v":1}';
const entryHash = createHash('sha256').update(entryJson).digest('hex');

let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
});
afterAll(async () => {
  await tsa.close();
});

/** The token with one DER byte changed at `index` (counted from the end when negative). */
function flipByte(token: Uint8Array, index: number): Uint8Array {
  const copy = token.slice();
  const at = index < 0 ? copy.length + index : index;
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe('RFC 3161 timestamps against the local openssl TSA', () => {
  let token: Uint8Array;
  beforeAll(async () => {
    token = (await requestTimestamp({ url: tsa.url, hashHex: entryHash, trustedCertsPem: tsa.caPem }))
      .tokenDer;
  });

  it('round trip: the TSA grants a token for the entry hash, and it verifies with and without the trust anchor', async () => {
    const info = readTimestampToken(token);
    expect(info.imprintHex).toBe(entryHash);
    expect(info.tsa).toBe('CN=mimamoru test TSA, O=mimamoru tests');
    expect(Math.abs(Date.parse(info.genTime) - Date.now())).toBeLessThan(60_000);
    expect(info.nonceHex).toMatch(/^[0-9a-f]{16}$/);
    expect(timestampTokenImprint(Buffer.from(token).toString('base64'))).toBe(entryHash);

    const anchored = await verifyTimestampToken(token, entryHash, tsa.caPem);
    expect(anchored).toMatchObject({ ok: true, genTime: info.genTime, tsa: info.tsa, chainChecked: true });
    expect(await verifyTimestampToken(token, entryHash)).toMatchObject({ ok: true, chainChecked: false });
  });

  it('openssl ts -verify accepts the stored token, from the entry JSON (-data) and from the hash (-digest)', async () => {
    const dir = fs.mkdtempSync(path.join(tsa.dir, 'verify-'));
    fs.writeFileSync(path.join(dir, 'token.tst'), token);
    fs.writeFileSync(path.join(dir, 'entry.json'), entryJson);
    const common = ['-in', 'token.tst', '-token_in', '-CAfile', tsa.caFile];
    const byData = await run('openssl', ['ts', '-verify', '-data', 'entry.json', ...common], { cwd: dir });
    expect(byData.stdout).toContain('Verification: OK');
    const byDigest = await run('openssl', ['ts', '-verify', '-digest', entryHash, ...common], { cwd: dir });
    expect(byDigest.stdout).toContain('Verification: OK');
    const otherHash = createHash('sha256').update('other').digest('hex');
    await expect(
      run('openssl', ['ts', '-verify', '-digest', otherHash, ...common], { cwd: dir }),
    ).rejects.toThrow();
  });

  it('a token for another hash fails as imprint-mismatch', async () => {
    const other = createHash('sha256').update('another entry').digest('hex');
    const result = await verifyTimestampToken(token, other, tsa.caPem);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'imprint-mismatch' } });
    if (!result.ok) expect(result.problem.detail).toContain(other);
  });

  it('a tampered token fails naming why: altered TSTInfo, altered signature, garbage', async () => {
    // The imprint sits inside the signed TSTInfo: change its last byte and keep the expected hash in step.
    const imprintAt = Buffer.from(token).indexOf(Buffer.from(entryHash, 'hex')) + 31;
    const alteredInfo = flipByte(token, imprintAt);
    const alteredHash = Buffer.from(alteredInfo.subarray(imprintAt - 31, imprintAt + 1)).toString('hex');
    expect(await verifyTimestampToken(alteredInfo, alteredHash, tsa.caPem)).toMatchObject({
      ok: false,
      problem: { kind: 'message-digest' },
    });
    // The RSA signature is the last element of the token.
    expect(await verifyTimestampToken(flipByte(token, -5), entryHash, tsa.caPem)).toMatchObject({
      ok: false,
      problem: { kind: 'signature' },
    });
    expect(await verifyTimestampToken(new Uint8Array([0x30, 0x03, 1, 2, 3]), entryHash)).toMatchObject({
      ok: false,
      problem: { kind: 'malformed' },
    });
    expect(timestampTokenImprint('not a token')).toBeUndefined();
  });

  it('a TSA certificate from another root fails the chain check', async () => {
    const stranger = await startLocalTsa();
    try {
      const result = await verifyTimestampToken(token, entryHash, stranger.caPem);
      expect(result).toMatchObject({ ok: false, problem: { kind: 'chain' } });
    } finally {
      await stranger.close();
    }
  });

  it('a TSA that refuses the request is reported with its failure info', async () => {
    tsa.mode = 'reject';
    try {
      const refused = requestTimestamp({ url: tsa.url, hashHex: entryHash });
      await expect(refused).rejects.toMatchObject({ code: 'tsa.rejected' });
      await expect(refused).rejects.toThrow(/status 2, badAlg/);
    } finally {
      tsa.mode = 'ok';
    }
  });

  it('a TSA that is down is reported as such', async () => {
    tsa.mode = 'down';
    try {
      const failure = requestTimestamp({ url: tsa.url, hashHex: entryHash });
      await expect(failure).rejects.toBeInstanceOf(TsaError);
      await expect(failure).rejects.toMatchObject({ code: 'tsa.http_status' });
      await expect(
        requestTimestamp({ url: 'http://127.0.0.1:1/tsa', hashHex: entryHash }),
      ).rejects.toMatchObject({
        code: 'tsa.unreachable',
      });
    } finally {
      tsa.mode = 'ok';
    }
  });
});

describe.each(databases)('evidence.timestamp job (%s)', (kind) => {
  const clock = manualClock();
  let t: TestApp;
  let caseId: string;
  let created: { caseNumber: string; accessKey: string };
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: clock.now, env: { MIMAMORU_TSA_URL: tsa.url } });
    const res = await submit(t.app, consultation('ZZTSA'));
    expect(res.statusCode).toBe(201);
    created = res.json() as { caseNumber: string; accessKey: string };
    caseId = await caseIdOf(t.container.database.db, created.caseNumber);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Adds an item through the locker's appendEntry, which queues the new head's timestamp in its transaction. */
  async function addItem(n: number): Promise<string> {
    const { hash } = await appendServerCapture(t, caseId, { text: `ZZTSA screenshot ${n}`, status: n, capturedAt: clock.now() });
    return hash;
  }

  const entries = () =>
    t.container.database.db
      .selectFrom('evidence_entries')
      .select(['seq', 'hash', 'prev'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();

  it('stamps a new head: the stored token verifies against the entry hash and the test root', async () => {
    const hash = await addItem(1);
    expect(await t.container.worker.runOnce()).toMatchObject({ done: 1, retried: 0, failed: 0 });
    const [stamp, ...more] = await t.container.services.evidenceTimestamps.listTimestamps(caseId);
    expect(more).toEqual([]);
    expect(stamp).toMatchObject({ seq: 1, hash, tsa: tsa.url });
    const verdict = await verifyTimestampToken(Buffer.from(stamp!.tokenBase64, 'base64'), hash, tsa.caPem);
    expect(verdict, JSON.stringify(verdict)).toMatchObject({
      ok: true,
      genTime: stamp!.genTime,
      chainChecked: true,
    });
    expect(t.logs.join('\n')).not.toContain('ZZTSA');
  });

  it('a TSA outage retries the job with backoff and leaves the locker intact; the token arrives once the TSA is back', async () => {
    const before = await entries();
    const hash = await addItem(2);
    const requestsBefore = tsa.requests;
    tsa.mode = 'down';
    try {
      expect(await t.container.worker.runOnce()).toMatchObject({ done: 0, retried: 1, failed: 0 });
      expect(tsa.requests).toBe(requestsBefore + 1);
      const job = await t.container.database.db
        .selectFrom('jobs')
        .select(['status', 'attempts', 'last_error', 'run_at'])
        .where('type', '=', EVIDENCE_TIMESTAMP_JOB)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'pending', attempts: 1 });
      expect(job.last_error).toContain('tsa.http_status');
      expect(Date.parse(job.run_at)).toBeGreaterThan(clock.now().getTime());
      // Not due yet: nothing runs until the backoff has passed.
      expect(await t.container.worker.runOnce()).toMatchObject({ done: 0, retried: 0 });
      expect((await entries()).map((e) => e.hash)).toEqual([before[0]!.hash, hash]);
      const locker = await t.container.services.evidence.readLocker(caseId);
      expect(locker.verification).toEqual({ ok: true });
      expect(locker.items).toHaveLength(2);
      expect(
        (await t.container.services.evidenceTimestamps.listTimestamps(caseId)).map((s) => s.seq),
      ).toEqual([1]);
    } finally {
      tsa.mode = 'ok';
    }
    clock.advance(31_000);
    expect(await t.container.worker.runOnce()).toMatchObject({ done: 1, retried: 0, failed: 0 });
    const stamps = await t.container.services.evidenceTimestamps.listTimestamps(caseId);
    expect(stamps.map((s) => [s.seq, s.hash])).toEqual([
      [1, before[0]!.hash],
      [2, hash],
    ]);
  });

  it('a job run twice stores one token (idempotent)', async () => {
    const [first] = await entries();
    await t.container.database.db
      .transaction()
      .execute((trx) =>
        enqueueEvidenceTimestamp(
          trx,
          { caseId, seq: 1, hash: first!.hash },
          { keyring: t.container.keyring, clock: clock.now, tsaUrl: t.config.tsaUrl },
        ),
      );
    const requestsBefore = tsa.requests;
    expect(await t.container.worker.runOnce()).toMatchObject({ done: 1 });
    expect(tsa.requests).toBe(requestsBefore);
    expect((await t.container.services.evidenceTimestamps.listTimestamps(caseId)).length).toBe(2);
  });

  it('without MIMAMORU_TSA_URL nothing is queued', async () => {
    const jobsBefore = await t.container.database.db.selectFrom('jobs').select('id').execute();
    await t.container.database.db
      .transaction()
      .execute((trx) =>
        enqueueEvidenceTimestamp(
          trx,
          { caseId, seq: 1, hash: 'a'.repeat(64) },
          { keyring: t.container.keyring, clock: clock.now, tsaUrl: undefined },
        ),
      );
    expect(await t.container.database.db.selectFrom('jobs').select('id').execute()).toHaveLength(
      jobsBefore.length,
    );
  });

  it('erasing the case deletes its tokens; a stamp queued for an entry that is gone is skipped without asking the TSA', async () => {
    const session = await login(t.app, created.caseNumber, created.accessKey);
    const erased = await t.app.inject({
      method: 'POST',
      url: '/api/victim/erasure',
      headers: { ...json, cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { confirm: true },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await t.container.services.evidenceTimestamps.listTimestamps(caseId)).toEqual([]);

    await t.container.database.db
      .transaction()
      .execute((trx) =>
        enqueueEvidenceTimestamp(
          trx,
          { caseId, seq: 99, hash: 'b'.repeat(64) },
          { keyring: t.container.keyring, clock: clock.now, tsaUrl: t.config.tsaUrl },
        ),
      );
    const requestsBefore = tsa.requests;
    expect(await t.container.worker.runOnce()).toMatchObject({ done: 1, retried: 0, failed: 0 });
    expect(tsa.requests).toBe(requestsBefore);
    expect(await t.container.services.evidenceTimestamps.listTimestamps(caseId)).toEqual([]);
  });
});
