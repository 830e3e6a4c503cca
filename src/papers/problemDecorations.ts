import * as vscode from 'vscode';
import { problemsOf } from '../digest';
import { problemMessage } from '../language/problemMessages';
import type { DigestStore } from '../store/digestStore';
import { paperOfRow } from './papersTree';

/** Marks paper rows whose paper has problems (placeholder brief, missing abstract, …). */
export class PaperProblemDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly store: DigestStore) {
    this.listener = store.onDidChange(() => this.changed.fire(undefined));
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const row = paperOfRow(uri, this.store);
    if (!row) return undefined;
    const { digest, paper } = row;
    const problems = problemsOf(digest, paper).filter((p) => p.severity !== 'info');
    if (!problems.length) return undefined;
    return new vscode.FileDecoration(
      '!',
      problems.map((p) => problemMessage(p, digest)).join('\n'),
      new vscode.ThemeColor('list.warningForeground'),
    );
  }
}
