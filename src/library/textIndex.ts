import { searchTerm, tokenize } from './tokenize';

/** Where a term occurs: the documents whose brief, and whose abstract, hold it. */
interface Postings {
  readonly brief: number[];
  readonly abstract: number[];
}

export interface TextMatch {
  readonly id: number;
  readonly score: number;
  readonly fields: readonly string[];
}

const BRIEF_WEIGHT = 1.5;
const BRIEF_BIT = 1;
const ABSTRACT_BIT = 2;

/**
 * The brief-and-abstract tier of search: for each term, the documents that hold it, in plain
 * arrays, and the terms sorted for prefix lookups. One MiniSearch
 * over these fields kept a Map entry per (term, field, document) and a term frequency: at
 * 27,000 papers it took 350 MB and 30 s to build, and common words took 100 ms to score.
 * This keeps only whether a document holds a term; ranking is by the terms' rarity (idf).
 */
export class TextIndex {
  private readonly terms = new Map<string, Postings>();
  /** The terms in order, for prefixes; rebuilt after new terms, at the next search. */
  private sortedTerms: string[] | null = null;
  /** Each add gets a new document number, so that a removed one stays removed. */
  private readonly numberOf = new Map<number, number>();
  private readonly idOf: number[] = [];
  private readonly removed = new Set<number>();

  add(id: number, brief: string, abstract: string): void {
    this.remove(id);
    const doc = this.idOf.length;
    this.idOf.push(id);
    this.numberOf.set(id, doc);
    for (const term of termsOf(brief)) this.postings(term).brief.push(doc);
    for (const term of termsOf(abstract)) this.postings(term).abstract.push(doc);
  }

  remove(id: number): void {
    const doc = this.numberOf.get(id);
    if (doc === undefined) return;
    this.numberOf.delete(id);
    this.removed.add(doc);
    // Removed documents cost memory and time until their postings are dropped.
    if (this.removed.size > 1000 && this.removed.size > this.numberOf.size / 4) this.compact();
  }

  /**
   * The `limit` best documents holding every word of the query ('AND'), or any ('OR'), best
   * first, leaving out the ids in `exclude`. The last word may be unfinished: with three
   * letters or more it also matches as a prefix.
   */
  search(query: string, combineWith: 'AND' | 'OR', limit: number, exclude: ReadonlySet<number>): TextMatch[] {
    const words = [...termsOf(query)];
    if (words.length === 0) return [];
    const live = this.numberOf.size;
    const count = this.idOf.length;
    const scores = new Float64Array(count);
    const wordsFound = new Uint16Array(count);
    const lastWord = new Int32Array(count).fill(-1);
    const fieldBits = new Uint8Array(count);
    const touched: number[] = [];
    words.forEach((word, i) => {
      const matches: [string, Postings][] =
        i === words.length - 1 && word.length >= 3 ? this.withPrefix(word) : this.exact(word);
      for (const [term, postings] of matches) {
        // A completed prefix counts less the more it leaves unsaid.
        const closeness = word.length / term.length;
        const rarity = Math.log(1 + live / (postings.brief.length + postings.abstract.length));
        for (const [bit, docs, weight] of [
          [BRIEF_BIT, postings.brief, BRIEF_WEIGHT],
          [ABSTRACT_BIT, postings.abstract, 1],
        ] as const) {
          for (const doc of docs) {
            if (scores[doc] === 0) touched.push(doc);
            scores[doc] += weight * rarity * closeness;
            fieldBits[doc] |= bit;
            if (lastWord[doc] !== i) {
              lastWord[doc] = i;
              wordsFound[doc]++;
            }
          }
        }
      }
    });
    // Common words match most documents: keep the best `limit` as they come, not sort them all.
    const best: number[] = [];
    for (const doc of touched) {
      if (this.removed.has(doc) || exclude.has(this.idOf[doc])) continue;
      if (combineWith === 'AND' && wordsFound[doc] !== words.length) continue;
      if (best.length === limit && scores[doc] <= scores[best[limit - 1]]) continue;
      let i = best.length < limit ? best.push(doc) - 1 : limit - 1;
      for (; i > 0 && scores[best[i - 1]] < scores[doc]; i--) best[i] = best[i - 1];
      best[i] = doc;
    }
    return best.map((doc) => {
      const fields = [];
      if (fieldBits[doc] & BRIEF_BIT) fields.push('brief');
      if (fieldBits[doc] & ABSTRACT_BIT) fields.push('abstract');
      return { id: this.idOf[doc], score: scores[doc], fields };
    });
  }

  private postings(term: string): Postings {
    let postings = this.terms.get(term);
    if (!postings) {
      this.terms.set(term, (postings = { brief: [], abstract: [] }));
      this.sortedTerms = null;
    }
    return postings;
  }

  private withPrefix(prefix: string): [string, Postings][] {
    const sorted = (this.sortedTerms ??= [...this.terms.keys()].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    const matches: [string, Postings][] = [];
    for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++)
      matches.push([sorted[i], this.terms.get(sorted[i])!]);
    return matches;
  }

  private exact(word: string): [string, Postings][] {
    const postings = this.terms.get(word);
    return postings ? [[word, postings]] : [];
  }

  private compact(): void {
    const keep = (docs: number[]) => docs.filter((doc) => !this.removed.has(doc));
    for (const [term, postings] of this.terms) {
      const brief = keep(postings.brief);
      const abstract = keep(postings.abstract);
      if (brief.length + abstract.length === 0) this.terms.delete(term);
      else this.terms.set(term, { brief, abstract });
    }
    this.removed.clear();
    this.sortedTerms = null;
  }
}

/** The distinct index terms of a text. */
function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    const term = searchTerm(token);
    if (term) terms.add(term);
  }
  return terms;
}
