// The library at the scale of years of digests (issue #11): builds 1,000 digests of 30
// papers from the corpus papers and prints, in one run, each figure beside its target:
// cold index from nothing (the CLI) against markdown-it's own parse of the same files,
// warm start from the persisted index, search latency over 200 queries in both languages,
// memory, and the index's size against the digests'. Run with `npm run bench:library`.
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { corpusPapers, createLibraryWorkspace } from './libraryWorkspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const scratch = path.join(root, '.test-output', 'bench-library');
const workspace = path.join(scratch, 'workspace');
const indexFile = path.join(scratch, 'index.json');
const DIGESTS = Number(process.env.BENCH_DIGESTS) || 1000;
const RUNS = Number(process.env.BENCH_RUNS) || 3;

// The library core is not a bundle of its own in dist/; build one for the benchmark.
esbuild.buildSync({
  entryPoints: [path.join(root, 'src', 'library', 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: path.join(root, 'out', 'bench', 'library.js'),
  logLevel: 'warning',
});
const { Library, loadIndex, tokenize } = require('../out/bench/library.js');
const { parseDigest } = require('../dist/digest.js');

const made = createLibraryWorkspace(workspace, { digests: DIGESTS });
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `workspace: ${made.files.length} digests, ${made.papers} papers (${made.distinctPapers} distinct), ${mb(made.bytes)}; median of ${RUNS} runs`,
);

// On a shared machine wall time stretches with the load; CPU time (all threads) much less.
const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const percentile = (times, p) => [...times].sort((a, b) => a - b)[Math.ceil((p / 100) * times.length) - 1];

/** Wall time of a node process running `args`, and its stdout. */
function timeNode(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

// Baseline: a node process that reads every file and runs markdown-it's own parse on it.
const baselineScript = `
const fs = require('fs'); const MarkdownIt = require(${JSON.stringify(require.resolve('markdown-it'))});
const md = new MarkdownIt(); for (const f of JSON.parse(fs.readFileSync(0, 'utf8'))) md.parse(fs.readFileSync(f, 'utf8'), {});`;
const fileList = path.join(scratch, 'files.json');
fs.writeFileSync(fileList, JSON.stringify(made.files));
const baselineMs = [];
const coldMs = [];
const warmCliMs = [];
const cli = path.join(root, 'dist', 'cli.js');
let summary;
for (let run = 0; run < RUNS; run++) {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', baselineScript], { input: fs.readFileSync(fileList) });
  baselineMs.push(Number(process.hrtime.bigint() - start) / 1e6);
  fs.rmSync(indexFile, { force: true });
  const cold = timeNode([cli, 'index', '--json', '--index-file', indexFile, workspace]);
  coldMs.push(cold.ms);
  summary = JSON.parse(cold.stdout);
  const warm = timeNode([cli, 'index', '--json', '--index-file', indexFile, workspace]);
  if (JSON.parse(warm.stdout).parsed !== 0) throw new Error('the warm run parsed files again');
  warmCliMs.push(warm.ms);
}
if (summary.digests !== DIGESTS || summary.papers !== made.papers)
  throw new Error(`index counted ${JSON.stringify(summary)}`);
if (summary.distinctPapers !== made.distinctPapers)
  throw new Error(`index found ${summary.distinctPapers} distinct papers, the workspace has ${made.distinctPapers}`);
const nodeStartMs = median(Array.from({ length: RUNS }, () => timeNode(['-e', '0']).ms));

// Warm start in process, as the extension does it: load the index, then stat every file.
const indexText = fs.readFileSync(indexFile, 'utf8');
const warmMs = [];
const warmCpuMs = [];
for (let run = 0; run < RUNS; run++) {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const { library, status } = loadIndex(indexText);
  if (status !== 'loaded') throw new Error(`the index did not load: ${status}`);
  let current = 0;
  for (const d of library.digests()) {
    const stat = fs.statSync(path.join(workspace, d.path));
    if (library.isCurrent({ path: d.path, size: stat.size, mtime: stat.mtimeMs })) current++;
  }
  if (current !== DIGESTS) throw new Error(`${DIGESTS - current} digests were not current`);
  warmMs.push(Number(process.hrtime.bigint() - start) / 1e6);
  warmCpuMs.push(cpuMs(cpuStart));
}

// Search needs the text: a library built from parsed files, its search index prepared.
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const library = new Library();
let start = process.hrtime.bigint();
let cpuStart = process.cpuUsage();
for (const file of made.files) {
  const stat = fs.statSync(file);
  const name = path.relative(workspace, file);
  library.addDigest({ path: name, size: stat.size, mtime: stat.mtimeMs }, parseDigest(fs.readFileSync(file, 'utf8')));
}
const libraryMs = Number(process.hrtime.bigint() - start) / 1e6;
const libraryCpuMs = cpuMs(cpuStart);
start = process.hrtime.bigint();
cpuStart = process.cpuUsage();
library.prepareSearch();
const searchIndexMs = Number(process.hrtime.bigint() - start) / 1e6;
const searchIndexCpuMs = cpuMs(cpuStart);
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
const rss = process.memoryUsage().rss;

// 200 queries: 100 English (title words, the last one half typed; institutions; technique
// labels) and 100 Chinese (words of briefs; labels), picked deterministically.
const papers = corpusPapers();
const queries = [];
for (let i = 0; queries.length < 200; i++) {
  const paper = papers[(i * 37) % papers.length];
  if (i % 2 === 0) {
    const words = paper.title.split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w));
    if (i % 10 === 0 && paper.institutions) queries.push(paper.institutions.split(',')[0]);
    else if (words.length >= 2) {
      const last = words[(i >> 1) % words.length];
      queries.push(`${words[0]} ${last.slice(0, Math.max(3, last.length - 2))}`);
    }
  } else {
    const words = tokenize(paper.brief).filter((w) => /^\p{Script=Han}{2,}$/u.test(w));
    if (words.length >= 2) queries.push(i % 3 === 0 ? words[i % words.length] : `${words[0]} ${words[1]}`);
  }
}
const searchMs = [];
const searchCpuMs = [];
let hits = 0;
for (const query of queries) {
  const begin = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  hits += library.search(query).length > 0 ? 1 : 0;
  searchMs.push(Number(process.hrtime.bigint() - begin) / 1e6);
  searchCpuMs.push(cpuMs(cpuStart));
}

