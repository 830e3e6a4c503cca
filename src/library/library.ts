import {
  DEFAULT_TAXONOMY,
  OTHER_TECHNIQUE_ID,
  runToEnd,
  type Digest,
  type HeadlineNumber,
  type TechniqueDefinition,
} from '../digest';
import { digestDate } from './digestDate';
import { identityKeysOf, paperKeys, type PaperKeys } from './identity';
import { SearchIndex, type SearchHit, type SearchOptions } from './search';

/** What a digest file was when it was read: a cached reading is good while size and mtime match. */
export interface DigestFileStamp {
  /** The file's path or URI string, as the caller names it; it is the report's id. */
  readonly path: string;
  readonly size: number;
  /** Modification time in milliseconds. */
  readonly mtime: number;
}

/** One paper of one digest, as the library keeps it: what lists, search and identity need. */
export interface LibraryPaper extends PaperKeys {
  /** The digest's path (LibraryDigest.path). */
  readonly report: string;
  /** The digest's day (LibraryDigest.date). */
  readonly date: string;
  /** The paper's number (`### N.`). */
  readonly index: number;
  /** 0-based line of the paper's heading: its brief's, else its details'. */
  readonly line: number;
  readonly title: string;
  /** The paper's name as its brief writes it; stands in for an empty title. */
  readonly briefName: string;
  readonly institutions: readonly string[];
  /** Technique ids, strongest first. */
  readonly techniques: readonly string[];
  /** The results its brief quantifies, for the trends' leaderboards. */
  readonly numbers: readonly LibraryNumber[];
  /** The brief and abstract, kept for search; absent in a digest loaded from the persisted index. */
  readonly brief?: string;
  readonly abstract?: string;
}

/** A headline number as the library keeps it: what it measures and how it is written, not where. */
export type LibraryNumber = Pick<HeadlineNumber, 'kind' | 'value' | 'unit' | 'text'>;

/** One digest file of the library. */
export interface LibraryDigest extends DigestFileStamp {
  /** The day it reports on (YYYY-MM-DD, or '' when unknown): see digestDate. */
  readonly date: string;
  /** The `生成时间` header as written. */
  readonly generatedAt: string;
  readonly title: string;
  readonly papers: readonly LibraryPaper[];
  /** Whether the papers carry their brief and abstract (false when loaded from the persisted index). */
  readonly hasText: boolean;
}

/** Where a library entry appears: one paper of one digest, with its report, number, date and line. */
export type PaperAppearance = LibraryPaper;

/** One paper across the library: every digest it appears in. */
export interface LibraryEntry {
  /**
   * The entry's main key (title key, else abstract key, else place key) from its oldest
   * appearance. Store per-paper state under it, and find it again with Library.entry(key),
   * which accepts any of `keys`: an entry's keys only grow as digests add appearances.
   */
  readonly key: string;
  /** Every identity key of every appearance. */
  readonly keys: readonly string[];
  /** The newest non-empty title, else the newest brief name. */
  readonly title: string;
  /** Oldest first (by digest date, generation time, then path). */
  readonly appearances: readonly PaperAppearance[];
  readonly newest: PaperAppearance;
}

export interface LibraryCounts {
  readonly digests: number;
  /** Every appearance: a paper in three digests counts three times. */
  readonly papers: number;
  /** Library entries: a paper in three digests counts once. */
  readonly distinctPapers: number;
}

export interface LibraryOptions {
  /** The taxonomy the digests were classified with: search finds a technique by its labels. Default: the default taxonomy. */
  readonly taxonomy?: readonly TechniqueDefinition[];
}

class Entry implements LibraryEntry {
  key = '';
  title = '';
  appearances: PaperAppearance[] = [];
  newest!: PaperAppearance;
  constructor(readonly id: number) {}

  // Computed when asked: most callers never need them, and a library loads tens of thousands.
  get keys(): string[] {
    return [...new Set(this.appearances.flatMap(paperKeys))];
  }
}

/** Reads a parsed digest into the library's form. */
export function toLibraryDigest(file: DigestFileStamp, digest: Digest): LibraryDigest {
  return runToEnd(toLibraryDigestInSlices(file, digest));
}

/** toLibraryDigest a paper at a time (keying 5,000 new papers takes 70 ms). */
export function* toLibraryDigestInSlices(file: DigestFileStamp, digest: Digest): Generator<void, LibraryDigest> {
  const date = digestDate(file.path, digest.generatedAt);
  const papers: PaperAppearance[] = [];
  for (const [position, paper] of digest.papers.entries()) {
    papers.push({
      report: file.path,
      date,
      position,
      index: paper.index,
      line: paper.brief?.line ?? paper.details?.line ?? 0,
      title: paper.title,
      briefName: paper.briefName,
      institutions: paper.details?.institutions ?? [],
      techniques: paper.techniques.map((t) => t.id),
      numbers: paper.headlineNumbers.map(({ kind, value, unit, text }) => ({ kind, value, unit, text })),
      ...identityKeysOf(paper),
      brief: paper.brief?.text ?? '',
      abstract: paper.details?.abstract ?? '',
    });
    yield;
  }
  return {
    path: file.path,
    size: file.size,
    mtime: file.mtime,
    date,
    generatedAt: digest.generatedAt,
    title: digest.title,
    hasText: true,
    papers,
  };
}

