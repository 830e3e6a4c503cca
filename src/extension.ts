import * as vscode from 'vscode';
import { registerPaperCommands } from './papers/paperCommands';
import { DigestCodeLensProvider } from './language/codeLens';
import { Config } from './store/config';
import { DigestQuickFixProvider, registerDiagnostics } from './language/diagnostics';
import { DigestStore } from './store/digestStore';
import { DigestHoverProvider } from './language/hover';
import { registerPapersView } from './papers/papersView';
import type { PapersTreeProvider } from './papers/papersTree';
import { registerStatusBar } from './papers/statusBar';
import { registerSymbols } from './language/symbols';

/** What activate returns: the services, for integration tests and measurements. */
export interface DigestLensApi {
  readonly store: DigestStore;
  readonly papers: PapersTreeProvider;
  readonly statusBar: vscode.StatusBarItem;
  readonly papersView: ReturnType<typeof registerPapersView>;
  readonly codeLens: DigestCodeLensProvider;
  readonly hover: DigestHoverProvider;
  /** performance.now() when activate started. */
  readonly activatedAt: number;
}

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** The composition root: builds the services and hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): DigestLensApi {
  const activatedAt = performance.now();
  const config = new Config();
  const store = new DigestStore(config);
  const statusBar = registerStatusBar(store);
  const papersView = registerPapersView(context, store, config);
  const codeLens = new DigestCodeLensProvider(store, config);
  const hover = new DigestHoverProvider(store, config);
  context.subscriptions.push(
    config,
    store,
    statusBar,
    papersView,
    codeLens,
    vscode.languages.registerCodeLensProvider(MARKDOWN, codeLens),
    vscode.languages.registerHoverProvider(MARKDOWN, hover),
    registerSymbols(MARKDOWN, store, config),
    registerDiagnostics(store, config, context.extensionUri),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new DigestQuickFixProvider(store), {
      providedCodeActionKinds: DigestQuickFixProvider.kinds,
    }),
    ...registerPaperCommands(store, context.extensionUri),
  );
  return { store, papers: papersView.provider, statusBar: statusBar.item, papersView, codeLens, hover, activatedAt };
}

export function deactivate(): void {}
