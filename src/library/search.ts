import MiniSearch from 'minisearch';
import type { LibraryEntry } from './library';
import { TextIndex, type TextMatch } from './textIndex';
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

const DEFAULT_LIMIT = 50;

/**
 * The library's full-text index: one document per entry, from its newest appearance that has
 * each field. Updated lazily: changes queue up and are indexed before the next search.
 *
 * Two tiers, because names outrank text: a paper whose title, institutions or techniques
 * match (MiniSearch: ranked, prefix and fuzzy) comes before one whose brief or abstract does
 * (TextIndex). The text tier is only searched when the names tier has fewer hits than asked for.
 */
export class SearchIndex {
  private readonly names = new MiniSearch<SearchDocument>({
    fields: ['title', 'institutions', 'techniques'],
    tokenize,
    processTerm: searchTerm,
  });
  private readonly texts = new TextIndex();
  private readonly pending = new Map<number, LibraryEntry>();
  private readonly indexed = new Map<number, LibraryEntry>();

  constructor(private readonly techniqueLabels: (id: string) => readonly string[]) {}

  upsert(entry: LibraryEntry & { readonly id: number }): void {
    this.remove(entry.id);
    this.pending.set(entry.id, entry);
  }

  remove(id: number): void {
    this.pending.delete(id);
    if (this.indexed.delete(id)) {
      this.names.discard(id);
      this.texts.remove(id);
    }
  }

  /** Indexes queued entries until done (true) or `outOfTime` (false). */
  update(outOfTime?: () => boolean): boolean {
    for (const [id, entry] of this.pending) {
      if (outOfTime?.()) return false;
      this.pending.delete(id);
      this.indexed.set(id, entry);
      const document = this.document(id, entry);
      this.names.add(document);
      this.texts.add(id, document.brief, document.abstract);
    }
    return true;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    this.update();
    const limit = options.limit ?? DEFAULT_LIMIT;
    // Every word must match; when no paper has them all, the best partial matches rank instead.
    const hits = this.tiers(query, 'AND', limit);
    return (hits.length > 0 ? hits : this.tiers(query, 'OR', limit)).slice(0, limit).map((match) => ({
      entry: this.indexed.get(match.id)!,
      score: match.score,
      fields: match.fields,
    }));
  }

  private tiers(query: string, combineWith: 'AND' | 'OR', limit: number): TextMatch[] {
    const names = (fuzzy: boolean) =>
      this.names.search(query, {
        combineWith,
        boost: { title: 2 },
        // As you type, the last word is unfinished; Latin words of five letters or more forgive a typo.
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => (fuzzy && term.length >= 5 && /^[a-z0-9]+$/.test(term) ? 0.2 : false),
      });
    // Typos are looked for only when the words as typed find too few: fuzzy lookups are the slow part.
    let results = names(false);
    if (results.length < limit) results = names(true);
    const hits = results.map((result): TextMatch => ({
      id: result.id as number,
      score: result.score,
      fields: [...new Set(Object.values(result.match).flat())],
    }));
    if (hits.length >= limit) return hits;
    const found = new Set(hits.map((hit) => hit.id));
    return hits.concat(this.texts.search(query, combineWith, limit - hits.length, found));
  }

  private document(id: number, entry: LibraryEntry): SearchDocument {
    const newestWith = (has: (paper: LibraryEntry['newest']) => boolean) => {
      for (let i = entry.appearances.length - 1; i >= 0; i--)
        if (has(entry.appearances[i])) return entry.appearances[i];
      return entry.newest;
    };
    const paper = entry.newest;
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
