import * as vscode from 'vscode';
import type { DigestStore } from '../store/digestStore';
import { tooLargeMessage } from './sizeLimit';

/**
 * "$(book) 21 papers · 3 problems" while a digest is the active editor; a click shows the
 * papers, or for a digest over the size limit, why it is not read and how to raise the limit.
 */
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
      item.tooltip = tooLargeMessage(lookup);
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
