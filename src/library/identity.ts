import type { DigestPaper } from '../digest';

/**
 * What a paper is known by across digests. Two appearances are one paper when they share a
 * key: the same title, or the same abstract (a re-run can lose the title but keep the
 * abstract). A paper with neither is known only by its place in its report.
 */
export interface PaperKeys {
  /** The digest's path. */
  readonly report: string;
  /** 0-based place in the digest's papers. */
  readonly position: number;
  /** `t:` + the normalised title (see titleKey); absent when the heading has no title. */
  readonly titleKey?: string;
  /** `a:` + a hash of the abstract (see abstractKey); absent when the abstract is empty. */
  readonly abstractKey?: string;
}

/**
 * Text as identity compares it: NFKC (full width to half width), lower case, punctuation and
 * symbols as spaces, runs of whitespace as one space, and a title written twice kept once.
 */
export function normaliseText(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
  return undoubled(words);
}

// A PDF artefact writes some titles twice ("TITLE Title"); the parser undoubles the
// heading, but only when both halves match letter for letter, punctuation included.
function undoubled(words: string): string {
  const middle = (words.length - 1) / 2;
  if (words.length >= 3 && Number.isInteger(middle) && words[middle] === ' ') {
    const first = words.slice(0, middle);
    if (first === words.slice(middle + 1)) return first;
  }
  return words;
}

/** The key of a title; undefined for an empty one. */
export function titleKey(title: string): string | undefined {
  const normalised = normaliseText(title);
  return normalised ? `t:${normalised}` : undefined;
}

/**
 * The key of an abstract: a hash of its letters and digits (NFKC, lower case), so that
 * abstracts differing only in spacing or punctuation are one. Hashing as it filters reads an
 * abstract once, which matters when a library indexes tens of thousands.
 */
export function abstractKey(abstract: string): string | undefined {
  // Most abstracts are ASCII, which NFKC leaves alone: skip it, and lower-case as we go.
  const text = NON_ASCII.test(abstract) ? abstract.normalize('NFKC') : abstract;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    } else {
      const lower = text[i].toLowerCase();
      if (!WORD_CHAR.test(lower)) continue;
      c = lower.charCodeAt(0);
    }
    letters++;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return letters > 0 ? `a:${finish(h1, h2)}` : undefined;
}

const NON_ASCII = /\P{ASCII}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** A parsed paper's title and abstract keys. */
export type IdentityKeys = Pick<PaperKeys, 'titleKey' | 'abstractKey'>;

// By paper object: an edit keeps the digest's unchanged papers, and their keys with them.
const keysByPaper = new WeakMap<DigestPaper, IdentityKeys>();

/** A parsed paper's title and abstract keys, computed once per paper. */
export function identityKeysOf(paper: DigestPaper): IdentityKeys {
  let keys = keysByPaper.get(paper);
  if (!keys) {
    keys = { titleKey: titleKey(paper.title), abstractKey: abstractKey(paper.details?.abstract ?? '') };
    keysByPaper.set(paper, keys);
  }
  return keys;
}

/** A paper's keys, most telling first: title and abstract, else `r:<report>#<position>`. */
export function paperKeys(paper: PaperKeys): string[] {
  const keys: string[] = [];
  if (paper.titleKey) keys.push(paper.titleKey);
  if (paper.abstractKey) keys.push(paper.abstractKey);
  if (keys.length === 0) keys.push(`r:${paper.report}#${paper.position + 1}`);
  return keys;
}

/** The end of cyrb53, a fast 53-bit string hash: a key need not be secret, only distinct. */
function finish(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
