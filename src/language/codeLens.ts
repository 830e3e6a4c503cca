import * as vscode from 'vscode';
import { providerRegistration } from '../common/providerRegistration';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { techniqueVerdict } from '../common/techniqueLabels';
import { findPaper } from '../digest';
import { targetOf, type PaperTarget } from '../store/paperTarget';

type LensKind = 'abstract' | 'technique' | 'brief';

/** A lens whose command is filled in only when VS Code shows it. */
class PaperLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly kind: LensKind,
    readonly target: PaperTarget,
  ) {
    super(range);
  }
}

/** CodeLens on digests; the provider is exposed for measurements. */
export function registerCodeLens(
  selector: vscode.DocumentSelector,
  store: DigestStore,
  config: Config,
): vscode.Disposable & { readonly provider: DigestCodeLensProvider } {
  const provider = new DigestCodeLensProvider(store, config);
  return providerRegistration(provider, vscode.languages.registerCodeLensProvider(selector, provider), provider);
}

/** Above each brief: "↓ Abstract" and the primary technique; above each details heading: "↑ Brief". */
export class DigestCodeLensProvider implements vscode.CodeLensProvider<PaperLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
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
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): PaperLens[] {
    if (!this.config.settings.codeLensEnabled) return [];
    const digest = this.store.digestFor(document);
    if (!digest) return [];
    const lenses: PaperLens[] = [];
    for (const paper of digest.papers) {
      const target = targetOf(document.uri, digest, paper);
      if (paper.brief) {
        const range = new vscode.Range(paper.brief.line, 0, paper.brief.line, 0);
        lenses.push(new PaperLens(range, 'abstract', target), new PaperLens(range, 'technique', target));
      }
      if (paper.details)
        lenses.push(new PaperLens(new vscode.Range(paper.details.line, 0, paper.details.line, 0), 'brief', target));
    }
    return lenses;
  }

  resolveCodeLens(lens: PaperLens): PaperLens {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === lens.target.uri);
    const digest = document && this.store.digestFor(document);
    const paper = digest && findPaper(digest, lens.target);
    if (!paper) {
      lens.command = { title: vscode.l10n.t('$(warning) Paper no longer in the report'), command: '' };
    } else if (lens.kind === 'abstract') {
      lens.command = paper.details
        ? {
            title: vscode.l10n.t('$(arrow-down) Abstract'),
            command: 'digestLens.openAbstract',
            arguments: [lens.target],
            tooltip: vscode.l10n.t('Go to this paper in the details section'),
          }
        : {
            title: vscode.l10n.t(
              '$(circle-slash) No abstract: paper {0} is missing from the details section',
              paper.index,
            ),
            command: '',
          };
    } else if (lens.kind === 'brief') {
      lens.command = paper.brief
        ? {
            title: vscode.l10n.t('$(arrow-up) Brief'),
            command: 'digestLens.openBrief',
            arguments: [lens.target],
            tooltip: vscode.l10n.t('Go to this paper in the briefs section'),
          }
        : {
            title: vscode.l10n.t('$(circle-slash) No brief: paper {0} is missing from the briefs section', paper.index),
            command: '',
          };
    } else {
      lens.command = {
        title: `$(tag) ${techniqueVerdict(paper.techniques, this.config.classifier.taxonomy)}`,
        command: 'digestLens.revealPaper',
        arguments: [lens.target],
        tooltip: vscode.l10n.t('Show this paper in the Papers view'),
      };
    }
    return lens;
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.changed.dispose();
  }
}
