/**
 * Words for search in Chinese and English. Text with CJK characters goes to Intl.Segmenter
 * whole (Chinese writes no spaces; one call per text is several times faster than one per
 * run); other text splits at anything that is not a letter or digit.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]+/gu;

let segmenter: Intl.Segmenter | undefined;

export function tokenize(text: string): string[] {
  const normal = text.normalize('NFKC');
  if (!CJK.test(normal)) return normal.match(WORD) ?? [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normal)) if (isWordLike) words.push(segment);
  return words;
}

// Words too common to tell papers apart; dropping them halves what the index stores.
const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or that the their this to was we were which with ' +
    '的 了 和 与 及 在 是 对 将 并 或 等 为 中 以 其 该 从 被 把 也'
  ).split(' '),
);

/** A token as the index keeps it: lower case, or nothing for a stop word. */
export function searchTerm(token: string): string | null {
  const term = token.toLowerCase();
  return STOP_WORDS.has(term) ? null : term;
}
