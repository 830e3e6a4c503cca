import * as vscode from 'vscode';
import type { Digest, DigestProblem } from '../digest';

const fieldLabel = (field: string) =>
  ({
    institutions: vscode.l10n.t('institutions (主要机构)'),
    authors: vscode.l10n.t('authors (作者数量)'),
    abstract: vscode.l10n.t('abstract (摘要)'),
  })[field] ?? field;

/** A problem's message in the display language, from its code and data (the core's messages are English). */
export function problemMessage(problem: DigestProblem, digest: Digest): string {
  const paper = problem.paperIndex ?? 0;
  switch (problem.code) {
    case 'missing-section':
      return problem.variant === 'briefs'
        ? vscode.l10n.t('The briefs section ("## 论文技术简报") is missing.')
        : problem.variant === 'details'
          ? vscode.l10n.t('The details section ("## 论文详细信息") is missing.')
          : vscode.l10n.t('No "## 论文技术简报" or "## 论文详细信息" section: this does not read as a digest.');
    case 'count-mismatch':
      return vscode.l10n.t(
        'The report declares {0} papers but {1} were found.',
        digest.declaredCount ?? '?',
        problem.foundCount ?? '?',
      );
    case 'missing-count':
      return vscode.l10n.t(
        'The report does not declare its paper count (分析论文数量); {0} papers were found.',
        problem.foundCount ?? '?',
      );
    case 'missing-details':
      return vscode.l10n.t('Paper {0} has a brief but no details section entry.', paper);
    case 'missing-brief':
      return vscode.l10n.t('Paper {0} has details but no brief.', paper);
    case 'title-mismatch':
      return vscode.l10n.t('The title of paper {0} differs between its brief and its details.', paper);
    case 'empty-title':
      return vscode.l10n.t('Paper {0} has an empty title.', paper);
    case 'repeated-title':
      return vscode.l10n.t(
        'The title of paper {0} is written twice in its heading (a PDF extraction artefact); Digest Lens shows it once.',
        paper,
      );
    case 'title-artefact':
      return vscode.l10n.t(
        'The title of paper {0} carries "{1}" from its PDF; Digest Lens shows the title without it.',
        paper,
        problem.subject ?? '',
      );
    case 'empty-abstract':
      return vscode.l10n.t('Paper {0} has an empty abstract.', paper);
    case 'missing-field':
      return vscode.l10n.t(
        'Paper {0} has no {1} field.',
        paper,
        (problem.subject ?? '').split(',').map(fieldLabel).join(', '),
      );
    case 'empty-institutions':
      return vscode.l10n.t('Paper {0} has an empty institutions line.', paper);
    case 'placeholder-brief':
      return problem.variant === 'failure'
        ? vscode.l10n.t("The brief is the generator's failure text, not a brief.")
        : problem.variant === 'template'
          ? vscode.l10n.t('The brief is an unfilled template ("[主要机构]发布了[论文标题]…"), not a brief.')
          : problem.variant === 'refusal'
            ? vscode.l10n.t(
                "The brief is the model's refusal to write one (it asks for the paper's details), not a brief.",
              )
            : vscode.l10n.t('Paper {0} has an empty brief.', paper);
    case 'duplicate-number':
      return problem.variant === 'details'
        ? vscode.l10n.t(
            'Paper number {0} appears more than once in the details section; pairs are matched in order.',
            paper,
          )
        : vscode.l10n.t(
            'Paper number {0} appears more than once in the briefs section; pairs are matched in order.',
            paper,
          );
    case 'unnumbered-heading':
      return vscode.l10n.t(
        '"{0}" is not a numbered paper heading ("### N. Title"), so it is not read as a paper.',
        problem.subject ?? '',
      );
    case 'internal-error':
      return vscode.l10n.t('Digest Lens could not finish reading this file: {0}', problem.subject ?? '');
  }
}
