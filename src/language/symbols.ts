import * as vscode from 'vscode';
import type { Digest, DigestPaper } from '../digest';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { techniqueLabel } from '../common/techniqueLabels';
import { paperTitle } from '../store/paperTarget';

/** The report, its two sections and their papers, for the Outline, breadcrumbs and Go to Symbol. */
export class DigestSymbolProvider implements vscode.DocumentSymbolProvider {
  /**
   * Paper symbols by paper and part. VS Code asks for the outline after every edit, and an
   * edit gives one paper a new object: the others keep theirs, and their symbols. Settings
   * (labels, title case) change what a symbol says, so a settings change starts afresh.
   */
  private paperSymbols = new WeakMap<DigestPaper, Partial<Record<'brief' | 'details', vscode.DocumentSymbol>>>();

  forgetSymbols(): void {
    this.paperSymbols = new WeakMap();
  }

  constructor(
    private readonly store: DigestStore,
    private readonly config: Config,
  ) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const digest = this.store.digestFor(document);
    return digest ? this.symbols(document, digest) : [];
  }

  private symbols(document: vscode.TextDocument, digest: Digest): vscode.DocumentSymbol[] {
    const taxonomy = this.config.classifier.taxonomy;
    const lastLine = document.lineCount - 1;
    const lineRange = (from: number, to: number) =>
      new vscode.Range(from, 0, to, document.lineAt(Math.min(to, lastLine)).text.length);
    const paperSymbol = (paper: DigestPaper, part: 'brief' | 'details') => {
      let known = this.paperSymbols.get(paper);
      if (!known) this.paperSymbols.set(paper, (known = {}));
      return (known[part] ??= newPaperSymbol(paper, part));
    };
    const newPaperSymbol = (paper: DigestPaper, part: 'brief' | 'details') => {
      const block = paper[part]!;
      const detail = [techniqueLabel(paper.techniques[0]?.id ?? 'other', taxonomy), paper.institutionShort]
        .filter(Boolean)
        .join(' · ');
      // File, a page, is the icon that reads as a paper in Go to Symbol (Object's is the generic braces).
      return new vscode.DocumentSymbol(
        `${paper.index}. ${paperTitle(paper).text}`,
        detail,
        vscode.SymbolKind.File,
        lineRange(block.line, block.endLine),
        lineRange(block.line, block.line),
      );
    };
    const section = (name: string, line: number | null, end: number, part: 'brief' | 'details') => {
      if (line === null) return undefined;
      const papers = digest.papers.filter((p) => p[part]);
      const symbol = new vscode.DocumentSymbol(
        name,
        vscode.l10n.t('{0} papers', papers.length),
        vscode.SymbolKind.Namespace,
        lineRange(line, end),
        lineRange(line, line),
      );
      symbol.children = papers.map((p) => paperSymbol(p, part));
      return symbol;
    };
    const briefsEnd =
      digest.detailsLine !== null && digest.briefsLine !== null && digest.detailsLine > digest.briefsLine
        ? digest.detailsLine - 1
        : lastLine;
    const sections = [
      section(
        document.lineAt(digest.briefsLine ?? 0).text.replace(/^#+\s*/, ''),
        digest.briefsLine,
        briefsEnd,
        'brief',
      ),
      section(
        document.lineAt(digest.detailsLine ?? 0).text.replace(/^#+\s*/, ''),
        digest.detailsLine,
        lastLine,
        'details',
      ),
    ].filter((s): s is vscode.DocumentSymbol => s !== undefined);
    const titleLine = digest.titleLine ?? 0;
    const report = new vscode.DocumentSymbol(
      digest.title || vscode.l10n.t('Digest'),
      vscode.l10n.t('{0} papers', digest.papers.length),
      vscode.SymbolKind.File,
      lineRange(titleLine, lastLine),
      lineRange(titleLine, titleLine),
    );
    report.children = sections;
    return [report];
  }
}

/**
 * Registered only while digestLens.outline.enabled is on: VS Code caches outlines per
 * document version, and only a change of providers makes it ask again.
 */
export function registerSymbols(
  selector: vscode.DocumentSelector,
  store: DigestStore,
  config: Config,
): vscode.Disposable {
  const provider = new DigestSymbolProvider(store, config);
  let registration: vscode.Disposable | undefined;
  const apply = () => {
    registration?.dispose();
    registration = config.settings.outlineEnabled
      ? vscode.languages.registerDocumentSymbolProvider(selector, provider, { label: 'Digest Lens' })
      : undefined;
  };
  apply();
  const listener = config.onDidChange((names) => {
    provider.forgetSymbols();
    if (names.has('outlineEnabled')) apply();
  });
  return { dispose: () => [listener, registration].forEach((d) => d?.dispose()) };
}
