import * as fs from 'fs';
import * as path from 'path';
import * as z from 'zod/mini';
import {
  buildTaxonomy,
  createClassifier,
  CustomTechniques,
  DEFAULT_MAX_SIZE_MB,
  parseDigest,
  toCsv,
  toExportRows,
  type Digest,
  type ExportRow,
  type ParseOptions,
} from './digest';
import type { Library } from './library';
import { findMarkdownFiles, readDigest, type SkippedFile } from './node/digestFiles';
import { defaultIndexFile, indexFolder } from './node/libraryFolder';

const USAGE = `Usage:
  digest-lens parse [--json] <file>
  digest-lens lint <file>...
  digest-lens export --format csv|json <file or folder>...
  digest-lens index [--json] [--index-file FILE] <folder>
  digest-lens search [--json] [--limit N] "<query>" <folder>
Options:
  --max-size-mb N   refuse files larger than N MB (default ${DEFAULT_MAX_SIZE_MB}; also DIGEST_LENS_MAX_SIZE_MB)
  --taxonomy FILE   a JSON array of custom technique groups, as in the setting digestLens.techniques.custom
Exit code: 1 when lint finds errors; 2 when a file cannot be read (the others are still
read) or the command is wrong.`;

/** A problem with the user's input: one line on stderr and exit code 2. */
class InputError extends Error {}

interface Options {
  command: string;
  files: string[];
  json: boolean;
  format: string;
  maxSizeMB: number;
  taxonomy: string;
  indexFile: string;
  limit: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    command: argv[0] ?? '',
    files: [],
    json: false,
    format: '',
    taxonomy: '',
    maxSizeMB: Number(process.env.DIGEST_LENS_MAX_SIZE_MB) || DEFAULT_MAX_SIZE_MB,
    indexFile: '',
    limit: 20,
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--format') options.format = argv[++i] ?? '';
    else if (arg === '--taxonomy') {
      options.taxonomy = argv[++i] ?? '';
      if (!options.taxonomy) throw new InputError('--taxonomy needs a JSON file');
    } else if (arg === '--max-size-mb') {
      options.maxSizeMB = Number(argv[++i]);
      if (!(options.maxSizeMB > 0)) throw new InputError('--max-size-mb needs a positive number');
    } else if (arg === '--index-file') options.indexFile = argv[++i] ?? '';
    else if (arg === '--limit') {
      options.limit = Number(argv[++i]);
      if (!(options.limit > 0)) throw new InputError('--limit needs a positive number');
    } else if (arg.startsWith('--')) throw new InputError(`unknown option ${arg}\n${USAGE}`);
    else options.files.push(arg);
  }
  return options;
}

function readReport(file: string, maxSizeMB: number): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a directory, not a digest file`);
  if (stat.size > maxSizeMB * 1024 * 1024) {
    throw new InputError(
      `${file}: ${(stat.size / 1024 / 1024).toFixed(1)} MB is over the ${maxSizeMB} MB limit; raise it with --max-size-mb or DIGEST_LENS_MAX_SIZE_MB`,
    );
  }
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError(`${file}: is a binary file, not a Markdown digest`);
  return bytes.toString('utf8');
}

/** The classifier for `--taxonomy`: the file is validated, and its keywords compiled, before any report is read. */
function parseOptionsFor(taxonomyFile: string): ParseOptions {
  if (!taxonomyFile) return {};
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(taxonomyFile, 'utf8'));
  } catch (error) {
    throw new InputError(
      `${taxonomyFile}: not a readable JSON file (${error instanceof Error ? error.message : error})`,
    );
  }
  const groups = CustomTechniques.safeParse(json);
  if (!groups.success)
    throw new InputError(
      `${taxonomyFile}: not a list of technique groups ({ "id", "label"?, "keywords" })\n${z.prettifyError(groups.error)}`,
    );
  try {
    return { classifier: createClassifier(buildTaxonomy(groups.data)) };
  } catch (error) {
    throw new InputError(`${taxonomyFile}: ${error instanceof Error ? error.message : error}`);
  }
}

function printLint(file: string, digest: Digest): boolean {
  let errors = false;
  for (const p of digest.problems) {
    errors ||= p.severity === 'error';
    process.stdout.write(`${file}:${p.line + 1}:1: ${p.severity} ${p.code} ${p.message}\n`);
  }
  return errors;
}

function printSummary(digest: Digest): void {
  process.stdout.write(
    `${digest.title || '(untitled)'}: ${digest.papers.length} papers, ${digest.problems.length} problems\n`,
  );
  for (const paper of digest.papers) {
    const numbers = paper.headlineNumbers.map((n) => n.text).join(', ');
    process.stdout.write(
      `${String(paper.index).padStart(3)}. [${paper.techniques[0]?.id}] ${paper.title || '(no title)'}${numbers ? `  — ${numbers}` : ''}\n`,
    );
  }
}

/** Reads each file in turn; a bad one gets one line on stderr and the others go on. Returns whether one was bad. */
function forEachReport(
  options: Options,
  parseOptions: ParseOptions,
  use: (file: string, digest: Digest) => void,
): boolean {
  let bad = false;
  for (const file of options.files) {
    let text: string;
    try {
      text = readReport(file, options.maxSizeMB);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      reportError(error);
      bad = true;
      continue;
    }
    use(file, parseDigest(text, parseOptions));
  }
  return bad;
}

function reportError(error: unknown): void {
  process.stderr.write(
    `digest-lens: ${error instanceof InputError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`}\n`,
  );
}

