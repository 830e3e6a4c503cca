import type { TechniqueMatch, TechniqueReason } from './model';
import type { BriefParts } from './brief';
import { compileScanner, EVIDENCE_FIELDS, type PaperText } from './phraseScanner';
import { CONTEXT_WORDS, PAIRS } from './techniqueContext';
import { softmax, type TechniqueModel } from './techniqueModel';
import { TECHNIQUE_MODEL } from './techniqueModel.generated';
import { DEFAULT_TAXONOMY, OTHER_TECHNIQUE_ID, type TechniqueDefinition } from './taxonomy';

export { literalStem, type EvidenceField, type PaperText } from './phraseScanner';

/** Distinct phrases of one group counted in one field: more say little more. */
const COUNT_CAP = 3;
/** At most this many reasons are named for a technique. */
const MAX_REASONS = 4;
/** A reason adds at least this share of what the strongest one adds. */
const WEAK_REASON = 0.25;

/** A paper's features: indices into the classifier's `features` and their values. */
export interface FeatureVector {
  readonly indices: readonly number[];
  readonly values: readonly number[];
}

/** A taxonomy and a learned model compiled into one scanner and one weight table. */
export interface TechniqueClassifier {
  readonly taxonomy: readonly TechniqueDefinition[];
  /** The names of the features the classifier reads ("quantization@title", …); a model's columns. */
  readonly features: readonly string[];
  /** A paper's techniques, primary first. */
  classify(text: PaperText): TechniqueMatch[];
  /** A paper's features, as the model reads them (for training). */
  featuresOf(text: PaperText): FeatureVector;
}

/** The fields the classifier reads, from a paper's title, its brief's parts (readBrief) and its abstract. */
export function paperText(
  title: string,
  brief: Pick<BriefParts, 'techniqueClause' | 'results'>,
  abstract: string,
): PaperText {
  return { title, technique: brief.techniqueClause, results: brief.results, abstract };
}

/**
 * Compiles a taxonomy with a model (the learned default, or one being trained or judged).
 * A user's group works on top of it: see below how its words are weighed.
 */
