import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { EVIDENCE_TIMESTAMP_JOB } from '../src/modules/evidence-timestamp/evidence-timestamp.jobs.js';
import { requestTimestamp } from '../src/modules/evidence-timestamp/tsa-client.js';
import { createTestApp, databases, type TestApp } from './harness.js';
import { consultation, submit } from './intake-fixtures.js';
import { appendServerCapture, caseIdOf } from './support/evidence-chain.js';
import { manualClock } from './staff-fixtures.js';
import { startLocalTsa, type LocalTsa } from './support/local-tsa.js';

/*
 * MIMAMORU_TSA_CA_FILE (the TSA certificate must chain to a configured trust anchor), MIMAMORU_TSA_USERNAME /
 * MIMAMORU_TSA_PASSWORD (HTTP Basic for TSAs that require it) and `mimamoru verify --tsa-ca`, against the local
 * openssl TSA; a second local TSA with its own root plays a TSA outside the trust anchors.
 */

const USER = 'mimamoru-tsa-user';
const PASSWORD = 'ZZSECRET-tsa-pass:word';

let tsa: LocalTsa;
let stranger: LocalTsa;
/** The local TSA behind HTTP Basic authentication (401 without the right credentials). */
let guarded: { url: string; refused: number; close(): Promise<void> };
let dir: string;

