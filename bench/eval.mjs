// Measures the classifier and the number extractor against the expert labels (a dev set):
// primary-technique agreement, and headline-number recall and precision.
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { corpusDir, labelsFile } from './shared.mjs';

const { parseDigest } = createRequire(import.meta.url)('../dist/digest.js');
const labels = fs
  .readFileSync(labelsFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const digests = new Map();
const verbose = process.argv.includes('--verbose');

let agree = 0,
  expectedNumbers = 0,
  foundNumbers = 0,
  matchedNumbers = 0;
for (const label of labels) {
  if (!digests.has(label.report))
    digests.set(label.report, parseDigest(fs.readFileSync(path.join(corpusDir, label.report), 'utf8')));
  const paper = digests.get(label.report).papers.find((p) => p.index === label.index);
  const primary = paper?.techniques[0]?.id;
  if (primary === label.primary) agree++;
  else if (verbose)
    console.log(
      `technique  ${label.report.slice(0, 16)} #${label.index}: expected ${label.primary}, got ${primary}  (${paper?.techniques.map((t) => `${t.id}:${t.score}`).join(' ')})  ${label.title.slice(0, 50)}`,
    );
  const found = paper?.headlineNumbers.map((n) => n.text) ?? [];
  const matched = label.headline_numbers.filter((n) => found.includes(n));
  expectedNumbers += label.headline_numbers.length;
  foundNumbers += found.length;
  matchedNumbers += matched.length;
  if (verbose && (matched.length !== label.headline_numbers.length || found.length !== matched.length)) {
    console.log(
      `numbers    ${label.report.slice(0, 16)} #${label.index}: expected ${JSON.stringify(label.headline_numbers)}, got ${JSON.stringify(found)}`,
    );
  }
}
const ratio = (a, b) => (b === 0 ? 1 : a / b).toFixed(3);
console.log(`papers labelled:            ${labels.length}`);
console.log(`primary-technique agreement: ${ratio(agree, labels.length)} (${agree}/${labels.length}; target ≥ 0.85)`);
console.log(
  `headline-number recall:      ${ratio(matchedNumbers, expectedNumbers)} (${matchedNumbers}/${expectedNumbers}; target ≥ 0.90)`,
);
console.log(
  `headline-number precision:   ${ratio(matchedNumbers, foundNumbers)} (${matchedNumbers}/${foundNumbers}; target ≥ 0.80)`,
);