export function createClassifier(
  taxonomy: readonly TechniqueDefinition[] = DEFAULT_TAXONOMY,
  model: TechniqueModel = TECHNIQUE_MODEL,
): TechniqueClassifier {
  const scanner = compileScanner(taxonomy, CONTEXT_WORDS);
  const groupIds = [...taxonomy.map((d) => d.id), ...CONTEXT_WORDS.map((c) => `ctx:${c.id}`)];
  const fieldCount = EVIDENCE_FIELDS.length;
  const features = groupIds.flatMap((id) => EVIDENCE_FIELDS.map((field) => `${id}@${field}`));
  const groupOf = (name: string) => {
    const context = groupIds.indexOf(`ctx:${name}`);
    return context >= 0 ? context : taxonomy.findIndex((d) => d.id === name);
  };
  const pairs = PAIRS.map(([a, b]) => [groupOf(a), groupOf(b), a, b] as const).filter(([a, b]) => a >= 0 && b >= 0);
  for (const [, , a, b] of pairs) features.push(`${a}+${b}@head`, `${a}+${b}@any`);
  const pairStart = groupIds.length * fieldCount;
  // A brief without its 使用…技术 clause is mostly a placeholder, and the paper other.
  const missingStart = features.push('missing@technique') - 1;

  // weights[t * features.length + k]: the model's weight of feature k for taxonomy group t.
  const classCount = taxonomy.length;
  const weights = new Float64Array(classCount * features.length);
  const bias = new Float64Array(classCount);
  const column = features.map((name) => model.features.indexOf(name));
  const rowOf = taxonomy.map((d) => model.classes.indexOf(d.id));
  const knownBias = mean(model.classes, (id, c) => (id === OTHER_TECHNIQUE_ID ? undefined : model.bias[c]));
  taxonomy.forEach((_, t) => {
    const row = rowOf[t];
    bias[t] = row >= 0 ? model.bias[row] : knownBias;
    if (row >= 0) column.forEach((c, k) => c >= 0 && (weights[t * features.length + k] = model.weights[row][c]));
  });
  // A user's own group, or a default one whose keywords the user replaced, has words the
  // model never saw: they raise it as much as the most telling technique's own words, and
  // every other group (other included) answers them as it answers another technique's words.
  taxonomy.forEach((definition, u) => {
    const base = DEFAULT_TAXONOMY.find((d) => d.id === definition.id);
    if (base && rowOf[u] >= 0 && sameWords(base, definition)) return;
    for (let f = 0; f < fieldCount; f++)
      taxonomy.forEach((_, t) => {
        const k = t * features.length + u * fieldCount + f;
        if (t === u) weights[k] = techniqueWordWeight(model, -1, f, true);
        // Two user groups: neither has weights for the other's words.
        else weights[k] = rowOf[t] < 0 ? 0 : techniqueWordWeight(model, rowOf[t], f, false);
      });
  });

  // Scratch space reused by every paper: which groups were found where, the paper's
  // features (indices and values, `length` of them), and what each adds to a technique.
  const present = new Uint8Array(groupIds.length * 2);
  const vector = { indices: new Int32Array(features.length), values: new Float64Array(features.length), length: 0 };
  const gains = new Float64Array(features.length);
  /** The words of the last scan, by field and group: the scanner's scratch, valid until the next scan. */
  let words: readonly string[] = [];

  /** Reads the last scan's counts into the paper's features; without `abstractRead`, as if it had none. */
  function extract(text: PaperText, counts: Uint16Array, abstractRead: boolean): void {
    const groupCount = groupIds.length;
    const add = (k: number, value: number) => {
      vector.indices[vector.length] = k;
      vector.values[vector.length++] = value;
    };
    vector.length = 0;
    present.fill(0);
    for (let f = 0; f < fieldCount; f++)
      for (let g = 0; g < groupCount; g++) {
        const count = counts[f * groupCount + g];
        if (!count) continue;
        add(g * fieldCount + f, Math.min(count, COUNT_CAP));
        // present[2g]: in the title or the technique clause; present[2g + 1]: anywhere.
        if (f < 2) present[2 * g] = 1;
        present[2 * g + 1] = 1;
      }
    // A paper without its abstract (a truncated report) is read as if the abstract confirmed
    // its title and clause: the weights learned what technique words say with one behind them.
    if (!abstractRead || !text.abstract.trim())
      for (let g = 0; g < taxonomy.length; g++) {
        const head = Math.max(counts[g], counts[groupCount + g]);
        if (head) add(g * fieldCount + 3, Math.min(head, COUNT_CAP));
      }
    for (let p = 0; p < pairs.length; p++) {
      const [a, b] = pairs[p];
      for (let where = 0; where < 2; where++)
        if (present[2 * a + where] && present[2 * b + where]) add(pairStart + 2 * p + where, 1);
    }
    if (!text.technique.trim()) add(missingStart, 1);
  }

  /** Scans fields `first` to `end` of a paper and keeps the words found, for the reasons. */
  function scan(text: PaperText, first: number, end: number): Uint16Array {
    const result = scanner.scan(text, first, end);
    words = result.words;
    return result.counts;
  }

  function featuresOf(text: PaperText): FeatureVector {
    extract(text, scan(text, 0, fieldCount), true);
    return {
      indices: Array.from(vector.indices.subarray(0, vector.length)),
      values: Array.from(vector.values.subarray(0, vector.length)),
    };
  }

  /** The first word found of a group, and where. */
  function wordOf(group: number): TechniqueReason | null {
    for (let f = 0; f < fieldCount; f++) {
      const word = words[f * groupIds.length + group];
      if (word) return { field: EVIDENCE_FIELDS[f], text: word };
    }
    return null;
  }

  /** What feature k of the last paper shows a reader: its words and where they were found. */
  function reasonOf(k: number): TechniqueReason | null {
    if (k < pairStart) {
      const f = k % fieldCount;
      const text = words[f * groupIds.length + Math.floor(k / fieldCount)];
      // An abstract unread (or missing) confirms the title's words: no word of its own to show.
      return text ? { field: EVIDENCE_FIELDS[f], text } : null;
    }
    if (k >= missingStart) return null;
    const [a, b] = pairs[Math.floor((k - pairStart) / 2)];
    const first = wordOf(a);
    const second = wordOf(b);
    return first && second ? { field: first.field, text: `${first.text} + ${second.text}` } : null;
  }

  /**
   * Why technique t beats `rival` (the runner-up, for the primary; the primary, for the
   * others): the features of the last paper that raise t's score over the rival's most,
   * strongest first. A feature both raise alike (a context word such as "faster") decides
   * nothing, and one that adds less than WEAK_REASON of the strongest is left out.
   */
  function reasonsFor(t: number, rival: number): TechniqueReason[] {
    const row = t * features.length;
    const rivalRow = rival * features.length;
    // A technique's words that make "other" likelier (量化 as "to measure") are no reason a reader would follow.
    const firstShown = taxonomy[t].id === OTHER_TECHNIQUE_ID ? taxonomy.length * fieldCount : 0;
    let strongest = 0;
    for (let i = 0; i < vector.length; i++) {
      const k = vector.indices[i];
      const over = weights[row + k] - (rival < 0 ? 0 : weights[rivalRow + k]);
      gains[i] = k < firstShown ? 0 : over * vector.values[i];
      strongest = Math.max(strongest, gains[i]);
    }
    const reasons: TechniqueReason[] = [];
    while (reasons.length < MAX_REASONS) {
      let best = -1;
      for (let i = 0; i < vector.length; i++) if (gains[i] > 0 && (best < 0 || gains[i] > gains[best])) best = i;
      if (best < 0 || gains[best] < strongest * WEAK_REASON) break;
      gains[best] = 0;
      const reason = reasonOf(vector.indices[best]);
      if (
        reason &&
        !reasons.some((r) => r.field === reason.field && r.text.toLowerCase() === reason.text.toLowerCase())
      )
        reasons.push(reason);
    }
    return reasons;
  }

  function match(t: number, rival: number, probability: number, alternative: boolean): TechniqueMatch {
    const reasons = reasonsFor(t, rival);
    return {
      id: taxonomy[t].id,
      score: Math.round(probability * 1000) / 1000,
      alternative,
      reasons,
      evidence: reasons.map((r) => `${r.field}: ${r.text}`),
    };
  }

  const logits = new Float64Array(classCount);
  /** The technique probabilities of the features extracted last. */
  function probabilities(): Float64Array {
    for (let t = 0; t < classCount; t++) {
      let sum = bias[t];
      const row = t * features.length;
      for (let i = 0; i < vector.length; i++) sum += weights[row + vector.indices[i]] * vector.values[i];
      logits[t] = sum;
    }
    return softmax(logits);
  }

  function likeliest(p: Float64Array): number {
    let first = 0;
    for (let t = 1; t < classCount; t++) if (p[t] > p[first]) first = t;
    return first;
  }

  const abstractField = EVIDENCE_FIELDS.indexOf('abstract');
  const headConfidence = model.headConfidence ?? Infinity;
  function classify(text: PaperText): TechniqueMatch[] {
    // The title and the brief first; the long abstract only when they leave doubt.
    extract(text, scan(text, 0, abstractField), false);
    let p = probabilities();
    if (p[likeliest(p)] < headConfidence && text.abstract) {
      extract(text, scan(text, abstractField, fieldCount), true);
      p = probabilities();
    }
    const first = likeliest(p);
    let second = -1;
    for (let t = 0; t < classCount; t++) if (t !== first && (second < 0 || p[t] > p[second])) second = t;
    const close = second >= 0 && p[first] - p[second] < model.margin;
    const matches = [match(first, second, p[first], false)];
    if (close) matches.push(match(second, first, p[second], true));
    const secondary: number[] = [];
    for (let t = 0; t < classCount; t++)
      if (t !== first && !(close && t === second) && p[t] >= model.secondary && taxonomy[t].id !== OTHER_TECHNIQUE_ID)
        secondary.push(t);
    secondary.sort((a, b) => p[b] - p[a] || a - b);
    for (const t of secondary) matches.push(match(t, first, p[t], false));
    return matches;
  }

  return { taxonomy, features, classify, featuresOf };
}

