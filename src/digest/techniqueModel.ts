/**
 * A multinomial logistic regression over a paper's technique features, learned from the
 * expert labels by `npm run train` (scripts/train-techniques.mjs). The weights live in
 * techniqueModel.generated.ts; nothing in them names a paper, only features.
 */
export interface TechniqueModel {
  /** Technique ids, one row of weights each. */
  readonly classes: readonly string[];
  /** Feature names ("quantization@title", "diffusion+distillation@head", …), one column each. */
  readonly features: readonly string[];
  /** `weights[class][feature]`. */
  readonly weights: readonly (readonly number[])[];
  readonly bias: readonly number[];
  /** When the best two probabilities are closer than this, the second is shown as an alternative. */
  readonly margin: number;
  /** A further technique with at least this probability is a secondary one. */
  readonly secondary: number;
  /**
   * A paper whose title and brief alone give one technique at least this probability is
   * decided without reading its abstract, nine tenths of the text. Absent: always read.
   */
  readonly headConfidence?: number;
}

/** Softmax of `logits` in place: probabilities that sum to 1. */
export function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += logits[i] = Math.exp(logits[i] - max);
  for (let i = 0; i < logits.length; i++) logits[i] /= sum;
  return logits;
}