async function startBasicAuthProxy(target: string) {
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  const state = { refused: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.headers.authorization !== expected) {
        state.refused += 1;
        response.writeHead(401, { 'www-authenticate': 'Basic realm="tsa"' }).end();
        return;
      }
      fetch(target, {
        method: 'POST',
        headers: { 'content-type': request.headers['content-type'] ?? '' },
        body: Buffer.concat(chunks),
      }).then(
        async (answer) =>
          response.writeHead(answer.status, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(await answer.arrayBuffer())),
        () => response.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    get refused() {
      return state.refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mimamoru-tsa-trust-'));
  [tsa, stranger] = await Promise.all([startLocalTsa(), startLocalTsa()]);
  guarded = await startBasicAuthProxy(tsa.url);
});
afterAll(async () => {
  await guarded.close();
  await Promise.all([tsa.close(), stranger.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('TSA configuration', () => {
  it('reads MIMAMORU_TSA_CA_FILE at boot and refuses a missing file, a file without certificates and half-set credentials', () => {
    const config = loadConfig({ MIMAMORU_TSA_URL: tsa.url, MIMAMORU_TSA_CA_FILE: tsa.caFile, MIMAMORU_TSA_USERNAME: USER, MIMAMORU_TSA_PASSWORD: PASSWORD });
    expect(config.tsaTrustAnchors).toEqual({ file: tsa.caFile, pem: tsa.caPem });
    expect(config).toMatchObject({ tsaUsername: USER, tsaPassword: PASSWORD });
    expect(loadConfig({}).tsaTrustAnchors).toBeUndefined();

    const notPem = path.join(dir, 'not-a-cert.pem');
    fs.writeFileSync(notPem, 'hello');
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return [...(error as ConfigError).problems];
      }
    };
    expect(problems({ MIMAMORU_TSA_CA_FILE: path.join(dir, 'missing.pem') })).toEqual([expect.stringMatching(/^MIMAMORU_TSA_CA_FILE: cannot read/)]);
    expect(problems({ MIMAMORU_TSA_CA_FILE: notPem })).toEqual([expect.stringMatching(/no readable PEM certificate/)]);
    expect(problems({ MIMAMORU_TSA_USERNAME: USER })).toEqual([expect.stringMatching(/must be set together/)]);
    expect(problems({ MIMAMORU_TSA_USERNAME: 'a:b', MIMAMORU_TSA_PASSWORD: 'x' })).toEqual([expect.stringMatching(/must not contain ":"/)]);
    // The password never appears in a problem message.
    expect(problems({ MIMAMORU_TSA_PASSWORD: PASSWORD }).join('\n')).not.toContain(PASSWORD);
  });

  it('the TSA client sends HTTP Basic credentials and reports a 401 without showing them', async () => {
    const hash = 'c'.repeat(64);
    const token = await requestTimestamp({ url: guarded.url, hashHex: hash, auth: { username: USER, password: PASSWORD }, trustedCertsPem: tsa.caPem });
    expect(token.tsa).toBe('CN=mimamoru test TSA, O=mimamoru tests');
    const refused = requestTimestamp({ url: guarded.url, hashHex: hash });
    await expect(refused).rejects.toMatchObject({ code: 'tsa.http_status' });
    await expect(refused).rejects.toThrow(/HTTP 401 \(the TSA wants authentication/);
    const wrong = requestTimestamp({ url: guarded.url, hashHex: hash, auth: { username: USER, password: 'wrong' } });
    await expect(wrong).rejects.toThrow(/HTTP 401 \(check MIMAMORU_TSA_USERNAME/);
    await wrong.catch((error: Error) => expect(`${error.message} ${String(error.cause)}`).not.toContain('wrong'));
  });

  it('refuses a token whose TSA certificate does not chain to the trust anchors, as tsa.untrusted', async () => {
    await expect(requestTimestamp({ url: tsa.url, hashHex: 'd'.repeat(64), trustedCertsPem: stranger.caPem })).rejects.toMatchObject({
      code: 'tsa.untrusted',
    });
  });
});

describe.each(databases)('evidence.timestamp job with trust anchors and authentication (%s)', (kind) => {
  const clock = manualClock();
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  async function appWith(env: Record<string, string>) {
    const t = await createTestApp(kind, { clock: clock.now, env });
    apps.push(t);
    const res = await submit(t.app, consultation('ZZTRUST'));
    expect(res.statusCode).toBe(201);
    const { caseNumber } = res.json() as { caseNumber: string };
    const caseId = await caseIdOf(t.container.database.db, caseNumber);
    await appendServerCapture(t, caseId, { text: 'ZZTRUST screenshot', status: 1, capturedAt: clock.now(), fileName: 'shot.png' });
    const job = () =>
      t.container.database.db
        .selectFrom('jobs')
        .select(['status', 'attempts', 'last_error'])
        .where('type', '=', EVIDENCE_TIMESTAMP_JOB)
        .executeTakeFirstOrThrow();
    return { t, caseId, caseNumber, job };
  }

  it('stores a token whose TSA chains to MIMAMORU_TSA_CA_FILE, through HTTP Basic authentication; `verify --tsa-ca` accepts the bundle', async () => {
    const { t, caseId, caseNumber } = await appWith({
      MIMAMORU_TSA_URL: guarded.url,
      MIMAMORU_TSA_CA_FILE: tsa.caFile,
      MIMAMORU_TSA_USERNAME: USER,
      MIMAMORU_TSA_PASSWORD: PASSWORD,
    });
    expect(await t.container.worker.runOnce()).toMatchObject({ done: 1, retried: 0, failed: 0 });
    expect(await t.container.services.evidenceTimestamps.listTimestamps(caseId)).toHaveLength(1);
    expect(t.logs.join('\n')).not.toContain(PASSWORD);

    const bundle = path.join(dir, `${kind}-${caseNumber}.zip`);
    const prepared = await t.container.services.evidenceBundle.prepareExport({ caseId, exporter: { kind: 'operator' } });
    await prepared.write(fs.createWriteStream(bundle));
    const anchored = await cli(['verify', bundle, '--tsa-ca', tsa.caFile]);
    expect(anchored.code, anchored.stderr).toBe(0);
    expect(anchored.stdout).toMatch(/timestamps: 1, TSA signature valid \(CN=mimamoru test TSA, O=mimamoru tests\); TSA certificate chains to a trust anchor/);
    const plain = await cli(['verify', bundle]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('the TSA certificate was NOT checked against a trust anchor (use --tsa-ca FILE)');
    const foreign = await cli(['verify', bundle, '--tsa-ca', stranger.caFile]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/timestamp: timestamp of entry 1: chain: /);
    expect(foreign.stderr).toContain('file: timestamps/1-1.tsr');
    const unreadable = await cli(['verify', bundle, '--tsa-ca', path.join(dir, 'nope.pem')]);
    expect(unreadable).toMatchObject({ code: 2 });
  });

  it('refuses, for good, a token from a TSA outside the trust anchors: nothing stored, the locker intact', async () => {
    const { t, caseId, job } = await appWith({ MIMAMORU_TSA_URL: stranger.url, MIMAMORU_TSA_CA_FILE: tsa.caFile });
    expect(await t.container.worker.runOnce()).toMatchObject({ done: 0, retried: 0, failed: 1 });
    expect(await job()).toMatchObject({ status: 'failed' });
    expect((await job()).last_error).toContain('tsa.untrusted');
    expect(await t.container.services.evidenceTimestamps.listTimestamps(caseId)).toEqual([]);
    expect((await t.container.services.evidence.readLocker(caseId)).verification).toEqual({ ok: true });
  });

  it('without credentials a TSA that requires them answers 401 and the job retries later', async () => {
    const { t, caseId, job } = await appWith({ MIMAMORU_TSA_URL: guarded.url });
    const refusedBefore = guarded.refused;
    expect(await t.container.worker.runOnce()).toMatchObject({ done: 0, retried: 1, failed: 0 });
    expect(guarded.refused).toBe(refusedBefore + 1);
    expect((await job()).last_error).toContain('HTTP 401');
    expect(await t.container.services.evidenceTimestamps.listTimestamps(caseId)).toEqual([]);
  });
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdin: new PassThrough(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { code, stdout, stderr };
}
