import * as z from 'zod/mini';
import { HeadlineNumberKind, PARSER_VERSION } from '../digest';
import { Library, type LibraryDigest, type LibraryOptions } from './library';

/** Bump when the layout below changes: an index of another format is rebuilt. */
export const INDEX_FORMAT_VERSION = 4;

const Strings = z.array(z.string());

/** A headline number as [kind, value, unit, text]: a tuple, as the index holds thousands. */
const PersistedNumber = z.tuple([HeadlineNumberKind, z.number(), z.string(), z.string()]);

// Papers keep what lists and identity need, not their brief and abstract: the index stays
// a fraction of the digests' size, and full-text search reads the files again. A digest's
// papers are stored by column, one array per field ('' for none): a load then parses and
// validates a few arrays per digest instead of an object per paper, in half the time.
const PersistedPapers = z
  .object({
    index: z.array(z.int()),
    line: z.array(z.int().check(z.nonnegative())),
    title: Strings,
    briefName: Strings,
    /** Each paper's institutions joined by newlines (a name never holds one). */
    institutions: Strings,
    /** Each paper's technique ids joined by spaces. */
    techniques: Strings,
    titleKey: Strings,
    abstractKey: Strings,
    /** Each paper's headline numbers. */
    numbers: z.array(z.array(PersistedNumber)),
  })
  .check(
    z.refine((papers) => Object.values(papers).every((column) => column.length === papers.index.length), {
      message: 'the paper columns differ in length',
    }),
  );

const PersistedDigest = z.object({
  path: z.string(),
  size: z.number(),
  mtime: z.number(),
  date: z.string(),
  generatedAt: z.string(),
  title: z.string(),
  papers: PersistedPapers,
});

/** The index around its digests, which are checked one at a time as they load. */
const PersistedIndexHeader = z.object({
  format: z.literal(INDEX_FORMAT_VERSION),
  parser: z.literal(PARSER_VERSION),
  settings: z.string(),
  digests: z.array(z.unknown()),
});

export interface IndexOptions extends LibraryOptions {
  /**
   * Whatever else changes what a digest parses to (custom techniques, say), as one string: an
   * index written under other settings is rebuilt.
   */
  readonly settings?: string;
}

/** Why a persisted index could not be used. */
export type IndexRebuildReason = 'empty' | 'corrupt' | 'other-format' | 'other-parser' | 'other-settings';

export type IndexLoadResult =
  | { readonly status: 'loaded'; readonly library: Library }
  | {
      readonly status: 'rebuild';
      /** An empty library to fill from the files. */
      readonly library: Library;
      readonly reason: IndexRebuildReason;
      /** What was wrong, for a log. */
      readonly detail: string;
    };

/** The library as persisted-index text (JSON). Write it atomically: temp file, then rename. */
export function serialiseIndex(library: Library, options: IndexOptions = {}): string {
  return runToEnd(serialiseIndexInSlices(library, options));
}

/**
 * serialiseIndex a digest at a time: the generator yields after each digest, so that an
 * editor can let its event loop run in between, and returns the text.
 */
export function* serialiseIndexInSlices(library: Library, options: IndexOptions = {}): Generator<void, string> {
  const header = JSON.stringify({
    format: INDEX_FORMAT_VERSION,
    parser: PARSER_VERSION,
    settings: options.settings ?? '',
  });
  const digests: string[] = [];
  for (const d of library.digests()) {
    const digest: z.infer<typeof PersistedDigest> = {
      path: d.path,
      size: d.size,
      mtime: d.mtime,
      date: d.date,
      generatedAt: d.generatedAt,
      title: d.title,
      papers: {
        index: d.papers.map((p) => p.index),
        line: d.papers.map((p) => p.line),
        title: d.papers.map((p) => p.title),
        briefName: d.papers.map((p) => p.briefName),
        institutions: d.papers.map((p) => p.institutions.join('\n')),
        techniques: d.papers.map((p) => p.techniques.join(' ')),
        titleKey: d.papers.map((p) => p.titleKey ?? ''),
        abstractKey: d.papers.map((p) => p.abstractKey ?? ''),
        numbers: d.papers.map((p) =>
          p.numbers.map(({ kind, value, unit, text }) => [kind, value, unit, text] as const),
        ),
      },
    };
    digests.push(JSON.stringify(digest));
    yield;
  }
  // One JSON document, with each digest on a line of its own: a loader can parse a digest at a time.
  const body = digests.length ? `\n${digests.join(',\n')}\n` : '';
  return `${header.slice(0, -1)},"digests":[${body}]}`;
}

