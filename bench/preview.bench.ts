// What the preview plugin adds to rendering the 5,000-paper digest, against markdown-it
// alone in the same run and with the options VS Code's preview uses. Cold: a new text,
// parsed by the core then decorated; warm: the same text again (the parse is cached, as
// when the preview re-renders on scroll or theme change). Run with `npm run bench:preview`.
import MarkdownIt from 'markdown-it';
import { digestPreviewPlugin } from '../src/preview/digestPreviewPlugin';
import { cachedDigestReader } from '../src/preview/digestReader';
import type { PreviewText } from '../src/preview/previewText';
import { corpusReports, readReport } from '../test/corpus';
import { buildLargeDigest } from '../test/largeDigest';

const PAPERS = Number(process.env.BENCH_PAPERS) || 5000;
const RUNS = Number(process.env.BENCH_RUNS) || 7;

const reports = corpusReports();
if (!reports.length) throw new Error('The benchmark needs the corpus (set DIGEST_CORPUS).');
const text = buildLargeDigest(reports.map(readReport), PAPERS);

const words: PreviewText = {
  techniqueLabel: (id) => id,
  numberReading: (n) => `${n.kind}: ${n.value}`,
  problemMessage: (p) => p.message,
  toAbstract: 'Abstract',
  toBrief: 'Brief',
  read: 'Read',
  starred: 'Starred',
};
// VS Code's preview engine: HTML and linkify on, typographer off.
const options = { html: true, linkify: true, typographer: false };
const plain = new MarkdownIt(options);
const warmReader = cachedDigestReader();
const warm = new MarkdownIt(options).use(digestPreviewPlugin, { digestOf: warmReader, text: words });
let coldReader = cachedDigestReader();
const cold = new MarkdownIt(options).use(digestPreviewPlugin, { digestOf: (t) => coldReader(t), text: words });

/** Runs the cases in turn, RUNS times after a warm-up, so that noise from other processes falls on all alike; medians in ms. */
function medians(cases: Record<string, () => void>): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (let i = 0; i <= RUNS; i++)
    for (const [name, run] of Object.entries(cases)) {
      const start = performance.now();
      run();
      if (i > 0) (times[name] ??= []).push(performance.now() - start);
    }
  const median = (t: number[]) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
  return Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
}

if (!warm.render(text).includes('data-technique=')) throw new Error('the plugin did not decorate the digest');
const { plainMs, coldMs, warmMs } = medians({
  plainMs: () => plain.render(text),
  coldMs: () => {
    coldReader = cachedDigestReader();
    cold.render(text);
  },
  warmMs: () => warm.render(text),
});

console.log(`digest: ${PAPERS} papers, ${(text.length / 1024 / 1024).toFixed(1)} M characters, median of ${RUNS} runs`);
console.log(`markdown-it render (baseline):            ${plainMs.toFixed(1)} ms`);
console.log(
  `with the plugin, new text (parse + marks): ${coldMs.toFixed(1)} ms  ratio ${(coldMs / plainMs).toFixed(2)}`,
);
console.log(
  `with the plugin, same text (marks only):   ${warmMs.toFixed(1)} ms  ratio ${(warmMs / plainMs).toFixed(2)}`,
);
