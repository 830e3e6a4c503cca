import * as vscode from 'vscode';
import type { DigestStore } from '../store/digestStore';

/** "$(book) 21 papers · 3 problems" while a digest is the active editor; a click shows the papers. */
export function registerStatusBar(store: DigestStore): vscode.Disposable & { readonly item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('digestLens.status', vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('Digest Lens');
  item.command = 'digestLens.papers.focus';

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const lookup = editor ? store.lookup(editor.document) : undefined;
    if (lookup?.status === 'digest') {
      const { digest } = lookup;
      item.text = `$(book) ${vscode.l10n.t('{0} papers · {1} problems', digest.papers.length, digest.problems.length)}`;
      item.tooltip = [digest.title, digest.generatedAt].filter(Boolean).join('\n') || undefined;
      item.show();
    } else if (lookup?.status === 'tooLarge') {
      item.text = `$(book) ${vscode.l10n.t('Digest too large')}`;
      item.tooltip = vscode.l10n.t(
        '{0} MB is over the {1} MB limit (digestLens.maxFileSizeMB).',
        lookup.sizeMB.toFixed(1),
        lookup.limitMB,
      );
      item.show();
    } else {
      item.hide();
    }
  };
  update();
  const subscriptions = [
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    store.onDidChange(
      (uri) => (!uri || uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) && update(),
    ),
  ];
  return { item, dispose: () => subscriptions.forEach((s) => s.dispose()) };
}
