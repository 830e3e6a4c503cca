/** The parts of a paper whose words are evidence of its technique. */
export const EVIDENCE_FIELDS = ['title', 'technique', 'results', 'abstract'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];
export type PaperText = Readonly<Record<EvidenceField, string>>;

/** Words that stand for one group: a technique of the taxonomy, or a context word of the model. */
export interface PhraseGroup {
  /** Regular-expression sources, matched case-insensitively from the start of a word. */
  readonly keywords: readonly string[];
  /** Look-alikes that count for nothing, and hide this layer's shorter phrases where they match. */
  readonly exclude?: readonly string[];
}

interface Phrase {
  /** Index among all phrases. */
  readonly id: number;
  /** Index of the group, or -1 for a look-alike. */
  readonly group: number;
  /** Techniques and context words are read independently: 'context' phrases never hide technique ones. */
  readonly layer: 0 | 1;
  /** Sticky, so it is tried exactly where the scanner found its stem. */
  readonly regex: RegExp;
}

/** What a scan found: per field and group, how many distinct phrases, and the first one's text. */
export interface ScanResult {
  /** `counts[field * groupCount + group]`. */
  readonly counts: Uint16Array;
  /** The text of the first phrase found for each field and group, same layout; '' where none. */
  readonly words: string[];
}

const CJK = /[\u3400-\u9fff]/;

