import * as vscode from 'vscode';
import type { LibraryEntry, PaperAppearance } from '../library';
import { techniqueLabel } from '../common/techniqueLabels';
import type { Config } from '../store/config';
import type { LibraryService } from './libraryService';
import type { ReadingStateStore } from './readingStateStore';

/** Items shown before the user types: the newest digest's papers first. */
const RECENT_LIMIT = 100;

interface PaperItem extends vscode.QuickPickItem {
  readonly entry: LibraryEntry;
}

/** Report text in a quick pick: `$(name)` would render as an icon, so it is escaped. */
export function plainLabel(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/** The line of an appearance, shown in an editor: in the preview tab while browsing, for good on accept. */
export async function showAppearance(
  appearance: Pick<PaperAppearance, 'report' | 'line'>,
  options: vscode.TextDocumentShowOptions,
): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(appearance.report));
  const line = Math.min(appearance.line, document.lineCount - 1);
  const range = document.lineAt(line).range;
  const editor = await vscode.window.showTextDocument(document, { ...options, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}

/**
 * Digest Lens: Go to Paper…: the library ranked as the user types (title, institution,
 * technique, brief). Moving through the list previews the paper without leaving the list;
 * the item button, or Ctrl+Enter, opens it to the side.
 */
export function registerGoToPaper(
  library: LibraryService,
  states: ReadingStateStore,
  config: Config,
): vscode.Disposable {
  const openToSide: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('split-horizontal'),
    tooltip: vscode.l10n.t('Open to the Side'),
  };
  const item = (entry: LibraryEntry): PaperItem => {
    const paper = entry.newest;
    const state = states.of(entry);
    const technique = state.technique ?? paper.techniques[0] ?? 'other';
    const marks = [
      state.starred ? '$(star-full)' : '',
      library.library.isNew(entry) ? vscode.l10n.t('new') : '',
      entry.appearances.length > 1 ? `×${entry.appearances.length}` : '',
    ];
    return {
      entry,
      label: plainLabel(entry.title),
      description: plainLabel(
        [techniqueLabel(technique, config.classifier.taxonomy), paper.institutions[0] ?? '']
          .filter(Boolean)
          .join(' · '),
      ),
      detail: [
        ...marks,
        plainLabel(entry.newest.date || vscode.workspace.asRelativePath(vscode.Uri.parse(entry.newest.report))),
        `#${entry.newest.index}`,
      ]
        .filter(Boolean)
        .join(' '),
      // The library ranks; the quick pick must not hide what does not match its label.
      alwaysShow: true,
      buttons: [openToSide],
    };
  };
  const recent = (): PaperItem[] => {
    const entries = [...library.library.entries()].sort(
      (a, b) => b.newest.date.localeCompare(a.newest.date) || a.newest.position - b.newest.position,
    );
    return entries.slice(0, RECENT_LIMIT).map(item);
  };

  return vscode.commands.registerCommand('digestLens.goToPaper', (initialQuery?: string) => {
    const pick = vscode.window.createQuickPick<PaperItem>();
    pick.title = vscode.l10n.t('Go to Paper');
    pick.placeholder = vscode.l10n.t('Title, institution, technique or brief (English or 中文)');
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    const update = () => {
      const query = pick.value.trim();
      pick.items = query
        ? library.library.search(query, { limit: RECENT_LIMIT }).map((hit) => item(hit.entry))
        : recent();
    };
    pick.onDidChangeValue(update);
    pick.onDidChangeActive(([active]) => {
      if (active) void showAppearance(active.entry.newest, { preview: true, preserveFocus: true });
    });
    pick.onDidTriggerItemButton(({ item: chosen }) => {
      pick.hide();
      void showAppearance(chosen.entry.newest, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    });
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      pick.hide();
      if (chosen) void showAppearance(chosen.entry.newest, { preview: false });
    });
    pick.onDidHide(() => pick.dispose());
    pick.value = typeof initialQuery === 'string' ? initialQuery : '';
    if (library.busy) pick.busy = true;
    void library.ready.then(() => {
      pick.busy = false;
      update();
    });
    update();
    pick.show();
  });
}
