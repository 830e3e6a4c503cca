// Measures the classifier against the expert labels (a dev set): primary-technique agreement;
// then the number extractor against every label (bench/eval-numbers.mjs).
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { corpusDir, labelsFile } from './shared.mjs';
import { evaluateNumbers } from './eval-numbers.mjs';

const { parseDigest } = createRequire(import.meta.url)('../dist/digest.js');
const labels = fs
  .readFileSync(labelsFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const digests = new Map();
const verbose = process.argv.includes('--verbose');

let agree = 0;
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
}
const ratio = (a, b) => (b === 0 ? 1 : a / b).toFixed(3);
console.log(`papers labelled:            ${labels.length}`);
console.log(`primary-technique agreement: ${ratio(agree, labels.length)} (${agree}/${labels.length}; target ≥ 0.85)`);
console.log('');
evaluateNumbers({ verbose });
