import * as vscode from 'vscode';
import { paperAtLine } from '../digest';
import { exportStates, parseExportedStates, type LibraryEntry, type PaperState } from '../library';
import { techniqueLabel } from '../common/techniqueLabels';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { resolveTarget, type PaperTarget } from '../store/paperTarget';
import type { LibraryService } from './libraryService';
import type { ReadingStateStore } from './readingStateStore';

/** What a reading command is run on: a paper row, a group row (its papers), or nothing (the paper under the cursor). */
type Subject = PaperTarget | { readonly kind: 'group'; readonly children: readonly PaperTarget[] } | undefined;

const JSON_FILTER = { JSON: ['json'] };

/** Toggle Read / Star, Edit Note, Move to Technique, Mark Group as Read, and export and import of it all. */
export function registerReadingCommands(
  store: DigestStore,
  library: LibraryService,
  states: ReadingStateStore,
  config: Config,
): vscode.Disposable {
  /** The library entries a command acts on; a message when there are none. */
  const entriesOf = async (subject: Subject): Promise<LibraryEntry[]> => {
    const targets = subject && 'kind' in subject && subject.kind === 'group' ? subject.children : [subject];
    const entries: LibraryEntry[] = [];
    for (const target of targets) {
      const entry = await entryOf(target as PaperTarget | undefined);
      if (entry && !entries.includes(entry)) entries.push(entry);
    }
    if (!entries.length)
      void vscode.window.showInformationMessage(
        library.busy
          ? vscode.l10n.t('The library is still indexing; try again when it is done.')
          : vscode.l10n.t('No paper of the library here. Digests are found by the setting digestLens.library.include.'),
      );
    return entries;
  };
  const entryOf = async (target: PaperTarget | undefined): Promise<LibraryEntry | undefined> => {
    // A row of the All digests scope names its entry.
    if (target && 'entryKey' in target && typeof target.entryKey === 'string')
      return library.library.entry(target.entryKey);
    if (target) {
      const found = await resolveTarget(store, target);
      const digest = found && store.digestFor(found.document);
      return digest && library.entryOf(found.document.uri, digest, found.paper);
    }
    const editor = vscode.window.activeTextEditor;
    const digest = editor && store.digestFor(editor.document);
    const paper = digest && paperAtLine(digest, editor.selection.active.line);
    return paper && library.entryOf(editor.document.uri, digest, paper);
  };
  const toggle = (command: string, field: 'read' | 'starred') =>
    vscode.commands.registerCommand(command, async (subject: Subject) => {
      const entries = await entriesOf(subject);
      if (!entries.length) return;
      // Several papers become all set unless all were set already, as a checkbox over a selection does.
      const value = !entries.every((e) => states.of(e)[field]);
      await states.update(entries, { [field]: value });
    });
  const update = (
    command: string,
    ask: (entries: LibraryEntry[], given: unknown) => Thenable<PaperState | undefined>,
  ) =>
    // `given`: the value a keybinding or test passes instead of asking.
    vscode.commands.registerCommand(command, async (subject: Subject, given?: unknown) => {
      const entries = await entriesOf(subject);
      const change = entries.length ? await ask(entries, given) : undefined;
      if (change) await states.update(entries, change);
    });

  return vscode.Disposable.from(
    toggle('digestLens.toggleRead', 'read'),
    toggle('digestLens.toggleStar', 'starred'),
    update('digestLens.markGroupAsRead', async () => ({ read: true })),
    update('digestLens.editNote', async ([entry]) => {
      const note = await vscode.window.showInputBox({
        title: vscode.l10n.t('Note on {0}', entry.title),
        value: states.of(entry).note ?? '',
        prompt: vscode.l10n.t('Kept in this workspace, never in the report. Empty removes the note.'),
      });
      return note === undefined ? undefined : { note: note.trim() };
    }),
    update('digestLens.moveToTechnique', async ([entry], given) => {
      const taxonomy = config.classifier.taxonomy;
      if (typeof given === 'string' && taxonomy.some((t) => t.id === given)) return { technique: given };
      const current = states.of(entry).technique ?? entry.newest.techniques[0];
      const picked = await vscode.window.showQuickPick(
        taxonomy.map((t) => ({
          id: t.id,
          label: techniqueLabel(t.id, taxonomy),
          description: t.id === current ? vscode.l10n.t('current') : undefined,
        })),
        { title: vscode.l10n.t('Move to Technique'), placeHolder: entry.title },
      );
      return picked && { technique: picked.id };
    }),
    update('digestLens.resetTechnique', async () => ({ technique: undefined })),
    vscode.commands.registerCommand('digestLens.exportReadingState', async (target?: vscode.Uri) => {
      const uri =
        target ??
        (await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export Reading State'),
          filters: JSON_FILTER,
          defaultUri: defaultFolder('digest-lens-reading-state.json'),
        }));
      if (!uri) return;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exportStates(states.all)));
    }),
    vscode.commands.registerCommand('digestLens.importReadingState', async (source?: vscode.Uri) => {
      const uri =
        source ??
        (
          await vscode.window.showOpenDialog({
            title: vscode.l10n.t('Import Reading State'),
            filters: JSON_FILTER,
            canSelectMany: false,
          })
        )?.[0];
      if (!uri) return;
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch (error) {
        return void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', uri.fsPath, String(error)));
      }
      const parsed = parseExportedStates(text);
      // A bad file changes nothing: the reader's state is only ever added to.
      if ('error' in parsed)
        return void vscode.window.showErrorMessage(
          vscode.l10n.t(
            '{0} is not a Digest Lens reading-state file; nothing was imported. {1}',
            uri.fsPath,
            parsed.error,
          ),
        );
      await states.merge(parsed.states);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Imported the reading state of {0} papers.', Object.keys(parsed.states).length),
      );
    }),
  );
}

function defaultFolder(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, name);
}