/** Digests ordered by day, then generation time, then path: the order "newest" follows. */
export function compareDigests(a: LibraryDigest, b: LibraryDigest): number {
  return (
    a.date.localeCompare(b.date) ||
    a.generatedAt.localeCompare(b.generatedAt) ||
    (a.path < b.path ? -1 : +(a.path > b.path))
  );
}

/**
 * Every digest of a workspace as one library of papers. Pure and synchronous: the caller reads
 * and parses files (or loads the persisted index) and tells the library what changed.
 */
export class Library {
  private readonly digestsByPath = new Map<string, LibraryDigest>();
  private readonly entryByKey = new Map<string, Entry>();
  private readonly entryOfPaper = new Map<string, Entry[]>();
  private readonly allEntries = new Set<Entry>();
  private readonly searchIndex: SearchIndex;
  private nextEntryId = 1;
  private paperCount = 0;
  private newestCache: LibraryDigest | null | undefined;
  private changeCount = 0;

  constructor(options: LibraryOptions = {}) {
    // 'Other' says nothing about a paper: searching for it should not list them all.
    const labels = new Map(
      (options.taxonomy ?? DEFAULT_TAXONOMY)
        .filter((t) => t.id !== OTHER_TECHNIQUE_ID)
        .map((t) => [t.id, [t.label.en, t.label.zh]]),
    );
    this.searchIndex = new SearchIndex((id) => labels.get(id) ?? []);
  }

  /** Adds a parsed digest, or replaces the one at the same path. */
  addDigest(file: DigestFileStamp, digest: Digest): void {
    this.add([toLibraryDigest(file, digest)]);
  }

  /** Adds digests already in the library's form (from the persisted index), or replaces them. */
  add(digests: readonly LibraryDigest[]): void {
    const touched = new Set<Entry>();
    for (const digest of digests) {
      if (this.replaceInPlace(digest, touched)) continue;
      const orphans = this.detach(digest.path);
      this.digestsByPath.set(digest.path, digest);
      this.paperCount += digest.papers.length;
      this.entryOfPaper.set(digest.path, new Array<Entry>(digest.papers.length));
      for (const paper of digest.papers) this.place(paper, touched);
      for (const appearance of orphans) this.place(appearance, touched);
    }
    this.settle(touched);
  }

  /** Removes the digest at `path`; false when the library has none there. */
  removeDigest(path: string): boolean {
    if (!this.digestsByPath.has(path)) return false;
    const touched = new Set<Entry>();
    for (const appearance of this.detach(path)) this.place(appearance, touched);
    this.settle(touched);
    return true;
  }

  /** Whether the library holds this file as it is now (same size and mtime). */
  isCurrent(file: DigestFileStamp): boolean {
    const held = this.digestsByPath.get(file.path);
    return held !== undefined && held.size === file.size && held.mtime === file.mtime;
  }

  /** Bumps on every change, so that a view can tell whether to redraw. */
  get version(): number {
    return this.changeCount;
  }

  get counts(): LibraryCounts {
    return { digests: this.digestsByPath.size, papers: this.paperCount, distinctPapers: this.allEntries.size };
  }

  digest(path: string): LibraryDigest | undefined {
    return this.digestsByPath.get(path);
  }

  /** Every digest, oldest first. */
  digests(): LibraryDigest[] {
    return [...this.digestsByPath.values()].sort(compareDigests);
  }

  newestDigest(): LibraryDigest | undefined {
    if (this.newestCache === undefined) {
      let newest: LibraryDigest | null = null;
      for (const d of this.digestsByPath.values()) if (!newest || compareDigests(d, newest) > 0) newest = d;
      this.newestCache = newest;
    }
    return this.newestCache ?? undefined;
  }

  entries(): Iterable<LibraryEntry> {
    return this.allEntries.values();
  }

  /** The entry known by `key`: any key of any of its appearances. */
  entry(key: string): LibraryEntry | undefined {
    return this.entryByKey.get(key);
  }

  /** The entry of the paper at `position` (0-based, document order) of the digest at `report`. */
  entryAt(report: string, position: number): LibraryEntry | undefined {
    return this.entryOfPaper.get(report)?.[position];
  }

  /** Whether the entry was first seen in the newest digest: every appearance is in it. */
  isNew(entry: LibraryEntry): boolean {
    return entry.appearances[0].report === this.newestDigest()?.path;
  }

