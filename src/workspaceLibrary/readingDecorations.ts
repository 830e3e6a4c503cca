import * as vscode from 'vscode';
import type { LibraryEntry } from '../library';
import { LIBRARY_ROW_SCHEME } from '../papers/libraryTree';
import { paperOfRow } from '../papers/papersTree';
import type { DigestStore } from '../store/digestStore';
import type { LibraryService } from './libraryService';
import type { ReadingStateStore } from './readingStateStore';

/** Marks paper rows with the reader's state: starred ★, a note ✎, read papers dimmed, new ones N. */
export class ReadingDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly store: DigestStore,
    private readonly library: LibraryService,
    private readonly states: ReadingStateStore,
  ) {
    const refresh = () => this.changed.fire(undefined);
    this.listeners = [states.onDidChange(refresh), library.onDidChange(refresh)];
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const entry = this.entryOfRow(uri);
    if (!entry) return undefined;
    const state = this.states.of(entry);
    const isNew = this.library.library.isNew(entry) && this.library.library.counts.digests > 1;
    const badge = [state.starred ? '★' : '', state.note ? '✎' : '', isNew && !state.read ? 'N' : '']
      .join('')
      .slice(0, 2);
    const tooltip = [
      state.starred ? vscode.l10n.t('Starred') : '',
      state.read ? vscode.l10n.t('Read') : '',
      isNew ? vscode.l10n.t('New in the newest digest') : '',
      state.note ? vscode.l10n.t('Note: {0}', state.note) : '',
    ].filter(Boolean);
    if (!badge && !state.read) return undefined;
    return new vscode.FileDecoration(
      badge || undefined,
      tooltip.join('\n'),
      state.read ? new vscode.ThemeColor('list.deemphasizedForeground') : undefined,
    );
  }

  /** The entry of a row: a library row names it by key, a digest row by its paper in an open document. */
  private entryOfRow(uri: vscode.Uri): LibraryEntry | undefined {
    if (uri.scheme === LIBRARY_ROW_SCHEME) return this.library.library.entry(uri.query);
    const row = paperOfRow(uri, this.store);
    return row && this.library.entryOf(row.document.uri, row.digest, row.paper);
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.changed.dispose();
  }
}
