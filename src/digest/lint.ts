import { placeholderKind, type PlaceholderKind } from './brief';
import type { Digest, DigestPaper, DigestProblem } from './model';

const PLACEHOLDER_MESSAGES: Record<PlaceholderKind, string> = {
  failure: "The brief is the generator's failure text, not a brief.",
  template: 'The brief is an unfilled template ("[主要机构]发布了[论文标题]…"), not a brief.',
  refusal: "The brief is the model's refusal to write one (it asks for the paper's details), not a brief.",
};

const normaliseTitle = (title: string): string => title.replace(/\s+/g, ' ').trim();

/** Problems in the papers' content, found from the model alone. */
export function contentProblems(digest: Digest): DigestProblem[] {
  return digest.papers.flatMap(paperProblems);
}

/** The problems in one paper's content. */
export function paperProblems(paper: DigestPaper): DigestProblem[] {
  const problems: DigestProblem[] = [];
  const add = (problem: Omit<DigestProblem, 'paperIndex'>) => problems.push({ ...problem, paperIndex: paper.index });
  const { brief, details } = paper;

  if (!details && brief)
    add({
      code: 'missing-details',
      severity: 'error',
      line: brief.line,
      message: `Paper ${paper.index} has a brief but no details section entry.`,
    });
  if (!brief && details)
    add({
      code: 'missing-brief',
      severity: 'error',
      line: details.line,
      message: `Paper ${paper.index} has details but no brief.`,
    });

  for (const part of [brief, details]) {
    if (part && !part.title)
      add({
        code: 'empty-title',
        severity: 'warning',
        line: part.line,
        message: `Paper ${paper.index} has an empty title.`,
      });
  }
  if (
    brief?.title &&
    details?.title &&
    brief.title !== details.title &&
    normaliseTitle(brief.title) !== normaliseTitle(details.title)
  ) {
    add({
      code: 'title-mismatch',
      severity: 'warning',
      line: details.line,
      message: `The title of paper ${paper.index} differs between its brief and its details.`,
    });
  }

  if (brief) {
    const kind = brief.text ? placeholderKind(brief.text) : null;
    if (!brief.text)
      add({
        code: 'placeholder-brief',
        severity: 'warning',
        line: brief.line,
        variant: 'empty',
        message: `Paper ${paper.index} has an empty brief.`,
      });
    else if (kind)
      add({
        code: 'placeholder-brief',
        severity: 'warning',
        line: brief.textLine,
        variant: kind,
        message: PLACEHOLDER_MESSAGES[kind],
      });
  }

  if (details) {
    const missing = (
      [
        [details.institutionsLine, 'institutions', '主要机构'],
        [details.authorCountLine, 'authors', '作者数量'],
        [details.abstractLine, 'abstract', '摘要'],
      ] as const
    ).filter(([line]) => line === null);
    if (missing.length) {
      add({
        code: 'missing-field',
        severity: 'warning',
        line: details.line,
        subject: missing.map(([, field]) => field).join(','),
        message: `Paper ${paper.index} has no ${missing.map(([, field, label]) => `${field} (${label})`).join(', ')} field.`,
      });
    }
    if (details.abstractLine !== null && !details.abstract)
      add({
        code: 'empty-abstract',
        severity: 'warning',
        line: details.abstractLine,
        message: `Paper ${paper.index} has an empty abstract.`,
      });
    if (details.institutionsLine !== null && !details.institutionsText)
      add({
        code: 'empty-institutions',
        severity: 'info',
        line: details.institutionsLine,
        message: `Paper ${paper.index} has an empty institutions line.`,
      });
  }
  return problems;
}