function main(argv: string[]): number {
  if (argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const options = parseArgs(argv);
  if (!['parse', 'lint', 'export', 'index', 'search'].includes(options.command)) throw new InputError(USAGE);
  if (options.command === 'index') return indexCommand(options);
  if (options.command === 'search') return searchCommand(options);
  if (options.files.length === 0) throw new InputError(`${options.command}: no file given\n${USAGE}`);
  const parseOptions = parseOptionsFor(options.taxonomy);
  if (options.command === 'parse') {
    if (options.files.length !== 1) throw new InputError('parse takes one file');
    const digest = parseDigest(readReport(options.files[0], options.maxSizeMB), parseOptions);
    if (options.json) process.stdout.write(JSON.stringify(digest, null, 2) + '\n');
    else printSummary(digest);
    return 0;
  }
  if (options.command === 'lint') {
    let errors = false;
    const bad = forEachReport(options, parseOptions, (file, digest) => {
      errors = printLint(file, digest) || errors;
    });
    return bad ? 2 : errors ? 1 : 0;
  }
  if (options.format !== 'csv' && options.format !== 'json')
    throw new InputError('export needs --format csv or --format json');
  const rows: ExportRow[] = [];
  let bad = false;
  for (const file of options.files) {
    if (isFolder(file))
      for (const { report, digest } of folderDigests(file, options.maxSizeMB, parseOptions))
        rows.push(...toExportRows(report, digest));
    else
      bad =
        forEachReport({ ...options, files: [file] }, parseOptions, (name, digest) =>
          rows.push(...toExportRows(path.basename(name), digest)),
        ) || bad;
  }
  process.stdout.write(options.format === 'csv' ? toCsv(rows) : JSON.stringify(rows, null, 2) + '\n');
  return bad ? 2 : 0;
}

function isFolder(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The folder given to index or search; a missing one is the user's error. */
function folderArgument(options: Options, given: string[]): string {
  if (given.length !== 1) throw new InputError(`${options.command}: give one folder\n${USAGE}`);
  if (!isFolder(given[0])) throw new InputError(`${given[0]}: not a folder`);
  return given[0];
}

function printNotes(notes: readonly SkippedFile[]): void {
  for (const note of notes) process.stderr.write(`digest-lens: ${note.path}: ${note.reason}\n`);
}

/** The digests in a folder, named by their path in it; what is left out gets a line on stderr. */
function folderDigests(
  folder: string,
  maxSizeMB: number,
  parseOptions: ParseOptions,
): { report: string; digest: Digest }[] {
  const notes: SkippedFile[] = [];
  const digests = findMarkdownFiles(folder, notes).flatMap((file) => {
    const digest = readDigest(file, maxSizeMB, notes, parseOptions);
    return digest ? [{ report: file.path, digest }] : [];
  });
  printNotes(notes);
  return digests;
}

function indexCommand(options: Options): number {
  const folder = folderArgument(options, options.files);
  const indexFile = options.indexFile || defaultIndexFile(folder);
  const { library, notes, parsed, index } = indexFolder(folder, {
    maxSizeMB: options.maxSizeMB,
    parseOptions: parseOptionsFor(options.taxonomy),
    indexFile,
  });
  printNotes(notes);
  const newest = library.newestDigest();
  const newPapers = [...library.entries()].filter((e) => library.isNew(e)).length;
  const summary = {
    ...library.counts,
    newestDigest: newest ? { report: newest.path, date: newest.date } : null,
    newPapers,
    parsed,
    index,
    indexFile,
  };
  if (options.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else
    process.stdout.write(
      `${summary.digests} digests, ${summary.papers} papers (${summary.distinctPapers} distinct), ` +
        `${newPapers} new in ${newest?.date || newest?.path || 'none'}\n`,
    );
  return 0;
}

function searchCommand(options: Options): number {
  const [query, ...rest] = options.files;
  if (query === undefined) throw new InputError(`search: no query given\n${USAGE}`);
  const folder = folderArgument(options, rest);
  const { library, notes } = indexFolder(folder, {
    maxSizeMB: options.maxSizeMB,
    parseOptions: parseOptionsFor(options.taxonomy),
  });
  printNotes(notes);
  const hits = library.search(query, { limit: options.limit });
  if (options.json)
    process.stdout.write(
      JSON.stringify(
        hits.map((hit) => searchResult(library, hit)),
        null,
        2,
      ) + '\n',
    );
  else
    for (const hit of hits) {
      const where = hit.entry.appearances.map((a) => `${a.report}#${a.index}`).join(', ');
      process.stdout.write(`${hit.entry.title || '(no title)'}  —  ${where}\n`);
    }
  return 0;
}

function searchResult(library: Library, hit: ReturnType<Library['search']>[number]) {
  return {
    title: hit.entry.title,
    key: hit.entry.key,
    score: hit.score,
    fields: hit.fields,
    new: library.isNew(hit.entry),
    appearances: hit.entry.appearances.map((a) => ({
      report: a.report,
      index: a.index,
      date: a.date,
      line: a.line + 1,
    })),
  };
}

// A reader that stops early (`lint *.md | head`) closes the pipe: end quietly, as other tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  reportError(error);
  process.exitCode = 2;
}
