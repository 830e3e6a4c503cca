// Times the trends aggregation in Node on a library of 1,000 digests of 30 papers (30,000
// papers, built from the corpus), against a baseline measured in the same run: one pass
// that only counts papers per technique. Prints medians, ratios and the trends' size as
// JSON (the panel sends them packed, smaller). Run with `npm run bench:trends`.
import * as fs from 'fs';
import { createRequire } from 'module';
import { corpusFiles, median as timedMedian } from './shared.mjs';
import { loadLibrary } from '../scripts/library-bundle.mjs';

const require = createRequire(import.meta.url);
const { buildTrendLibrary } = require('../out/test/trendLibrary.js');
const { aggregateTrends, trendChoices } = await loadLibrary();
const RUNS = Number(process.env.BENCH_RUNS) || 15;

const started = process.hrtime.bigint();
const papers = buildTrendLibrary(corpusFiles().map((f) => fs.readFileSync(f, 'utf8')));
const buildMs = Number(process.hrtime.bigint() - started) / 1e6;

const median = (fn) => timedMedian(fn, RUNS);

const baseline = median(() => {
  const counts = new Map();
  for (const p of papers) counts.set(p.technique, (counts.get(p.technique) ?? 0) + 1);
  return counts;
});
const { to } = trendChoices(papers);
const institution = trendChoices(papers).institutions[0].key;
const cases = [
  ['open (all papers, per week)', { bucket: 'week' }],
  ['per day', { bucket: 'day' }],
  ['one technique', { bucket: 'week', technique: 'kv-cache' }],
  ['one institution', { bucket: 'week', institution }],
  ['last 90 days', { bucket: 'day', from: new Date(Date.parse(to) - 90 * 86_400_000).toISOString().slice(0, 10) }],
];
console.log(
  `${papers.length} papers over ${new Set(papers.map((p) => p.date)).size} days (built and normalised in ${buildMs.toFixed(0)} ms)`,
);
console.log(`baseline, one counting pass: ${baseline.toFixed(2)} ms`);
for (const [name, filter] of cases) {
  const ms = median(() => aggregateTrends(papers, filter));
  const trends = aggregateTrends(papers, filter);
  const bytes = JSON.stringify(trends).length;
  console.log(
    `${name.padEnd(28)} ${ms.toFixed(1).padStart(6)} ms  ×${(ms / baseline).toFixed(1).padStart(5)} baseline  ${trends.cells.length} bars  ${(bytes / 1024).toFixed(0)} KB as JSON`,
  );
}
