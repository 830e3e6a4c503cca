import { placeholderKind, type PlaceholderKind } from './brief';
import type { Digest, DigestPaper, DigestProblem } from './model';

const PLACEHOLDER_MESSAGES: Record<PlaceholderKind, string> = {
  failure: "The brief is the generator's failure text, not a brief.",
  template: 'The brief is an unfilled template ("[主要机构]发布了[论文标题]…"), not a brief.',
  refusal: "The brief is the model's refusal to write one (it asks for the paper's details), not a brief.",
};

const normaliseTitle = (title: string): string => title.replace(/\s+/g, ' ').trim();

/** Problems of the report as a whole (its sections and declared count), found from the model alone. */
export function documentProblems(digest: Digest): DigestProblem[] {
  const problems: DigestProblem[] = [];
  const top = digest.titleLine ?? 0;
  if (digest.briefsLine === null && digest.detailsLine === null) {
    problems.push({
      code: 'missing-section',
      severity: 'error',
      line: top,
      variant: 'both',
      message: 'No "## 论文技术简报" or "## 论文详细信息" section: this does not read as a digest.',
    });
    return problems;
  }
  if (digest.briefsLine === null)
    problems.push({
      code: 'missing-section',
      severity: 'error',
      line: top,
      variant: 'briefs',
      message: 'The briefs section ("## 论文技术简报") is missing.',
    });
  if (digest.detailsLine === null)
    problems.push({
      code: 'missing-section',
      severity: 'error',
      line: top,
      variant: 'details',
      message: 'The details section ("## 论文详细信息") is missing.',
    });
  const found = new Set(digest.papers.map((p) => p.index)).size;
  if (digest.declaredCountLine === null) {
    problems.push({
      code: 'missing-count',
      severity: 'info',
      line: top,
      foundCount: found,
      message: `The report does not declare its paper count (分析论文数量); ${found} papers were found.`,
    });
  } else if (digest.declaredCount !== found) {
    problems.push({
      code: 'count-mismatch',
      severity: 'warning',
      line: digest.declaredCountLine,
      foundCount: found,
      message: `The report declares ${digest.declaredCount ?? '?'} papers but ${found} were found.`,
    });
  }
  return problems;
}

/** Problems in the papers' content, found from the model alone. */
export function contentProblems(digest: Digest): DigestProblem[] {
  return digest.papers.flatMap(paperProblems);
}

/** The problems in one paper's content. */
export function paperProblems(paper: DigestPaper): DigestProblem[] {
  const problems: DigestProblem[] = [];
  // Each problem is a new object: the paper's index is assigned to it, not spread into a copy.
  const add = (problem: Omit<DigestProblem, 'paperIndex'>) =>
    problems.push(Object.assign(problem, { paperIndex: paper.index }));
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
