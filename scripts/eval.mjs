#!/usr/bin/env node
// `npm run eval`: precision, recall and F1 of the post analysis engine (packages/core analyzePost) on the labelled
// evaluation set in eval/ (see eval/README.md), per category, for "any label" and for harmless posts, with a
// confusion summary. Runs on the test split by default; `--split dev` for the part the engine may be tuned on.
//
//   node scripts/eval.mjs [--split test|dev|dev2|dev3|all] [--threshold 0.5] [--errors] [--json]
//   (dev2: a second development set written to check that tuning on dev generalises; dev3: a third, scored
//   before any rule was changed for it; see eval/README.md)
//   node scripts/eval.mjs --resplit     re-deal dev/test 50/50 by a seeded hash of each id (idempotent)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = join(root, 'eval');
const SPLIT_SEED = 20261129;

function usage(message) {
  if (message) console.error(`eval: ${message}`);
  console.error(
    'usage: node scripts/eval.mjs [--split test|dev|dev2|dev3|all] [--threshold 0..1] [--errors] [--json] | --resplit',
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const options = { split: 'test', threshold: undefined, errors: false, json: false, resplit: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--split') options.split = args[++i];
  else if (a === '--threshold') options.threshold = Number(args[++i]);
  else if (a === '--errors') options.errors = true;
  else if (a === '--json') options.json = true;
  else if (a === '--resplit') options.resplit = true;
  else usage(`unknown argument ${a}`);
}
if (!['test', 'dev', 'dev2', 'dev3', 'all'].includes(options.split))
  usage('--split is test, dev, dev2, dev3 or all');
if (options.threshold !== undefined && !(options.threshold >= 0 && options.threshold <= 1))
  usage('--threshold is a number from 0 to 1');

// Build core first (incremental: a no-op when it is up to date).
const built = spawnSync('npx', ['tsc', '-b', 'packages/core'], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) {
  console.error(`${built.stdout}${built.stderr}eval: packages/core does not build; fix the errors above.`);
  process.exit(1);
}
const core = await import(new URL('../packages/core/dist/index.js', import.meta.url).href);
const CATEGORIES = core.ANALYSIS_CATEGORIES;

function load(name) {
  const path = join(evalDir, `${name}.jsonl`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, n }) => {
      const row = JSON.parse(line);
      if (typeof row.id !== 'string' || typeof row.text !== 'string' || !Array.isArray(row.labels))
        throw new Error(`eval/${name}.jsonl line ${n}: needs id, text and labels`);
      for (const l of row.labels)
        if (!CATEGORIES.includes(l)) throw new Error(`eval/${name}.jsonl line ${n}: unknown label ${l}`);
      return row;
    });
}

if (options.resplit) {
  const all = [...load('dev'), ...load('test')];
  const ids = new Set();
  for (const row of all) {
    if (ids.has(row.id)) throw new Error(`duplicate id ${row.id}`);
    ids.add(row.id);
  }
  const dealt = [...all].sort(
    (a, b) => core.hash53(a.id, SPLIT_SEED) - core.hash53(b.id, SPLIT_SEED) || a.id.localeCompare(b.id),
  );
  const half = Math.ceil(dealt.length / 2);
  const write = (name, rows) =>
    writeFileSync(
      join(evalDir, `${name}.jsonl`),
      rows
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((r) =>
          JSON.stringify({ id: r.id, text: r.text, labels: r.labels, ...(r.note ? { note: r.note } : {}) }),
        )
        .join('\n') + '\n',
    );
  write('dev', dealt.slice(0, half));
  write('test', dealt.slice(half));
  console.log(
    `eval: ${all.length} posts dealt into dev (${half}) and test (${all.length - half}), seed ${SPLIT_SEED}.`,
  );
  process.exit(0);
}

if (typeof core.analyzePost !== 'function') {
  console.error('eval: packages/core does not export analyzePost yet.');
  process.exit(1);
}

const rows = options.split === 'all' ? [...load('dev'), ...load('test')] : load(options.split);
const analysisOptions = options.threshold === undefined ? {} : { threshold: options.threshold };
const results = rows.map((row) => {
  const analysis = core.analyzePost(row.text, analysisOptions);
  const predicted = analysis.labels.filter((l) => CATEGORIES.includes(l));
  return { row, gold: new Set(row.labels), predicted: new Set(predicted), analysis };
});

const ratio = (a, b) => (b === 0 ? null : a / b);
const f1 = (p, r) => (p === null || r === null || p + r === 0 ? null : (2 * p * r) / (p + r));
function metrics(isGold, isPredicted) {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const r of results) {
    const g = isGold(r),
      p = isPredicted(r);
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const precision = ratio(tp, tp + fp),
    recall = ratio(tp, tp + fn);
  return { support: tp + fn, predicted: tp + fp, tp, fp, fn, precision, recall, f1: f1(precision, recall) };
}