/** The literal characters a keyword starts with, lower-cased. */
export function literalStem(source: string): string {
  const match = /^(?:\\b)?((?:[^\\^$.|?*+()[\]{}]|\\[-/:])*)/.exec(source);
  let stem = (match?.[1] ?? '').replace(/\\/g, '');
  // A quantifier after the stem makes its last character optional.
  if (/^[?*{]/.test(source.slice((match?.[0] ?? '').length))) stem = stem.slice(0, -1);
  return stem.toLowerCase();
}

/**
 * Compiles groups of phrases into one scanner over a paper's fields. `techniques` are the
 * taxonomy's groups (the longest phrase at a position wins among them); `context` are
 * further groups, numbered after them, read the same way in their own layer.
 */
export function compileScanner(techniques: readonly PhraseGroup[], context: readonly PhraseGroup[] = []) {
  const groupCount = techniques.length + context.length;
  const phrasesByStem = new Map<string, Phrase[]>();
  let phraseCount = 0;
  const add = (group: number, layer: 0 | 1, source: string) => {
    const stem = literalStem(source);
    if (stem.length < (CJK.test(stem) ? 1 : 2))
      throw new Error(`technique keyword /${source}/ must start with a literal word`);
    const phrases = phrasesByStem.get(stem) ?? [];
    phrases.push({ id: phraseCount++, group, layer, regex: new RegExp(source, 'iy') });
    phrasesByStem.set(stem, phrases);
  };
  [techniques, context].forEach((groups, layer) =>
    groups.forEach((definition, i) => {
      const group = layer === 0 ? i : techniques.length + i;
      for (const source of definition.keywords) add(group, layer as 0 | 1, source);
      for (const source of definition.exclude ?? []) add(-1, layer as 0 | 1, source);
    }),
  );
  // Every phrase whose stem starts the matched stem is a candidate where that stem is found.
  const stems = [...phrasesByStem.keys()].sort((a, b) => b.length - a.length);
  const candidates = new Map(
    stems.map((stem) => [stem, stems.filter((s) => stem.startsWith(s)).flatMap((s) => phrasesByStem.get(s)!)]),
  );
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Finds where a keyword may start (longest stem first); only there are the keywords tried.
  // Text without CJK characters gets a scanner without the CJK stems: trying them costs
  // a check at every character, a third of the scan of an English abstract.
  function finders(layers: number) {
    const own = stems.filter((stem) => phrasesByStem.get(stem)!.some((p) => p.layer < layers));
    const ascii = own.filter((s) => !CJK.test(s)).map(escape);
    const cjk = own.filter((s) => CJK.test(s)).map(escape);
    const asciiBranch = ascii.length ? `\\b(?:${ascii.join('|')})` : '';
    const cjkBranch = cjk.length ? `(?=[\\u3400-\\u9fff])(?:${cjk.join('|')})` : '';
    return {
      mixed: own.length ? new RegExp([asciiBranch, cjkBranch].filter(Boolean).join('|'), 'gi') : null,
      ascii: asciiBranch ? new RegExp(asciiBranch, 'gi') : null,
    };
  }
  // Context words are read in the title and the technique clause, where they change what a
  // technique word means; the results and the long abstract are read for technique words
  // alone, which halves their scan.
  const byLayers = [finders(1), finders(2)];
  const layersByField = EVIDENCE_FIELDS.map((field) => (field === 'title' || field === 'technique' ? 2 : 1));

  // The longest phrase of each layer that matches where `stem` was found: the most specific reading wins.
  const best: (Phrase | null)[] = [null, null];
  const bestLength = [0, 0];
  function longestAt(text: string, position: number, stem: string, layers: number): void {
    best[0] = best[1] = null;
    bestLength[0] = bestLength[1] = 0;
    // Most stems are found in lower case already: no new string for them.
    for (const phrase of candidates.get(stem) ?? candidates.get(stem.toLowerCase()) ?? []) {
      if (phrase.layer >= layers) continue;
      phrase.regex.lastIndex = position;
      if (!phrase.regex.test(text)) continue;
      const length = phrase.regex.lastIndex - position;
      if (length > bestLength[phrase.layer]) {
        best[phrase.layer] = phrase;
        bestLength[phrase.layer] = length;
      }
    }
  }

  // Scratch space reused by every scan, and when a phrase was last seen (to count it once per field).
  const counts = new Uint16Array(EVIDENCE_FIELDS.length * groupCount);
  const words: string[] = new Array<string>(counts.length).fill('');
  const seenAt = new Int32Array(phraseCount);
  let stamp = 0;

  /**
   * Scans a paper's fields from `first` up to `end` (exclusive): the fields before `first`
   * keep what the last scan found there, those from `end` on are left empty. The result is
   * overwritten by the next scan.
   */
  function scan(text: PaperText, first: number = 0, end: number = EVIDENCE_FIELDS.length): ScanResult {
    counts.fill(0, first * groupCount);
    words.fill('', first * groupCount);
    for (let f = first; f < end; f++) {
      const source = text[EVIDENCE_FIELDS[f]];
      const layers = layersByField[f];
      const scanner = CJK.test(source) ? byLayers[layers - 1].mixed : byLayers[layers - 1].ascii;
      if (!scanner) continue;
      stamp++;
      scanner.lastIndex = 0;
      // Each layer reads a phrase whole (a phrase inside it is not read again); the scanner
      // moves on by the shorter of the two, so that the other layer still sees its words.
      const layerEnd = [0, 0];
      for (let hit = scanner.exec(source); hit; hit = scanner.exec(source)) {
        longestAt(source, hit.index, hit[0], layers);
        let step = 0;
        for (let layer = 0; layer < layers; layer++) {
          const phrase = best[layer];
          if (!phrase || hit.index < layerEnd[layer]) continue;
          layerEnd[layer] = hit.index + bestLength[layer];
          step = step ? Math.min(step, bestLength[layer]) : bestLength[layer];
          if (phrase.group < 0 || seenAt[phrase.id] === stamp) continue;
          seenAt[phrase.id] = stamp;
          const cell = f * groupCount + phrase.group;
          if (counts[cell]++ === 0) words[cell] = source.substr(hit.index, bestLength[layer]);
        }
        scanner.lastIndex = hit.index + Math.max(step, 1);
      }
    }
    return { counts, words };
  }

  return { groupCount, scan };
}
