import * as vscode from 'vscode';
import {
  formatNumber,
  numberPhrase,
  paperAtLine,
  type Digest,
  type DigestPaper,
  type HeadlineNumber,
  type HeadlineNumberKind,
} from '../digest';
import { providerRegistration } from '../common/providerRegistration';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { techniqueFacts } from '../common/techniqueLabels';
import { commandLink, literal, trustedMarkdown } from '../common/markdownString';
import { paperTitle, targetOf } from '../store/paperTarget';
import { OPEN_APPEARANCE_COMMAND, type LibraryHoverSection } from '../workspaceLibrary/libraryHover';

export function kindLabel(kind: HeadlineNumberKind): string {
  const labels: Record<HeadlineNumberKind, string> = {
    speedup: vscode.l10n.t('speedup'),
    reduction: vscode.l10n.t('reduction'),
    improvement: vscode.l10n.t('improvement'),
    accuracy: vscode.l10n.t('accuracy'),
    throughput: vscode.l10n.t('throughput'),
    ratio: vscode.l10n.t('ratio'),
    score: vscode.l10n.t('score'),
    points: vscode.l10n.t('percentage points'),
    quantity: vscode.l10n.t('quantity'),
  };
  return labels[kind];
}

const HOVER_COMMANDS = ['digestLens.openAbstract', 'digestLens.openBrief', OPEN_APPEARANCE_COMMAND];

/** Hovers on digests; the provider is exposed for measurements. */
export function registerHover(
  selector: vscode.DocumentSelector,
  store: DigestStore,
  config: Config,
  library?: LibraryHoverSection,
): vscode.Disposable & { readonly provider: DigestHoverProvider } {
  const provider = new DigestHoverProvider(store, config, library);
  return providerRegistration(provider, vscode.languages.registerHoverProvider(selector, provider));
}

/** Paper cards on headings and briefs; readings of headline numbers and institution lines. */
export class DigestHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: DigestStore,
    private readonly config: Config,
    private readonly library?: LibraryHoverSection,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.config.settings.hoverEnabled) return undefined;
    const digest = this.store.digestFor(document);
    if (!digest) return undefined;
    const line = position.line;
    const paper = paperAtLine(digest, line);
    if (!paper) return undefined;
    const { brief, details } = paper;
    if (brief && line >= brief.line && line <= brief.endLine) {
      const number = paper.headlineNumbers.find(
        (n) => n.line === line && position.character >= n.column && position.character < n.column + n.text.length,
      );
      if (number)
        return new vscode.Hover(
          this.numberCard(number, brief.text),
          new vscode.Range(line, number.column, line, number.column + number.text.length),
        );
      return new vscode.Hover(this.paperCard(document, digest, paper, 'brief'), document.lineAt(line).range);
    }
    if (line === details?.line)
      return new vscode.Hover(this.paperCard(document, digest, paper, 'details'), document.lineAt(line).range);
    if (line === details?.institutionsLine)
      return new vscode.Hover(this.institutionsCard(paper), document.lineAt(line).range);
    return undefined;
  }

  private numberCard(number: HeadlineNumber, brief: string): vscode.MarkdownString {
    const md = trustedMarkdown();
    md.appendMarkdown(
      `**${literal(number.text)}** ${literal(vscode.l10n.t('is read as'))} ${literal(kindLabel(number.kind))}: ${literal(formatNumber(number))}\n\n`,
    );
    md.appendMarkdown(
      `${literal(vscode.l10n.t('value'))} \`${number.value}\`${number.low !== undefined ? ` (${literal(vscode.l10n.t('from'))} \`${number.low}\`)` : ''} · ${literal(vscode.l10n.t('unit'))} \`${literal(number.unit || '—')}\`\n\n`,
    );
    md.appendMarkdown(`*${literal(numberPhrase(brief, number))}*`);
    return md;
  }

  private institutionsCard(paper: DigestPaper): vscode.MarkdownString {
    const md = trustedMarkdown();
    const names = paper.details?.institutions ?? [];
    md.appendMarkdown(`**${literal(vscode.l10n.t('{0} institutions, as split by Digest Lens', names.length))}**\n\n`);
    names.forEach((name, i) => md.appendMarkdown(`${i + 1}\\. ${literal(name)}\n\n`));
    return md;
  }

  private paperCard(
    document: vscode.TextDocument,
    digest: Digest,
    paper: DigestPaper,
    from: 'brief' | 'details',
  ): vscode.MarkdownString {
    const taxonomy = this.config.classifier.taxonomy;
    const md = trustedMarkdown(HOVER_COMMANDS);
    const title = paperTitle(paper);
    md.appendMarkdown(`### ${literal(`${paper.index}. ${title.fallback ? `‹${title.text}›` : title.text}`)}\n\n`);
    const institutions = paper.details?.institutions ?? [];
    if (institutions.length) {
      md.appendMarkdown(
        `**${literal(vscode.l10n.t('Institutions'))}**${paper.institutionShort ? ` (${literal(vscode.l10n.t('brief: {0}', paper.institutionShort))})` : ''}\n\n`,
      );
      md.appendMarkdown(institutions.map((name) => `- ${literal(name)}`).join('\n') + '\n\n');
    } else {
      md.appendMarkdown(
        `**${literal(vscode.l10n.t('Institutions'))}**: ${paper.institutionShort ? literal(paper.institutionShort) : `*${literal(vscode.l10n.t('none given'))}*`}\n\n`,
      );
    }
    const facts = [
      paper.details?.authorCount != null
        ? `**${literal(vscode.l10n.t('Authors'))}**: ${paper.details.authorCount}`
        : '',
    ].filter(Boolean);
    if (facts.length) md.appendMarkdown(facts.join(' · ') + '\n\n');
    md.appendMarkdown(
      techniqueFacts(paper.techniques, taxonomy)
        .map((fact) => `**${literal(fact.label)}**: ${literal(fact.value)}`)
        .join('  \n') + '\n\n',
    );
    if (paper.headlineNumbers.length && paper.brief) {
      md.appendMarkdown(
        `| ${literal(vscode.l10n.t('Kind'))} | ${literal(vscode.l10n.t('Value'))} | ${literal(vscode.l10n.t('Phrase'))} |\n|---|---|---|\n`,
      );
      for (const n of paper.headlineNumbers)
        md.appendMarkdown(
          `| ${literal(kindLabel(n.kind))} | ${literal(formatNumber(n))} | ${literal(numberPhrase(paper.brief.text, n))} |\n`,
        );
      md.appendMarkdown('\n');
    }
    const acrossLibrary = this.library?.markdown(document.uri, digest, paper);
    if (acrossLibrary) md.appendMarkdown(acrossLibrary + '\n\n');
    const target = targetOf(document.uri, digest, paper);
    const links = [
      from === 'brief' && paper.details
        ? commandLink(`$(arrow-down) ${literal(vscode.l10n.t('Go to Abstract'))}`, 'digestLens.openAbstract', target)
        : '',
      from === 'details' && paper.brief
        ? commandLink(`$(arrow-up) ${literal(vscode.l10n.t('Go to Brief'))}`, 'digestLens.openBrief', target)
        : '',
    ].filter(Boolean);
    if (links.length) md.appendMarkdown(links.join(' · '));
    return md;
  }
}
