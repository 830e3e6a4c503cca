/**
 * Every word the parser looks for in a digest, by language. A digest is written in one
 * language; the parser accepts the labels of any language in this table.
 */
export interface DigestLabels {
  readonly briefsSection: readonly string[];
  readonly detailsSection: readonly string[];
  readonly generatedAt: readonly string[];
  readonly declaredCount: readonly string[];
  readonly institutions: readonly string[];
  readonly authors: readonly string[];
  readonly abstract: readonly string[];
  /** The verb between the institution and the paper in a brief ("X发布了Y"). */
  readonly published: readonly string[];
  /** Opens the technique clause of a brief ("使用Z技术"). */
  readonly using: readonly string[];
  /** Opens the problem clause, which ends the technique clause. */
  readonly solving: readonly string[];
}

export const LABELS: Readonly<Record<'zh' | 'en', DigestLabels>> = {
  zh: {
    briefsSection: ['论文技术简报'],
    detailsSection: ['论文详细信息'],
    generatedAt: ['生成时间'],
    declaredCount: ['分析论文数量'],
    institutions: ['主要机构'],
    authors: ['作者数量'],
    abstract: ['摘要'],
    published: ['发布了'],
    using: ['使用', '通过', '提出'],
    solving: ['解决了', '解决'],
  },
  en: {
    briefsSection: ['Paper Briefs'],
    detailsSection: ['Paper Details'],
    generatedAt: ['Generated'],
    declaredCount: ['Papers analysed', 'Papers analyzed'],
    institutions: ['Institutions'],
    authors: ['Authors'],
    abstract: ['Abstract'],
    published: [' published ', ' released '],
    using: ['using ', 'with '],
    solving: ['solving ', 'to solve ', 'addressing '],
  },
};

export type DigestField = 'institutions' | 'authors' | 'abstract';

const FIELD_BY_LABEL = new Map<string, DigestField>();
for (const labels of Object.values(LABELS)) {
  for (const field of ['institutions', 'authors', 'abstract'] as const) {
    for (const label of labels[field]) FIELD_BY_LABEL.set(label.toLowerCase(), field);
  }
}

/** The field a `**Label**:` names, or undefined when it names none. */
export function fieldForLabel(label: string): DigestField | undefined {
  return FIELD_BY_LABEL.get(label.trim().toLowerCase());
}

const allOf = (pick: (labels: DigestLabels) => readonly string[]): string[] =>
  Object.values(LABELS).flatMap((labels) => pick(labels));

export const GENERATED_AT_LABELS = allOf((l) => l.generatedAt);
export const DECLARED_COUNT_LABELS = allOf((l) => l.declaredCount);
export const PUBLISHED_WORDS = allOf((l) => l.published);
export const USING_WORDS = allOf((l) => l.using);
export const SOLVING_WORDS = allOf((l) => l.solving);
const BRIEFS_SECTION_TITLES = allOf((l) => l.briefsSection);
const DETAILS_SECTION_TITLES = allOf((l) => l.detailsSection);
export const SECTION_TITLES = [...BRIEFS_SECTION_TITLES, ...DETAILS_SECTION_TITLES];

/** Whether `text` is one of `labels`, ignoring case and the spaces around it ("papers analysed", "Paper Briefs "). */
export function isLabel(text: string, labels: readonly string[]): boolean {
  const normalized = text.trim().toLowerCase();
  return labels.some((label) => label.toLowerCase() === normalized);
}

export const isBriefsSectionTitle = (text: string): boolean => isLabel(text, BRIEFS_SECTION_TITLES);
export const isDetailsSectionTitle = (text: string): boolean => isLabel(text, DETAILS_SECTION_TITLES);
