import * as vscode from 'vscode';
import type { DigestStore } from '../store/digestStore';

/** The quick fixes of the diagnostics, applied only when the user picks one. */
export function registerQuickFix(selector: vscode.DocumentSelector, store: DigestStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new DigestQuickFixProvider(store), {
    providedCodeActionKinds: DigestQuickFixProvider.kinds,
  });
}

/** Quick fixes where the fix is certain; applied only when the user picks one. */
class DigestQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: DigestStore) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const digest = this.store.digestFor(document);
    if (!digest) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      if (code !== 'count-mismatch') continue;
      const problem = digest.problems.find(
        (p) => p.code === 'count-mismatch' && p.line === diagnostic.range.start.line,
      );
      if (!problem || problem.foundCount === undefined) continue;
      const line = document.lineAt(problem.line);
      const number = /(^[^:：]*[:：]\s*)(\d+)/.exec(line.text);
      if (!number) continue;
      const label = line.text.split(/[:：]/)[0].trim();
      const action = new vscode.CodeAction(
        vscode.l10n.t('Set {0} to {1}', label, problem.foundCount),
        vscode.CodeActionKind.QuickFix,
      );
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(
        document.uri,
        new vscode.Range(problem.line, number[1].length, problem.line, number[1].length + number[2].length),
        String(problem.foundCount),
      );
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