/**
 * The weight a model row gives a default technique's words in field `f`: for a group's own
 * words (`own`), the strongest any technique gives its own, since a user's keywords are
 * meant; otherwise the average the row gives another technique's words.
 */
function techniqueWordWeight(model: TechniqueModel, row: number, f: number, own: boolean): number {
  const field = EVIDENCE_FIELDS[f];
  const weights = model.classes.flatMap((id, c) => {
    const column = model.features.indexOf(`${id}@${field}`);
    if (id === OTHER_TECHNIQUE_ID || column < 0 || (!own && c === row)) return [];
    return [model.weights[own ? c : row][column]];
  });
  if (!weights.length) return 0;
  return own ? Math.max(...weights) : weights.reduce((a, b) => a + b, 0) / weights.length;
}

function sameWords(a: TechniqueDefinition, b: TechniqueDefinition): boolean {
  const same = (x: readonly string[] = [], y: readonly string[] = []) =>
    x.length === y.length && x.every((w, i) => w === y[i]);
  return same(a.keywords, b.keywords) && same(a.exclude, b.exclude);
}

function mean(ids: readonly string[], value: (id: string, index: number) => number | undefined): number {
  const values = ids.map(value).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

let shared: TechniqueClassifier | undefined;

/** The default taxonomy's classifier, compiled once and only when first needed. */
export function defaultClassifier(): TechniqueClassifier {
  shared ??= createClassifier(DEFAULT_TAXONOMY);
  return shared;
}