  /** Ranked search, best first: title, then institutions and techniques, then brief, then abstract. */
  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.searchIndex.search(query, options);
  }

  /**
   * Brings the search index up to date, a slice at a time: returns false when `outOfTime` said
   * stop before it finished (call again), true when search is ready. search() does it all at once.
   */
  prepareSearch(outOfTime?: () => boolean): boolean {
    return this.searchIndex.update(outOfTime);
  }

  /** Paths of digests without their text (loaded from the persisted index): parse them again for full-text search. */
  digestsWithoutText(): string[] {
    return [...this.digestsByPath.values()].filter((d) => !d.hasText).map((d) => d.path);
  }

  /**
   * Replaces a digest whose papers keep their keys, places and day (an edit of their text)
   * by swapping appearances inside their entries: an edited open digest is read again after
   * each pause in typing, and taking 5,000 papers out and placing them again took 40 ms.
   */
  private replaceInPlace(digest: LibraryDigest, touched: Set<Entry>): boolean {
    const held = this.digestsByPath.get(digest.path);
    const entries = this.entryOfPaper.get(digest.path);
    if (
      !held ||
      !entries ||
      held.papers.length !== digest.papers.length ||
      held.date !== digest.date ||
      held.generatedAt !== digest.generatedAt ||
      held.papers.some(
        (paper, i) =>
          paper.titleKey !== digest.papers[i].titleKey || paper.abstractKey !== digest.papers[i].abstractKey,
      )
    )
      return false;
    this.digestsByPath.set(digest.path, digest);
    digest.papers.forEach((paper, i) => {
      const entry = entries[i];
      entry.appearances[entry.appearances.indexOf(held.papers[i])] = paper;
      touched.add(entry);
    });
    return true;
  }

  /** Takes the digest's appearances out of their entries; returns the other appearances of those entries. */
  private detach(path: string): PaperAppearance[] {
    const held = this.digestsByPath.get(path);
    if (!held) return [];
    this.digestsByPath.delete(path);
    this.paperCount -= held.papers.length;
    const affected = new Set(this.entryOfPaper.get(path));
    this.entryOfPaper.delete(path);
    const orphans: PaperAppearance[] = [];
    // Removing an appearance can split an entry (it may have been the only link between two
    // others), so the entry's other appearances are placed again from scratch.
    for (const entry of affected) {
      this.dropEntry(entry);
      for (const appearance of entry.appearances) if (appearance.report !== path) orphans.push(appearance);
    }
    return orphans;
  }

  /** Puts an appearance in the entry that shares a key with it, merging entries it links. */
  private place(appearance: PaperAppearance, touched: Set<Entry>): void {
    const keys = paperKeys(appearance);
    let entry: Entry | undefined;
    for (const key of keys) {
      const found = this.entryByKey.get(key);
      if (!found || found === entry) continue;
      if (!entry) entry = found;
      else this.merge(found, entry);
    }
    if (!entry) {
      entry = new Entry(this.nextEntryId++);
      this.allEntries.add(entry);
    }
    entry.appearances.push(appearance);
    for (const key of keys) this.entryByKey.set(key, entry);
    this.setEntryOf(appearance, entry);
    touched.add(entry);
  }

  private merge(from: Entry, into: Entry): void {
    this.dropEntry(from);
    for (const appearance of from.appearances) {
      into.appearances.push(appearance);
      for (const key of paperKeys(appearance)) this.entryByKey.set(key, into);
      this.setEntryOf(appearance, into);
    }
  }

  private setEntryOf(appearance: PaperAppearance, entry: Entry): void {
    const entries = this.entryOfPaper.get(appearance.report);
    if (entries) entries[appearance.position] = entry;
  }

  private dropEntry(entry: Entry): void {
    this.allEntries.delete(entry);
    for (const appearance of entry.appearances)
      for (const key of paperKeys(appearance)) if (this.entryByKey.get(key) === entry) this.entryByKey.delete(key);
    this.searchIndex.remove(entry.key);
  }

  /** Recomputes what entries show from their appearances, and queues them for search. */
  private settle(touched: Set<Entry>): void {
    this.changeCount++;
    this.newestCache = undefined;
    for (const entry of touched) {
      if (!this.allEntries.has(entry)) continue;
      const byDigest = (a: PaperAppearance) => this.digestsByPath.get(a.report)!;
      if (entry.appearances.length > 1)
        entry.appearances.sort((a, b) => compareDigests(byDigest(a), byDigest(b)) || a.position - b.position);
      const oldest = entry.appearances[0];
      const previousKey = entry.key;
      entry.key = oldest.titleKey ?? entry.appearances.find((a) => a.titleKey)?.titleKey ?? paperKeys(oldest)[0];
      if (previousKey && previousKey !== entry.key) this.searchIndex.remove(previousKey);
      entry.newest = entry.appearances[entry.appearances.length - 1];
      entry.title = newestTitle(entry.appearances);
      this.searchIndex.upsert(entry);
    }
  }
}

function newestTitle(appearances: readonly PaperAppearance[]): string {
  for (let i = appearances.length - 1; i >= 0; i--) if (appearances[i].title) return appearances[i].title;
  return appearances[appearances.length - 1].briefName;
}
