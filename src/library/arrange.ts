import type { Library, LibraryEntry } from './library';

export type LibraryGroupBy = 'technique' | 'institution' | 'report' | 'none';

export interface EntryGroup {
  /** A technique id, an institution, a report's path, or '' (no grouping, or no institution). */
  readonly key: string;
  readonly entries: readonly LibraryEntry[];
}

export interface ArrangeEntriesOptions {
  readonly groupBy: LibraryGroupBy;
  /** Keeps an entry in the view; default all. */
  readonly keep?: (entry: LibraryEntry) => boolean;
  /** The entry's technique: the reader's correction, else its strongest one. */
  readonly techniqueOf?: (entry: LibraryEntry) => string;
}

const newestFirst = (a: LibraryEntry, b: LibraryEntry) =>
  b.newest.date.localeCompare(a.newest.date) ||
  (a.newest.report < b.newest.report ? 1 : a.newest.report > b.newest.report ? -1 : 0) ||
  a.newest.position - b.newest.position;

/**
 * The library's entries grouped for a list: by technique or institution (largest group
 * first), by report (newest first, each entry under every report it appears in), or not at
 * all. Entries run newest first within a group; by report, in the report's order.
 */
export function arrangeEntries(library: Library, options: ArrangeEntriesOptions): EntryGroup[] {
  const keep = options.keep ?? (() => true);
  const entries = [...library.entries()].filter(keep).sort(newestFirst);
  if (options.groupBy === 'none') return [{ key: '', entries }];
  if (options.groupBy === 'report') {
    const byReport = new Map<string, LibraryEntry[]>(
      library
        .digests()
        .reverse()
        .map((d) => [d.path, []]),
    );
    for (const entry of entries) for (const a of entry.appearances) byReport.get(a.report)?.push(entry);
    return [...byReport]
      .filter(([, list]) => list.length)
      .map(([key, list]) => ({
        key,
        entries: list.sort((a, b) => positionIn(a, key) - positionIn(b, key)),
      }));
  }
  const techniqueOf = options.techniqueOf ?? ((e: LibraryEntry) => e.newest.techniques[0] ?? 'other');
  const keyOf = options.groupBy === 'technique' ? techniqueOf : (e: LibraryEntry) => e.newest.institutions[0] ?? '';
  const groups = new Map<string, LibraryEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups]
    .map(([key, list]) => ({ key, entries: list }))
    .sort((a, b) => b.entries.length - a.entries.length || a.key.localeCompare(b.key));
}

function positionIn(entry: LibraryEntry, report: string): number {
  return entry.appearances.find((a) => a.report === report)?.position ?? 0;
}
