import * as fs from 'fs';
import * as path from 'path';

/** The repository root, from a compiled test in out/test/… or a source file in test/. */
export const repoRoot = path.resolve(
  __dirname,
  fs.existsSync(path.resolve(__dirname, '../../package.json')) ? '../..' : '../../..',
);

/** The real reports: ../shared/corpus beside the repository, or DIGEST_CORPUS. */
export const corpusDir = process.env.DIGEST_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');

export const samplesDir = path.join(repoRoot, 'media', 'samples');

/** The number of reports in the corpus: a suite that reads fewer is not testing the corpus. */
export const CORPUS_REPORT_COUNT = 24;

/**
 * The corpus reports, or [] with a visible message when the corpus is absent.
 * Under CI its absence is a failure: a suite must not pass by reading nothing.
 */
export function corpusReports(): string[] {
  if (!fs.existsSync(corpusDir)) {
    if (process.env.CI === 'true') throw new Error(`The corpus is missing at ${corpusDir} (set DIGEST_CORPUS).`);
    console.warn(
      `\n  SKIPPED: no corpus at ${corpusDir}; set DIGEST_CORPUS to run the suites over the real reports.\n`,
    );
    return [];
  }
  const reports = fs
    .readdirSync(corpusDir)
    .filter((f) => /^\d{4}-\d{2}_.*\.md$/.test(f))
    .sort();
  if (reports.length !== CORPUS_REPORT_COUNT)
    throw new Error(`${corpusDir} holds ${reports.length} reports, not the corpus's ${CORPUS_REPORT_COUNT}.`);
  return reports;
}

/** The corpus reports for a test or hook, which is skipped without the corpus (and fails under CI). */
export function requireCorpus(context: Mocha.Context): string[] {
  const reports = corpusReports();
  if (!reports.length) context.skip();
  return reports;
}

export function readReport(name: string): string {
  return fs.readFileSync(path.join(corpusDir, name), 'utf8');
}

/** The report a test is about, by the start of its file name (e.g. "2025-10_10-10"). */
export function reportNamed(prefix: string): string {
  const match = corpusReports().find((f) => f.startsWith(prefix));
  if (!match) throw new Error(`no corpus report starts with ${prefix}`);
  return match;
}

/** The expert labels of ../shared/labels (or DIGEST_LABELS, a folder), one per paper: [] when absent. */
export interface PaperLabel {
  readonly report: string;
  readonly index: number;
  readonly primary: string;
  readonly headline_numbers: readonly string[];
}

export const labelsDir = process.env.DIGEST_LABELS_DIR ?? path.resolve(repoRoot, '..', 'shared', 'labels');

export function readLabels(): PaperLabel[] {
  if (!fs.existsSync(labelsDir)) {
    if (process.env.CI === 'true') throw new Error(`The labels are missing at ${labelsDir} (set DIGEST_LABELS_DIR).`);
    return [];
  }
  return fs
    .readdirSync(labelsDir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(labelsDir, f), 'utf8').split('\n'))
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PaperLabel);
}