/**
 * A library from persisted-index text. Never throws: a missing, corrupt, truncated or older
 * index gives an empty library and the reason, and the caller indexes the files again.
 * Digests loaded this way have no text (hasText false); their files are still to be checked
 * against their size and mtime (Library.isCurrent).
 */
export function loadIndex(text: string | undefined, options: IndexOptions = {}): IndexLoadResult {
  return runToEnd(loadIndexInSlices(text, options));
}

/** loadIndex a digest at a time: the generator yields after each digest, and returns the result. */
export function* loadIndexInSlices(
  text: string | undefined,
  options: IndexOptions = {},
): Generator<void, IndexLoadResult> {
  const rebuild = (reason: IndexRebuildReason, detail: string): IndexLoadResult => ({
    status: 'rebuild',
    library: new Library(options),
    reason,
    detail,
  });
  if (!text) return rebuild('empty', 'no index');
  let json: unknown;
  let lines: string[] | undefined;
  try {
    lines = digestLines(text);
    // The header alone, when each digest is on its own line; else the whole document at once.
    json = lines ? JSON.parse(`${lines.shift()}]}`) : JSON.parse(text);
  } catch (error) {
    return rebuild('corrupt', error instanceof Error ? error.message : String(error));
  }
  const header = z.object({ format: z.unknown(), parser: z.unknown(), settings: z.unknown() }).safeParse(json);
  if (!header.success) return rebuild('corrupt', 'not an index');
  if (header.data.format !== INDEX_FORMAT_VERSION) return rebuild('other-format', `format ${header.data.format}`);
  if (header.data.parser !== PARSER_VERSION) return rebuild('other-parser', `parser ${header.data.parser}`);
  if (header.data.settings !== (options.settings ?? '')) return rebuild('other-settings', 'settings changed');
  const index = PersistedIndexHeader.safeParse(json);
  if (!index.success) return rebuild('corrupt', z.prettifyError(index.error));
  const library = new Library(options);
  const count = lines?.length ?? index.data.digests.length;
  for (let i = 0; i < count; i++) {
    let raw: unknown;
    try {
      raw = lines ? JSON.parse(lines[i].endsWith(',') ? lines[i].slice(0, -1) : lines[i]) : index.data.digests[i];
    } catch (error) {
      return rebuild('corrupt', `digest ${i}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const digest = PersistedDigest.safeParse(raw);
    if (!digest.success) return rebuild('corrupt', `digest ${i}: ${z.prettifyError(digest.error)}`);
    library.add([toLibraryDigest(digest.data)]);
    yield;
  }
  return { status: 'loaded', library };
}

/**
 * The lines of an index written a digest per line: the header's line (up to `"digests":[`),
 * then one line per digest; undefined for any other layout, which is parsed whole.
 */
function digestLines(text: string): string[] | undefined {
  const lines = text.split('\n');
  if (lines.length < 2 || !lines[0].endsWith('"digests":[') || lines[lines.length - 1] !== ']}') return undefined;
  return lines.slice(0, -1);
}

/** Runs a sliced generator to its end, at once. */
function runToEnd<T>(slices: Generator<void, T>): T {
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

function toLibraryDigest(digest: z.infer<typeof PersistedDigest>): LibraryDigest {
  const columns = digest.papers;
  return {
    ...digest,
    hasText: false,
    papers: columns.index.map((index, position) => ({
      report: digest.path,
      date: digest.date,
      position,
      index,
      line: columns.line[position],
      title: columns.title[position],
      briefName: columns.briefName[position],
      institutions: columns.institutions[position] ? columns.institutions[position].split('\n') : [],
      techniques: columns.techniques[position] ? columns.techniques[position].split(' ') : [],
      titleKey: columns.titleKey[position] || undefined,
      abstractKey: columns.abstractKey[position] || undefined,
      numbers: columns.numbers[position].map(([kind, value, unit, text]) => ({ kind, value, unit, text })),
    })),
  };
}
