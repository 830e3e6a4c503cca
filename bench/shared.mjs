// Where the benchmarks and the evaluation find the real reports and the expert labels.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(root, '..', 'shared', 'corpus');
/** The folder of every label file, beside the corpus: the technique model trains and is judged on all of them. */
export const labelsDir = process.env.DIGEST_LABELS_DIR ?? path.resolve(corpusDir, '..', 'labels');
export const labelsFile = process.env.DIGEST_LABELS ?? path.join(labelsDir, 'techniques-dev.jsonl');

/** The median time of `runs` calls of `fn`, in milliseconds, after one warm-up call. */
export function median(fn, runs) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export function corpusFiles() {
  if (!fs.existsSync(corpusDir)) {
    console.error(`No corpus at ${corpusDir}; set DIGEST_CORPUS to the folder of real reports.`);
    process.exit(2);
  }
  return fs
    .readdirSync(corpusDir)
    .filter((f) => /^\d{4}-\d{2}_.*\.md$/.test(f))
    .sort()
    .map((f) => path.join(corpusDir, f));
}
