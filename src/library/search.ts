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

/** A document as indexed, and the entry it now stands for. */
interface Indexed {
  document: SearchDocument;
  entry: LibraryEntry;
}

/**
 * The library's full-text index: one document per entry, from its newest appearance that has
 * each field. Updated lazily: changes queue up and are indexed before the next search.
 *
 * Documents are known by the entry's identity key, not its id: a digest read again (an
 * edited open report) gives its papers new entries, and a paper whose text did not change
 * keeps its indexed document instead of being removed and added again.
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
  /** Entries to index by key; undefined: the key's entry is gone. */
  private readonly pending = new Map<string, LibraryEntry | undefined>();
  private readonly indexed = new Map<string, Indexed>();
  private readonly keyOfDocument = new Map<number, string>();
  private nextDocument = 0;

  constructor(private readonly techniqueLabels: (id: string) => readonly string[]) {}

  upsert(entry: LibraryEntry): void {
    this.pending.set(entry.key, entry);
  }

  /** The entry known by `key` is gone (an upsert of the same key after this brings it back). */
  remove(key: string): void {
    this.pending.set(key, undefined);
  }

  /** Indexes queued entries until done (true) or `outOfTime` (false). */
  update(outOfTime?: () => boolean): boolean {
    for (const [key, entry] of this.pending) {
      if (outOfTime?.()) return false;
      this.pending.delete(key);
      const held = this.indexed.get(key);
      const document = entry && this.document(held?.document.id ?? this.nextDocument, entry);
      if (held && document && sameDocument(held.document, document)) {
        held.entry = entry!;
        continue;
      }
      if (held) {
        // MiniSearch's remove (not discard): discard vacuums later, in the background, and its
        // vacuum failed when the index changed meanwhile.
        this.names.remove(held.document);
        this.texts.remove(held.document.id);
        this.keyOfDocument.delete(held.document.id);
        this.indexed.delete(key);
      }
      if (!document) continue;
      if (document.id === this.nextDocument) this.nextDocument++;
      this.indexed.set(key, { document, entry: entry! });
      this.keyOfDocument.set(document.id, key);
      this.names.add(document);
      this.texts.add(document.id, document.brief, document.abstract);
    }
    return true;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    this.update();
    const limit = options.limit ?? DEFAULT_LIMIT;
    // Every word must match; when no paper has them all, the best partial matches rank instead.
    const hits = this.tiers(query, 'AND', limit);
    return (hits.length > 0 ? hits : this.tiers(query, 'OR', limit)).slice(0, limit).map((match) => ({
      entry: this.indexed.get(this.keyOfDocument.get(match.id)!)!.entry,
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

function sameDocument(a: SearchDocument, b: SearchDocument): boolean {
  return (
    a.title === b.title &&
    a.institutions === b.institutions &&
    a.techniques === b.techniques &&
    a.brief === b.brief &&
    a.abstract === b.abstract
  );
}
