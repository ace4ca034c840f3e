#!/usr/bin/env node
// Benchmarks for the Guide's engine, printed as ratios against a baseline measured in the same run
// (never absolute timings in tests). Baseline: a JSON round trip of the same answers — the cheapest
// thing any request does with them. Runs against the built packages (npm run build first).
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { benchQueue } from './bench-queue.mjs';
import { benchBundle } from './bench-bundle.mjs';
import { benchAnalyze } from './bench-analyze.mjs';
import { benchDocuments } from './bench-documents.mjs';

const coreDist = new URL('../packages/core/dist/index.js', import.meta.url);
const contractsDist = new URL('../packages/contracts/dist/index.js', import.meta.url);
if (!existsSync(coreDist) || !existsSync(contractsDist)) {
  console.error('bench: build first (npm run build).');
  process.exit(1);
}
const core = await import(coreDist.href);
const { TriageAnswersSchema } = await import(contractsDist.href);

const FACT_SETS = [
  ['name-calling', 'face-photo', 'personal-info'],
  ['reputation-facts', 'name-calling', 'repeated-contact'],
  ['threat-life'],
  ['impersonation', 'sexual-images'],
  ['business-attack', 'identity-attack', 'reputation-facts'],
];
const answers = Array.from({ length: 200 }, (_, i) => ({
  asOf: '2026-11-29',
  facts: FACT_SETS[i % FACT_SETS.length],
  identifiable: ['real-name', 'linked-handle', 'handle-only', 'unsure'][i % 4],
  platforms: [['x'], ['instagram', 'tiktok'], ['5ch'], ['google-maps']][i % 4],
  postedAt: core.addDays('2026-01-01', i),
  offender: i % 3 === 0 ? { known: true, knownSince: core.addDays('2026-06-01', i % 150) } : { known: false },
  goals: [['delete'], ['identify', 'compensation'], ['punish'], ['advice', 'support']][i % 4],
  wellbeing: { selfHarmThoughts: i % 7 === 0 },
  victim: { minor: i % 11 === 0, language: i % 5 === 0 ? 'vi' : 'ja' },
  means:
    i % 2
      ? {
          householdSize: 1 + (i % 5),
          monthlyIncomeJpy: 150_000 + i * 1000,
          assetsJpy: 500_000,
          area: 'grade1',
        }
      : undefined,
}));
const dates = Array.from({ length: 2000 }, (_, i) => core.addDays('2024-01-01', i));