const baseline = median(baselineMs);
const cold = median(coldMs);
const indexBytes = fs.statSync(indexFile).size;
console.log(`markdown-it parse of the same files (baseline, node process): ${baseline.toFixed(0)} ms`);
console.log(
  `cold index (CLI, from nothing): ${cold.toFixed(0)} ms — ratio to baseline ${(cold / baseline).toFixed(2)} (target ≤ 3)`,
);
console.log(
  `warm start from the persisted index (in process: load + stat every file): ${median(warmMs).toFixed(0)} ms, CPU ${median(warmCpuMs).toFixed(0)} ms (target < 300 ms)`,
);
console.log(
  `warm CLI index (nothing changed): ${median(warmCliMs).toFixed(0)} ms, of which node's own start ${nodeStartMs.toFixed(0)} ms`,
);
console.log(
  `full-text library in process: parse + add ${libraryMs.toFixed(0)} ms (CPU ${libraryCpuMs.toFixed(0)}), search index ${searchIndexMs.toFixed(0)} ms (CPU ${searchIndexCpuMs.toFixed(0)})`,
);
console.log(
  `search over ${queries.length} queries (${hits} with hits): p50 ${percentile(searchMs, 50).toFixed(1)} ms, p95 ${percentile(searchMs, 95).toFixed(1)} ms, max ${Math.max(...searchMs).toFixed(1)} ms; CPU p50 ${percentile(searchCpuMs, 50).toFixed(1)} ms, p95 ${percentile(searchCpuMs, 95).toFixed(1)} ms (target p95 < 20 ms)`,
);
console.log(
  global.gc
    ? `memory: library with search index ${mb(heapAfter - heapBefore)} of heap, process RSS ${mb(rss)} (target < 300 MB)`
    : 'memory: run with node --expose-gc to measure',
);
console.log(`load average (1 min): ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
console.log(
  `persisted index: ${mb(indexBytes)} for ${mb(made.bytes)} of digests — ratio ${(indexBytes / made.bytes).toFixed(2)} (target < 0.5)`,
);
