// zod/mini: the same schemas at a twentieth of the bundle size.
import * as z from 'zod/mini';

/** All lines are 0-based, as in the VS Code API and markdown-it. */
const Line = z.int().check(z.nonnegative());

export const ProblemSeverity = z.enum(['error', 'warning', 'info']);

export const ProblemCode = z.enum([
  'missing-section',
  'count-mismatch',
  'missing-count',
  'missing-details',
  'missing-brief',
  'title-mismatch',
  'empty-title',
  'repeated-title',
  'title-artefact',
  'empty-abstract',
  'missing-field',
  'empty-institutions',
  'placeholder-brief',
  'duplicate-number',
  'unnumbered-heading',
  'internal-error',
]);

export const DigestProblem = z.object({
  code: ProblemCode,
  severity: ProblemSeverity,
  line: Line,
  message: z.string(),
  /** The paper the problem is about, when it is about one. */
  paperIndex: z.optional(z.int()),
  /** For count-mismatch and missing-count: the count found, so that a fix can be offered. */
  foundCount: z.optional(z.int()),
  /** Which form of the problem: the placeholder's kind, the missing section, the section of a duplicate. */
  variant: z.optional(z.string()),
  /** The text the problem is about: an unnumbered heading, the missing fields, an error. */
  subject: z.optional(z.string()),
});

export const HeadlineNumberKind = z.enum([
  'speedup',
  'reduction',
  'improvement',
  'accuracy',
  'throughput',
  'ratio',
  'score',
  'points',
  'quantity',
]);

export const HeadlineNumber = z.object({
  kind: HeadlineNumberKind,
  /** The value, or the upper end of a range. */
  value: z.number(),
  /** The lower end of a range ("2-3倍"). */
  low: z.optional(z.number()),
  /** Normalised unit: ×, %, pp, tokens/s, FPS, dB, … ('' for a bare score). */
  unit: z.string(),
  /** The exact text, a substring of the brief text. */
  text: z.string(),
  /** Offset of `text` in the brief text. */
  offset: z.int().check(z.nonnegative()),
  line: Line,
  column: z.int().check(z.nonnegative()),
});

/** A word (or two found together) that raised a technique, and the field it was found in. */
export const TechniqueReason = z.object({
  field: z.enum(['title', 'technique', 'results', 'abstract']),
  text: z.string(),
});

export const TechniqueMatch = z.object({
  id: z.string(),
  /** The model's probability that this is the paper's technique. */
  score: z.number(),
  /** The words that matched, with where they were found ("title: quantization"), strongest first. */
  evidence: z.array(z.string()),
  /** The same evidence, by field. */
  reasons: z.array(TechniqueReason),
  /** Second, and too close to the primary to tell apart: the paper is shown as "primary or this". */
  alternative: z.boolean(),
});

export const DigestBrief = z.object({
  /** Line of the paper's `### N.` heading in the briefs section. */
  line: Line,
  title: z.string(),
  text: z.string(),
  /** Line of the brief paragraph; the heading line when the brief is empty. */
  textLine: Line,
  /** Last line of the paper's block. */
  endLine: Line,
});

export const Institution = z.object({
  name: z.string(),
  /** The departments, schools and colleges of it that the line names. */
  units: z.array(z.string()),
});

export const DigestDetails = z.object({
  /** Line of the paper's `### N.` heading in the details section. */
  line: Line,
  title: z.string(),
  institutionsText: z.string(),
  /** The institutions' names. */
  institutions: z.array(z.string()),
  /** The same institutions, each with its departments, schools and colleges. */
  affiliations: z.array(Institution),
  institutionsLine: z.nullable(Line),
  authorCount: z.nullable(z.int()),
  authorCountLine: z.nullable(Line),
  abstract: z.string(),
  abstractLine: z.nullable(Line),
  endLine: Line,
});

export const DigestPaper = z.object({
  index: z.int(),
  /** The title as shown: written once, without the artefacts a PDF left in it. */
  title: z.string(),
  /** The title as its heading writes it. */
  rawTitle: z.string(),
  brief: z.nullable(DigestBrief),
  details: z.nullable(DigestDetails),
  institutionShort: z.string(),
  /** The paper's name as its brief writes it; a stand-in where the heading has no title. */
  briefName: z.string(),
  techniques: z.array(TechniqueMatch),
  headlineNumbers: z.array(HeadlineNumber),
});

export const Digest = z.object({
  title: z.string(),
  titleLine: z.nullable(Line),
  generatedAt: z.string(),
  declaredCount: z.nullable(z.int()),
  declaredCountLine: z.nullable(Line),
  briefsLine: z.nullable(Line),
  detailsLine: z.nullable(Line),
  lineCount: z.int(),
  papers: z.array(DigestPaper),
  problems: z.array(DigestProblem),
});

export type ProblemSeverity = z.infer<typeof ProblemSeverity>;
export type ProblemCode = z.infer<typeof ProblemCode>;
export type DigestProblem = z.infer<typeof DigestProblem>;
export type HeadlineNumberKind = z.infer<typeof HeadlineNumberKind>;
export type HeadlineNumber = z.infer<typeof HeadlineNumber>;
export type TechniqueReason = z.infer<typeof TechniqueReason>;
export type TechniqueMatch = z.infer<typeof TechniqueMatch>;
export type DigestBrief = z.infer<typeof DigestBrief>;
export type Institution = z.infer<typeof Institution>;
export type DigestDetails = z.infer<typeof DigestDetails>;
export type DigestPaper = z.infer<typeof DigestPaper>;
export type Digest = z.infer<typeof Digest>;