const table = {};
for (const c of CATEGORIES)
  table[c] = metrics(
    (r) => r.gold.has(c),
    (r) => r.predicted.has(c),
  );
table['any label'] = metrics(
  (r) => r.gold.size > 0,
  (r) => r.predicted.size > 0,
);
// Harmless posts: "no label" as the class. Precision: of the posts left unlabelled, how many are harmless;
// recall: of the harmless posts, how many were left unlabelled (1 − false-alarm rate).
table['no label (harmless)'] = metrics(
  (r) => r.gold.size === 0,
  (r) => r.predicted.size === 0,
);
const macro = CATEGORIES.map((c) => table[c].f1 ?? 0).reduce((a, b) => a + b, 0) / CATEGORIES.length;

// Confusion: for the posts of each gold category, which categories the engine reported (multi-label counts),
// and '—' for posts it left unlabelled; plus the harmless posts' false alarms by category.
const confusion = {};
for (const gold of [...CATEGORIES, '(harmless)']) {
  const of = results.filter((r) => (gold === '(harmless)' ? r.gold.size === 0 : r.gold.has(gold)));
  const counts = Object.fromEntries([...CATEGORIES, '—'].map((c) => [c, 0]));
  for (const r of of) {
    if (r.predicted.size === 0) counts['—']++;
    for (const p of r.predicted) counts[p]++;
  }
  confusion[gold] = { posts: of.length, counts };
}
const confusions = [];
for (const gold of CATEGORIES)
  for (const p of CATEGORIES)
    if (p !== gold) {
      const n = results.filter((r) => r.gold.has(gold) && !r.gold.has(p) && r.predicted.has(p)).length;
      if (n > 0) confusions.push({ gold, predicted: p, n });
    }
confusions.sort((a, b) => b.n - a.n);

if (options.json) {
  console.log(
    JSON.stringify(
      {
        split: options.split,
        posts: rows.length,
        threshold: options.threshold ?? core.DEFAULT_LABEL_THRESHOLD,
        table,
        macroF1: macro,
        confusion,
        confusions,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

const pct = (x) => (x === null ? '   —' : x.toFixed(3));
console.log(
  `eval/${options.split === 'all' ? '{dev,test}' : options.split}.jsonl: ${rows.length} posts, threshold ${options.threshold ?? core.DEFAULT_LABEL_THRESHOLD}\n`,
);
console.log(
  `${'category'.padEnd(24)}${'support'.padStart(8)}${'flagged'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(8)}${'F1'.padStart(8)}`,
);
for (const [name, m] of Object.entries(table)) {
  if (name === 'any label') console.log('-'.repeat(68));
  console.log(
    `${name.padEnd(24)}${String(m.support).padStart(8)}${String(m.predicted).padStart(9)}${pct(m.precision).padStart(11)}${pct(m.recall).padStart(8)}${pct(m.f1).padStart(8)}`,
  );
}
console.log(`${'macro F1 (categories)'.padEnd(24)}${''.padStart(36)}${macro.toFixed(3).padStart(8)}`);

console.log(
  '\nConfusion: rows = gold category (posts), columns = categories the engine reported on them; — = no label',
);
const short = {
  insult: 'ins',
  defamation: 'def',
  threat: 'thr',
  privacy: 'pri',
  sexual: 'sex',
  discrimination: 'dis',
  'self-harm-incitement': 'shi',
  '—': '—',
};
console.log(
  `${''.padEnd(24)}${'posts'.padStart(6)}${[...CATEGORIES, '—'].map((c) => short[c].padStart(6)).join('')}`,
);
for (const [gold, { posts, counts }] of Object.entries(confusion)) {
  console.log(
    `${gold.padEnd(24)}${String(posts).padStart(6)}${[...CATEGORIES, '—'].map((c) => String(counts[c]).padStart(6)).join('')}`,
  );
}
if (confusions.length > 0) {
  console.log('\nMost confused (gold → reported instead of / besides it, on posts without that gold label):');
  for (const c of confusions.slice(0, 8)) console.log(`  ${c.gold} → ${c.predicted}: ${c.n}`);
}

if (options.errors) {
  console.log('\nErrors (id, gold → predicted, text):');
  for (const r of results) {
    const g = [...r.gold].sort().join(',');
    const p = [...r.predicted].sort().join(',');
    if (g !== p) console.log(`  ${r.row.id.padEnd(9)} [${g || '—'}] → [${p || '—'}]  ${r.row.text}`);
  }
}
