import type { TechniqueMatch } from './model';
import { DEFAULT_TAXONOMY, OTHER_TECHNIQUE_ID, type TechniqueDefinition } from './taxonomy';

/** Where a paper's words come from, and how much a match there weighs. */
export const EVIDENCE_WEIGHTS = { title: 4, technique: 3, results: 1, abstract: 1 } as const;
export type EvidenceField = keyof typeof EVIDENCE_WEIGHTS;
export type PaperText = Readonly<Record<EvidenceField, string>>;

/** A paper needs this much evidence to leave "other": one title or technique-clause word, or three passing mentions. */
const MIN_SCORE = 3;
/** A secondary technique needs this share of the primary's score. */
const SECONDARY_SHARE = 0.5;
/** At most this many distinct words of one technique count in the abstract. */
const ABSTRACT_CAP = 3;

interface Phrase {
  /** Index into the taxonomy, or -1 for a look-alike that counts for nothing. */
  readonly technique: number;
  readonly source: string;
}

/** A taxonomy compiled into one scanner: every phrase of every group in one regular expression. */
export interface TechniqueClassifier {
  readonly taxonomy: readonly TechniqueDefinition[];
  classify(text: PaperText): TechniqueMatch[];
}

export function createClassifier(taxonomy: readonly TechniqueDefinition[] = DEFAULT_TAXONOMY): TechniqueClassifier {
  const phrases: Phrase[] = [];
  taxonomy.forEach((definition, technique) => {
    for (const source of definition.keywords) phrases.push({ technique, source });
    for (const source of definition.exclude ?? []) phrases.push({ technique: -1, source });
  });
  // At one position the longest (most specific) phrase wins, so "vector quantization"
  // is read as a look-alike before "quantization" is read as evidence.
  phrases.sort((a, b) => b.source.length - a.source.length);
  const scanner = phrases.length
    ? new RegExp(phrases.map((p) => `(${stripGroups(p.source)})`).join('|'), 'giu')
    : null;
  const otherIndex = taxonomy.findIndex((d) => d.id === OTHER_TECHNIQUE_ID);

  function classify(text: PaperText): TechniqueMatch[] {
    const scores = new Float64Array(taxonomy.length);
    // Ties go to the technique the title names, then the one the technique clause names.
    const titleScores = new Float64Array(taxonomy.length);
    const clauseScores = new Float64Array(taxonomy.length);

    const evidence: string[][] = taxonomy.map(() => []);
    if (scanner) {
      for (const field of Object.keys(EVIDENCE_WEIGHTS) as EvidenceField[]) {
        const seen = new Set<number>();
        const perTechnique = new Map<number, number>();
        scanner.lastIndex = 0;
        for (let m = scanner.exec(text[field]); m; m = scanner.exec(text[field])) {
          const phraseIndex = matchedGroup(m);
          const technique = phrases[phraseIndex].technique;
          if (technique < 0 || seen.has(phraseIndex)) continue;
          seen.add(phraseIndex);
          const count = (perTechnique.get(technique) ?? 0) + 1;
          perTechnique.set(technique, count);
          if (field === 'abstract' && count > ABSTRACT_CAP) continue;
          scores[technique] += EVIDENCE_WEIGHTS[field];
          if (field === 'title') titleScores[technique] += EVIDENCE_WEIGHTS[field];
          if (field === 'technique') clauseScores[technique] += EVIDENCE_WEIGHTS[field];
          if (evidence[technique].length < 6) evidence[technique].push(`${field}: ${m[0]}`);
        }
      }
    }
    const ranked = [...scores.keys()]
      .filter((i) => i !== otherIndex && scores[i] >= MIN_SCORE)
      .sort((a, b) => scores[b] - scores[a] || titleScores[b] - titleScores[a] || clauseScores[b] - clauseScores[a] || a - b);
    if (ranked.length === 0) {
      const fallback = otherIndex >= 0 ? taxonomy[otherIndex].id : OTHER_TECHNIQUE_ID;
      return [{ id: fallback, score: 0, evidence: [] }];
    }
    const top = scores[ranked[0]];
    return ranked
      .filter((i, rank) => rank === 0 || scores[i] >= top * SECONDARY_SHARE)
      .map((i) => ({ id: taxonomy[i].id, score: scores[i], evidence: evidence[i] }));
  }

  return { taxonomy, classify };
}

/** Turns capturing groups in a keyword into non-capturing ones, so group numbers map to phrases. */
function stripGroups(source: string): string {
  return source.replace(/(^|[^\\])\((?!\?)/g, '$1(?:');
}

function matchedGroup(m: RegExpExecArray): number {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return i - 1;
  return 0;
}
