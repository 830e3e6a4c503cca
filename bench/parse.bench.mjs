// Times parseDigest against markdown-it's own default parse of the same text, in the same
// run, on a 5,000-paper digest built from the corpus; prints both, their ratio, and the
// memory the model retains. Run with `npm run bench`.
import * as fs from 'fs';
import { createRequire } from 'module';
import { corpusFiles, median as timedMedian } from './shared.mjs';

const require = createRequire(import.meta.url);
const { SourceLines, defaultClassifier, parseDigest, updateDigest } = require('../dist/digest.js');
const { buildLargeDigest } = require('../out/test/largeDigest.js');
const MarkdownIt = require('markdown-it');

const PAPERS = Number(process.env.BENCH_PAPERS) || 5000;
// Medians of at least 9 runs (15 unless BENCH_RUNS says otherwise): on a shared machine fewer let a few slow runs decide.
const RUNS = Math.max(9, Number(process.env.BENCH_RUNS) || 15);
const text = buildLargeDigest(
  corpusFiles().map((f) => fs.readFileSync(f, 'utf8')),
  PAPERS,
);
const markdownIt = new MarkdownIt();

const median = (fn) => timedMedian(fn, RUNS);

/** Medians of functions run in turn, round by round, so that a busy machine slows them alike. */
function interleavedMedians(fns) {
  for (const fn of fns) fn(); // warm-up
  const times = fns.map(() => []);
  for (let i = 0; i < RUNS; i++)
    fns.forEach((fn, f) => {
      const start = process.hrtime.bigint();
      fn();
      times[f].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

function retainedBytes(build) {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  global.gc?.();
  const after = process.memoryUsage().heapUsed;
  return { bytes: after - before, kept };
}

const digest = parseDigest(text);
if (digest.papers.length !== PAPERS) throw new Error(`expected ${PAPERS} papers, parsed ${digest.papers.length}`);
// The same parse with a classifier that puts every paper in Other: the rest is classification's share.
const unclassified = {
  ...defaultClassifier(),
  classify: () => [{ id: 'other', score: 1, evidence: [], reasons: [], alternative: false }],
};
const [digestMs, markdownItMs, unclassifiedMs] = interleavedMedians([
  () => parseDigest(text),
  () => markdownIt.parse(text, {}),
  () => parseDigest(text, { classifier: unclassified }),
]);
const memory = retainedBytes(() => parseDigest(text));

// A one-character edit in the middle paper's brief, applied to the previous parse.
const lines = text.split('\n');
const line = digest.papers[Math.floor(PAPERS / 2)].brief.textLine;
lines[line] = '新' + lines[line];
// The edited document's lines, as an editor holds them (VS Code's document, in the extension).
const edited = new SourceLines(lines.join('\n'));
const change = { startLine: line, oldEndLine: line, newEndLine: line };
if (!updateDigest(digest, edited, change)) throw new Error('the edit should update the previous parse');
const updateMs = median(() => updateDigest(digest, edited, change));

console.log(
  `digest: ${PAPERS} papers, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB, median of ${RUNS} runs`,
);
/** A time against the markdown-it baseline of the same run. */
const againstBaseline = (ms) =>
  `${(ms / markdownItMs).toFixed(2)} (${ms.toFixed(1)} ms / markdown-it ${markdownItMs.toFixed(1)} ms)`;
console.log(`full parse / markdown-it:      ${againstBaseline(digestMs)}, target ≤ 1.0`);
console.log(`structure alone / markdown-it: ${againstBaseline(unclassifiedMs)}, target ≤ 0.6`);
console.log('  (structure alone: parseDigest with every paper in Other, no technique classification)');
console.log(
  `technique classification's share: ${(((digestMs - unclassifiedMs) / digestMs) * 100).toFixed(0)}% (${(digestMs - unclassifiedMs).toFixed(1)} ms)`,
);
console.log(
  `updateDigest after a one-character edit in a brief: ${updateMs.toFixed(1)} ms (a full parse: ${digestMs.toFixed(1)} ms)`,
);
console.log(
  global.gc
    ? `model retained memory: ${(memory.bytes / 1024 / 1024).toFixed(1)} MB (${memory.kept.papers.length} papers, ${(memory.bytes / Buffer.byteLength(text)).toFixed(2)}× the text's bytes)`
    : 'model retained memory: run with node --expose-gc to measure',
);
