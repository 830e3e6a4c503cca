import * as vscode from 'vscode';
import { providerRegistration } from '../common/providerRegistration';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { techniqueVerdict } from '../common/techniqueLabels';
import type { DigestPaper } from '../digest';
import { targetOf, type PaperTarget } from '../store/paperTarget';
import { linesInView, visibleRangesOf, type LineWindow } from './linesInView';

/** How long scrolling must pause before the lenses are asked for again. */
const SCROLL_DEBOUNCE_MS = 100;

/** The lenses between a paper's brief and its abstract, in each direction. */
const PARTNER_LINKS = {
  abstract: {
    present: (paper: DigestPaper) => Boolean(paper.details),
    command: 'digestLens.openAbstract',
    title: () => vscode.l10n.t('$(arrow-down) Abstract'),
    tooltip: () => vscode.l10n.t('Go to this paper in the details section'),
    missing: (index: number) =>
      vscode.l10n.t('$(circle-slash) No abstract: paper {0} is missing from the details section', index),
  },
  brief: {
    present: (paper: DigestPaper) => Boolean(paper.brief),
    command: 'digestLens.openBrief',
    title: () => vscode.l10n.t('$(arrow-up) Brief'),
    tooltip: () => vscode.l10n.t('Go to this paper in the briefs section'),
    missing: (index: number) =>
      vscode.l10n.t('$(circle-slash) No brief: paper {0} is missing from the briefs section', index),
  },
};

/** CodeLens on digests; the provider is exposed for measurements. */
export function registerCodeLens(
  selector: vscode.DocumentSelector,
  store: DigestStore,
  config: Config,
): vscode.Disposable & { readonly provider: DigestCodeLensProvider } {
  const provider = new DigestCodeLensProvider(store, config);
  return providerRegistration(provider, vscode.languages.registerCodeLensProvider(selector, provider), provider);
}

/**
 * Above each brief: "↓ Abstract" and the primary technique; above each details heading:
 * "↑ Brief". VS Code asks for every lens of a document on each edit, though it shows only
 * those in view: on a digest of thousands of papers that is tens of thousands of objects
 * through the extension host's protocol. So a document shown in editors gets only the
 * lenses around what they show, asked for again when scrolling leaves that window; a
 * document in no editor gets all of them. Commands are filled in at once (a resolve would
 * cost VS Code one more round trip per lens in view).
 */
export class DigestCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** The lines each document's lenses were last given for, by URI; absent: all lines. */
  private readonly served = new Map<string, LineWindow[]>();
  private scrollTimer: NodeJS.Timeout | undefined;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly store: DigestStore,
    private readonly config: Config,
  ) {
    this.listeners = [
      config.onDidChange(
        (names) =>
          (names.has('codeLensEnabled') || names.has('customTechniques') || names.has('replaceDefaultTechniques')) &&
          this.changed.fire(),
      ),
      store.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidCloseTextDocument((document) => this.served.delete(document.uri.toString())),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.scrolled(event.textEditor.document), SCROLL_DEBOUNCE_MS);
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.config.settings.codeLensEnabled) return [];
    const digest = this.store.digestFor(document);
    if (!digest) return [];
    const windows = linesInView(document);
    if (windows) this.served.set(document.uri.toString(), windows);
    else this.served.delete(document.uri.toString());
    const inView = (line: number) => !windows || windows.some((w) => w.from <= line && line <= w.to);
    const lenses: vscode.CodeLens[] = [];
    for (const paper of digest.papers) {
      const brief = paper.brief && inView(paper.brief.line);
      const details = paper.details && inView(paper.details.line);
      if (!brief && !details) continue;
      const target = targetOf(document.uri, digest, paper);
      if (brief) {
        const range = new vscode.Range(paper.brief!.line, 0, paper.brief!.line, 0);
        lenses.push(
          new vscode.CodeLens(range, this.partnerCommand(paper, target, 'abstract')),
          new vscode.CodeLens(range, this.techniqueCommand(paper, target)),
        );
      }
      if (details) {
        const range = new vscode.Range(paper.details!.line, 0, paper.details!.line, 0);
        lenses.push(new vscode.CodeLens(range, this.partnerCommand(paper, target, 'brief')));
      }
    }
    return lenses;
  }

  /** Asks VS Code for the lenses again when an editor now shows lines outside the window they were given for. */
  private scrolled(document: vscode.TextDocument): void {
    const served = this.served.get(document.uri.toString());
    if (!served) return;
    const shown = visibleRangesOf(document);
    const covered = (range: vscode.Range) => served.some((w) => w.from <= range.start.line && range.end.line <= w.to);
    if (!shown.every(covered)) this.changed.fire();
  }

  /** The link to a paper's other part; a lens that says so when that part is missing. */
  private partnerCommand(paper: DigestPaper, target: PaperTarget, to: 'abstract' | 'brief'): vscode.Command {
    const link = PARTNER_LINKS[to];
    return link.present(paper)
      ? { title: link.title(), command: link.command, arguments: [target], tooltip: link.tooltip() }
      : { title: link.missing(paper.index), command: '' };
  }

  private techniqueCommand(paper: DigestPaper, target: PaperTarget): vscode.Command {
    return {
      title: `$(tag) ${techniqueVerdict(paper.techniques, this.config.classifier.taxonomy)}`,
      command: 'digestLens.revealPaper',
      arguments: [target],
      tooltip: vscode.l10n.t('Show this paper in the Papers view'),
    };
  }

  dispose(): void {
    clearTimeout(this.scrollTimer);
    this.listeners.forEach((l) => l.dispose());
    this.changed.dispose();
  }
}
