import * as vscode from 'vscode';
import { providerRegistration } from '../common/providerRegistration';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { registerGoToPaper, showAppearance } from './goToPaper';
import { OPEN_APPEARANCE_COMMAND } from './libraryHover';
import { LibraryService } from './libraryService';
import { ReadingDecorations } from './readingDecorations';
import { registerReadingCommands } from './readingCommands';
import type { ReadingStateStore } from './readingStateStore';
import { PaperWorkspaceSymbols } from './workspaceSymbols';

/** The library in the editor: its service, Go to Paper, workspace symbols, reading state and their commands. */
export function registerLibrary(
  context: vscode.ExtensionContext,
  store: DigestStore,
  config: Config,
  states: ReadingStateStore,
): vscode.Disposable & { readonly provider: LibraryService } {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Digest Lens Library'), { log: true });
  const library = new LibraryService(store, config, context.storageUri, log);
  const decorations = new ReadingDecorations(store, library, states);
  return providerRegistration(
    library,
    library,
    log,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.languages.registerWorkspaceSymbolProvider(new PaperWorkspaceSymbols(library)),
    registerGoToPaper(library, states, config),
    registerReadingCommands(store, library, states, config),
    vscode.commands.registerCommand(OPEN_APPEARANCE_COMMAND, (appearance?: { report: string; line: number }) =>
      appearance ? showAppearance(appearance, { preview: false }) : undefined,
    ),
    vscode.commands.registerCommand('digestLens.reindexLibrary', () => library.rescan()),
    vscode.commands.registerCommand('digestLens.cancelIndexing', () => library.cancel()),
  );
}
