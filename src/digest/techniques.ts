import type { TechniqueMatch } from './model';
import { DEFAULT_TAXONOMY, OTHER_TECHNIQUE_ID, type TechniqueDefinition } from './taxonomy';

/** Where a paper's words come from, and how much a match there weighs. */
export const EVIDENCE_WEIGHTS = { title: 4, technique: 3, results: 1, abstract: 1 } as const;
export type EvidenceField = keyof typeof EVIDENCE_WEIGHTS;
export type PaperText = Readonly<Record<EvidenceField, string>>;
const FIELDS = Object.keys(EVIDENCE_WEIGHTS) as EvidenceField[];

/** A paper needs this much evidence to leave "other": one title or technique-clause word, or three passing mentions. */
const MIN_SCORE = 3;
/** A secondary technique needs this share of the primary's score. */
const SECONDARY_SHARE = 0.5;
/** At most this many distinct words of one technique count in the abstract. */
const ABSTRACT_CAP = 3;

interface Phrase {
  /** Index into the taxonomy, or -1 for a look-alike that counts for nothing. */
  readonly technique: number;
  /** Sticky, so it is tried exactly where the scanner found its stem. */
  readonly regex: RegExp;
}

/** A taxonomy compiled into one scanner. */
export interface TechniqueClassifier {
  readonly taxonomy: readonly TechniqueDefinition[];
  classify(text: PaperText): TechniqueMatch[];
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

export function createClassifier(taxonomy: readonly TechniqueDefinition[] = DEFAULT_TAXONOMY): TechniqueClassifier {
  const phrasesByStem = new Map<string, Phrase[]>();
  const add = (technique: number, source: string) => {
    const stem = literalStem(source);
    if (stem.length < (CJK.test(stem) ? 1 : 2))
      throw new Error(`technique keyword /${source}/ must start with a literal word`);
    const phrases = phrasesByStem.get(stem) ?? [];
    phrases.push({ technique, regex: new RegExp(source, 'iy') });
    phrasesByStem.set(stem, phrases);
  };
  taxonomy.forEach((definition, technique) => {
    for (const source of definition.keywords) add(technique, source);
    for (const source of definition.exclude ?? []) add(-1, source);
  });
  // Every phrase whose stem starts the matched stem is a candidate where that stem is found.
  const stems = [...phrasesByStem.keys()].sort((a, b) => b.length - a.length);
  const candidates = new Map(
    stems.map((stem) => [stem, stems.filter((s) => stem.startsWith(s)).flatMap((s) => phrasesByStem.get(s)!)]),
  );
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ascii = stems.filter((s) => !CJK.test(s)).map(escape);
  const cjk = stems.filter((s) => CJK.test(s)).map(escape);
  // Finds where a keyword may start (longest stem first); only there are the keywords tried.
  // Text without CJK characters gets a scanner without the CJK stems: trying them costs
  // a check at every character, a third of the scan of an English abstract.
  const asciiBranch = ascii.length ? `\\b(?:${ascii.join('|')})` : '';
  const cjkBranch = cjk.length ? `(?=[\\u3400-\\u9fff])(?:${cjk.join('|')})` : '';
  const mixedScanner = stems.length ? new RegExp([asciiBranch, cjkBranch].filter(Boolean).join('|'), 'gi') : null;
  const asciiScanner = asciiBranch ? new RegExp(asciiBranch, 'gi') : null;
  const otherIndex = taxonomy.findIndex((d) => d.id === OTHER_TECHNIQUE_ID);

  /** The longest keyword or look-alike that matches where `stem` was found: the most specific reading wins. */
  function longestAt(text: string, position: number, stem: string): { phrase: Phrase; length: number } | null {
    let best: { phrase: Phrase; length: number } | null = null;
    for (const phrase of candidates.get(stem.toLowerCase()) ?? []) {
      phrase.regex.lastIndex = position;
      if (!phrase.regex.test(text)) continue;
      const length = phrase.regex.lastIndex - position;
      if (!best || length > best.length) best = { phrase, length };
    }
    return best;
  }

  // Scratch space reused by every call: scores by field (row f holds field f's score for
  // every technique), totals, abstract words per technique, and when a phrase was last seen.
  const count = taxonomy.length;
  const scores = new Float64Array(FIELDS.length * count);
  const total = new Float64Array(count);
  const abstractWords = new Uint16Array(count);
  const seenAt = new Map<Phrase, number>();
  let stamp = 0;

  function classify(text: PaperText): TechniqueMatch[] {
    scores.fill(0);
    total.fill(0);
    abstractWords.fill(0);
    const evidence = new Map<number, string[]>();
    for (let f = 0; f < FIELDS.length; f++) {
      const field = FIELDS[f];
      const source = text[field];
      const scanner = CJK.test(source) ? mixedScanner : asciiScanner;
      if (!scanner) continue;
      stamp++;
      scanner.lastIndex = 0;
      for (let hit = scanner.exec(source); hit; hit = scanner.exec(source)) {
        const found = longestAt(source, hit.index, hit[0]);
        scanner.lastIndex = hit.index + Math.max(found?.length ?? 1, 1);
        const technique = found?.phrase.technique ?? -1;
        if (!found || technique < 0 || seenAt.get(found.phrase) === stamp) continue;
        seenAt.set(found.phrase, stamp);
        if (field === 'abstract' && ++abstractWords[technique] > ABSTRACT_CAP) continue;
        scores[f * count + technique] += EVIDENCE_WEIGHTS[field];
        total[technique] += EVIDENCE_WEIGHTS[field];
        const words = evidence.get(technique);
        const word = `${field}: ${source.substr(hit.index, found.length)}`;
        if (!words) evidence.set(technique, [word]);
        else if (words.length < 6) words.push(word);
      }
    }
    const score = (field: EvidenceField, technique: number) => scores[FIELDS.indexOf(field) * count + technique];
    // Ties go to the technique the title names, then the one the technique clause names.
    const ranked: number[] = [];
    for (let i = 0; i < count; i++) if (i !== otherIndex && total[i] >= MIN_SCORE) ranked.push(i);
    ranked.sort(
      (a, b) =>
        total[b] - total[a] ||
        score('title', b) - score('title', a) ||
        score('technique', b) - score('technique', a) ||
        a - b,
    );
    if (ranked.length === 0)
      return [{ id: otherIndex >= 0 ? taxonomy[otherIndex].id : OTHER_TECHNIQUE_ID, score: 0, evidence: [] }];
    const top = total[ranked[0]];
    return ranked
      .filter((i, rank) => rank === 0 || total[i] >= top * SECONDARY_SHARE)
      .map((i) => ({ id: taxonomy[i].id, score: total[i], evidence: evidence.get(i) ?? [] }));
  }

  return { taxonomy, classify };
}

let shared: TechniqueClassifier | undefined;

/** The default taxonomy's classifier, compiled once and only when first needed. */
export function defaultClassifier(): TechniqueClassifier {
  shared ??= createClassifier(DEFAULT_TAXONOMY);
  return shared;
}
