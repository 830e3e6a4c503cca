import MiniSearch from 'minisearch';
import type { LibraryEntry } from './library';
import { searchTerm, tokenize } from './tokenize';

export interface SearchOptions {
  /** At most this many hits (default 50). */
  readonly limit?: number;
}

export interface SearchHit {
  readonly entry: LibraryEntry;
  readonly score: number;
  /** The fields the query matched: title, institutions, techniques, brief, abstract. */
  readonly fields: readonly string[];
}

interface SearchDocument {
  readonly id: number;
  readonly title: string;
  readonly institutions: string;
  readonly techniques: string;
  readonly brief: string;
  readonly abstract: string;
}

const FIELDS = ['title', 'institutions', 'techniques', 'brief', 'abstract'];
const BOOST = { title: 5, institutions: 2.5, techniques: 2.5, brief: 1.5, abstract: 1 };
const DEFAULT_LIMIT = 50;

/**
 * The library's full-text index: one document per entry, from its newest appearance that has
 * each field. Updated lazily: changes queue up and are indexed before the next search.
 */
export class SearchIndex {
  private readonly index = new MiniSearch<SearchDocument>({
    fields: FIELDS,
    tokenize,
    processTerm: searchTerm,
    searchOptions: { processTerm: (term) => term.toLowerCase() },
  });
  private readonly pending = new Map<number, LibraryEntry>();
  private readonly indexed = new Map<number, LibraryEntry>();

  constructor(private readonly techniqueLabels: (id: string) => readonly string[]) {}

  upsert(entry: LibraryEntry & { readonly id: number }): void {
    this.remove(entry.id);
    this.pending.set(entry.id, entry);
  }

  remove(id: number): void {
    this.pending.delete(id);
    if (this.indexed.delete(id)) this.index.discard(id);
  }

  /** Indexes queued entries until done (true) or `outOfTime` (false). */
  update(outOfTime?: () => boolean): boolean {
    for (const [id, entry] of this.pending) {
      if (outOfTime?.()) return false;
      this.pending.delete(id);
      this.indexed.set(id, entry);
      this.index.add(this.document(id, entry));
    }
    return true;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    this.update();
    if (!query.trim()) return [];
    const limit = options.limit ?? DEFAULT_LIMIT;
    const search = (combineWith: 'AND' | 'OR') =>
      this.index.search(query, {
        boost: BOOST,
        combineWith,
        // As you type, the last word is unfinished; Latin words of five letters or more forgive a typo.
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => (term.length >= 5 && /^[a-z0-9]+$/.test(term) ? 0.2 : false),
      });
    // Every word must match; when no paper has them all, the best partial matches rank instead.
    let results = search('AND');
    if (results.length === 0) results = search('OR');
    return results.slice(0, limit).map((result) => ({
      entry: this.indexed.get(result.id as number)!,
      score: result.score,
      fields: [...new Set(Object.values(result.match).flat())],
    }));
  }

  private document(id: number, entry: LibraryEntry): SearchDocument {
    const newestWith = (has: (paper: LibraryEntry['newest']['paper']) => boolean) => {
      for (let i = entry.appearances.length - 1; i >= 0; i--)
        if (has(entry.appearances[i].paper)) return entry.appearances[i].paper;
      return entry.newest.paper;
    };
    const paper = entry.newest.paper;
    return {
      id,
      title: entry.title,
      institutions: newestWith((p) => p.institutions.length > 0).institutions.join(' '),
      techniques: paper.techniques.flatMap((t) => this.techniqueLabels(t)).join(' '),
      brief: newestWith((p) => !!p.brief).brief ?? '',
      abstract: newestWith((p) => !!p.abstract).abstract ?? '',
    };
  }
}
