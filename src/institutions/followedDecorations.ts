import * as vscode from 'vscode';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { paperOfRow } from '../papers/papersTree';
import { paperInstitutions } from '../library/paperInstitutions';
import type { FollowedInstitutions } from './followedInstitutions';

/** Marks paper rows from followed institutions with a star, wherever they are listed. */
export class FollowedDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly store: DigestStore,
    private readonly config: Config,
    private readonly followed: FollowedInstitutions,
  ) {
    const refresh = () => this.changed.fire(undefined);
    this.listeners = [store.onDidChange(refresh), followed.onDidChange(refresh), config.onDidChange(refresh)];
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (!this.followed.all.length) return undefined;
    const paper = paperOfRow(uri, this.store)?.paper;
    if (!paper) return undefined;
    const followed = paperInstitutions(paper, this.config.institutionNames).filter((n) => this.followed.has(n.key));
    if (!followed.length) return undefined;
    return new vscode.FileDecoration(
      '★',
      vscode.l10n.t('From an institution you follow: {0}', followed.map((n) => n.name).join(', ')),
      new vscode.ThemeColor('charts.yellow'),
    );
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.changed.dispose();
  }
}