/** Median ops/second of `rounds` timed rounds of `fn` over all items. */
function opsPerSecond(items, fn, rounds = 7) {
  const samples = [];
  for (let r = 0; r < rounds + 1; r++) {
    const start = performance.now();
    for (const item of items) fn(item);
    const ms = performance.now() - start;
    if (r > 0) samples.push((items.length / ms) * 1000); // first round warms up
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const baseline = opsPerSecond(answers, (a) => JSON.parse(JSON.stringify(a)));
const rows = [
  ['baseline: JSON round trip of the answers', baseline],
  ['validate answers (TriageAnswersSchema)', opsPerSecond(answers, (a) => TriageAnswersSchema.parse(a))],
  ['triage(answers) ja', opsPerSecond(answers, (a) => core.triage(a, { locale: 'ja' }))],
  ['triage(answers) en', opsPerSecond(answers, (a) => core.triage(a, { locale: 'en' }))],
  ['criminalComplaintDeadline (per date)', opsPerSecond(dates, (d) => core.criminalComplaintDeadline(d))],
  [
    'localize all windows (directory page)',
    opsPerSecond([0, 1, 2, 3], () => core.WINDOWS.map((w) => core.localizeWindow(w, 'ja', new Date()))),
  ],
];

console.log('benchmark'.padEnd(44), 'ops/s'.padStart(12), 'vs baseline'.padStart(14));
for (const [name, ops] of rows) {
  console.log(name.padEnd(44), ops.toFixed(0).padStart(12), `${(ops / baseline).toFixed(3)}×`.padStart(14));
}
console.log(
  '\n(ratios > 1 are faster than the baseline; compare ratios between runs, not ops/s between machines)',
);

// Intake throughput: consultations (JSON, no attachments) through the whole app on SQLite in a
// temp dir (validation, argon2id, sealing, one committed transaction), against a bare Fastify route
// doing the same ConsultationRequestSchema validation and answering 201 without storing.
await benchIntake();

// The staff queue at 100,000 cases on SQLite and PostgreSQL, against a bare indexed SELECT (bench-queue.mjs).
await benchQueue();
await benchBundle();
// Post analysis of 100,000 synthetic posts against read + parse + NFKC + write (bench-analyze.mjs).
await benchAnalyze();
// The 開示請求書 with 20 posts to PDF and DOCX, against a plain one-page PDF in the same font (bench-documents.mjs).
await benchDocuments();

async function benchIntake() {
  const serverDist = new URL('../apps/server/dist/', import.meta.url);
  if (!existsSync(new URL('app.js', serverDist))) {
    console.error('bench: apps/server is not built (npm run build).');
    process.exit(1);
  }
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { randomBytes } = await import('node:crypto');
  const { default: Fastify } = await import('fastify');
  const { buildApp } = await import(new URL('app.js', serverDist).href);
  const { createContainer } = await import(new URL('container.js', serverDist).href);
  const { loadConfig } = await import(new URL('config/config.js', serverDist).href);
  const { migrateToLatest } = await import(new URL('db/database.js', serverDist).href);
  const { ConsultationRequestSchema } = await import(contractsDist.href);

  const COUNT = 300;
  const bodies = Array.from({ length: COUNT }, (_, i) =>
    JSON.stringify({
      name: `bench ${i}`,
      narrative: `匿名のアカウントから毎日のように中傷する投稿が続いています (${i})。`.repeat(8),
      platforms: ['x', '5ch'],
      postUrls: [`https://x.com/someone/status/${1000 + i}`],
      happenedAt: '2026-10-01',
      goals: ['delete', 'identify'],
      contact: { channel: i % 2 ? 'email' : 'in-app', email: `bench${i}@example.jp` },
      consent: { privacyPolicyVersion: core.PRIVACY_POLICY_VERSION, accepted: true },
    }),
  );
  const headers = { 'content-type': 'application/json' };
  /** Submissions per second, sequential, after a short warm-up. */
  async function perSecond(app) {
    for (const payload of bodies.slice(0, 20))
      await app.inject({ method: 'POST', url: '/api/consultations', headers, payload });
    const start = performance.now();
    for (const payload of bodies) {
      const res = await app.inject({ method: 'POST', url: '/api/consultations', headers, payload });
      if (res.statusCode !== 201) throw new Error(`bench: expected 201, got ${res.statusCode} ${res.body}`);
    }
    return (COUNT / (performance.now() - start)) * 1000;
  }

  const bare = Fastify({ logger: false });
  bare.post('/api/consultations', async (request, reply) => {
    const parsed = ConsultationRequestSchema.safeParse(request.body);
    if (!parsed.success) return reply.status(400).send({ error: 'invalid' });
    return reply
      .status(201)
      .send({ caseNumber: 'MM-0000-0000', accessKey: 'x', createdAt: new Date().toISOString() });
  });
  await bare.ready();
  const bareRate = await perSecond(bare);
  await bare.close();

  const dir = mkdtempSync(join(tmpdir(), 'mimamoru-bench-'));
  try {
    const config = loadConfig({
      MIMAMORU_ENV: 'test',
      MIMAMORU_DATA_DIR: join(dir, 'data'),
      MIMAMORU_WEB_DIST: join(dir, 'web'),
      MIMAMORU_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
    });
    const container = createContainer(config);
    await migrateToLatest(container.database);
    const app = await buildApp({ config, services: container.services, logStream: { write() {} } });
    const appRate = await perSecond(app);
    await app.close();
    await container.close();
    console.log(
      '\n' + 'intake benchmark (JSON, no attachments)'.padEnd(44),
      'subm/s'.padStart(12),
      'vs bare'.padStart(14),
    );
    console.log(
      'bare Fastify route: validate + 201'.padEnd(44),
      bareRate.toFixed(0).padStart(12),
      '1.000×'.padStart(14),
    );
    console.log(
      'POST /api/consultations (SQLite, stored)'.padEnd(44),
      appRate.toFixed(0).padStart(12),
      `${(appRate / bareRate).toFixed(3)}×`.padStart(14),
    );
    console.log('(the stored path includes one argon2id hash per submission, by design)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
