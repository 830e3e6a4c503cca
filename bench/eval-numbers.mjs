// Measures headline-number extraction against the expert labels of every corpus paper, report by
// report: recall and precision, and the misses and false positives by category.
// The extractor is hand-written rules, nothing is learned from the labels, so there is no
// cross-validation to run: each report is simply measured on its own. The rules were written
// with these labels in view, so the figures say how well they fit the corpus; the shapes seen
// only on later reports are held by the unit tests.
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { fileURLToPath } from 'url';
import { corpusDir, labelsFile } from './shared.mjs';

const { parseDigest } = createRequire(import.meta.url)('../dist/digest.js');

/** Every label file beside the configured one: the dev and the train set are read as one set. */
function readLabels() {
  const dir = path.dirname(labelsFile);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line));
}

/** The shape of a number's text, to see which rules miss or over-reach. */
function categoryOf(text) {
  if (/倍|[×xX](?![A-Za-z])|数量级/.test(text)) return 'multiplier';
  if (/个?百分点|个点|\d\s*点|pp\b/.test(text)) return 'points';
  if (/[%％]|半/.test(text)) return 'percent';
  if (/\/\s*(?:秒|s|sec|分钟|min)\b|\/秒|per second|FPS|QPS|TPS/i.test(text)) return 'throughput';
  if (/^[^\d]*[\d.,±/<>≤≥\s]+$/.test(text) || /^[A-Za-z][\w@.-]*\s*[<>≤≥]?\s*[\d.]+$|^[\d.]+\s+[A-Za-z]+$/.test(text))
    return 'score';
  if (!/\d/.test(text)) return 'number words';
  return 'other unit';
}

/** Items of `a` not in `b`, counting repeats. */
function minus(a, b) {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

export function evaluateNumbers({ verbose = false } = {}) {
  const labels = readLabels();
  const reports = new Map();
  for (const label of labels) {
    if (!reports.has(label.report)) {
      const digest = parseDigest(fs.readFileSync(path.join(corpusDir, label.report), 'utf8'));
      reports.set(label.report, { digest, papers: 0, expected: 0, found: 0, misses: [], falsePositives: [] });
    }
    const report = reports.get(label.report);
    const paper = report.digest.papers.find((p) => p.index === label.index);
    const found = paper?.headlineNumbers.map((n) => n.text) ?? [];
    report.papers++;
    report.expected += label.headline_numbers.length;
    report.found += found.length;
    for (const text of minus(label.headline_numbers, found)) report.misses.push({ index: label.index, text });
    for (const text of minus(found, label.headline_numbers)) report.falsePositives.push({ index: label.index, text });
  }

  const ratio = (a, b) => (b === 0 ? 1 : a / b).toFixed(3);
  const total = { papers: 0, expected: 0, found: 0, misses: [], falsePositives: [] };
  console.log('headline numbers by report (rules, nothing learned: each report measured on its own;');
  console.log('the rules were written with these labels in view, so this is their fit to the corpus)');
  console.log(`${'report'.padEnd(30)}  papers  labelled  found  recall  precision  misses  false+`);
  for (const [name, r] of [...reports].sort(([a], [b]) => a.localeCompare(b))) {
    const matched = r.expected - r.misses.length;
    console.log(
      `${name.replace('_ai_inference_report_', ' ').replace(/\.md$/, '').padEnd(30)}  ${String(r.papers).padStart(6)}  ${String(r.expected).padStart(8)}  ${String(r.found).padStart(5)}  ${ratio(matched, r.expected).padStart(6)}  ${ratio(matched, r.found).padStart(9)}  ${String(r.misses.length).padStart(6)}  ${String(r.falsePositives.length).padStart(6)}`,
    );
    if (verbose) {
      for (const m of r.misses) console.log(`    miss  #${m.index} ${m.text}  (${categoryOf(m.text)})`);
      for (const f of r.falsePositives) console.log(`    false+ #${f.index} ${f.text}  (${categoryOf(f.text)})`);
    }
    total.papers += r.papers;
    total.expected += r.expected;
    total.found += r.found;
    total.misses.push(...r.misses);
    total.falsePositives.push(...r.falsePositives);
  }

  const matched = total.expected - total.misses.length;
  const categories = [...new Set([...total.misses, ...total.falsePositives].map((n) => categoryOf(n.text)))].sort();
  console.log('\nmisses and false positives by category');
  for (const category of categories) {
    const count = (list) => list.filter((n) => categoryOf(n.text) === category).length;
    console.log(
      `  ${category.padEnd(14)} misses ${String(count(total.misses)).padStart(3)}   false+ ${String(count(total.falsePositives)).padStart(3)}`,
    );
  }
  console.log(`\npapers labelled:            ${total.papers} in ${reports.size} reports`);
  console.log(
    `headline-number recall:     ${ratio(matched, total.expected)} (${matched}/${total.expected}; target ≥ 0.93)`,
  );
  console.log(`headline-number precision:  ${ratio(matched, total.found)} (${matched}/${total.found}; target ≥ 0.90)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  evaluateNumbers({ verbose: process.argv.includes('--verbose') });
