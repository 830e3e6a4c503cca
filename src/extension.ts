import * as vscode from 'vscode';
import { registerCodeLens } from './language/codeLens';
import { registerDiagnostics } from './language/diagnostics';
import { registerHover } from './language/hover';
import { registerQuickFix } from './language/quickFix';
import { registerSymbols } from './language/symbols';
import { registerPaperCommands } from './papers/paperCommands';
import { registerPapersView } from './papers/papersView';
import { registerStatusBar } from './papers/statusBar';
import { Config } from './store/config';
import { DigestStore } from './store/digestStore';
import { registerPreview } from './preview/markdownPreview';
import { registerExport } from './workspaceLibrary/exportCommand';
import { LibraryHoverSection } from './workspaceLibrary/libraryHover';
import type { LibraryService } from './workspaceLibrary/libraryService';
import { ReadingStateStore } from './workspaceLibrary/readingStateStore';
import { previewReadingState } from './workspaceLibrary/previewReadingState';
import { registerLibrary } from './workspaceLibrary/registerLibrary';
import { registerFollowing } from './institutions/following';
import { FollowedInstitutions } from './institutions/followedInstitutions';
import { registerTrends, type TrendsApi } from './trends/registerTrends';

/** What activate returns: the services, for integration tests and measurements. */
export interface DigestLensApi {
  readonly store: DigestStore;
  readonly papers: ReturnType<typeof registerPapersView>['provider'];
  readonly statusBar: vscode.StatusBarItem;
  readonly papersView: ReturnType<typeof registerPapersView>;
  readonly codeLens: ReturnType<typeof registerCodeLens>['provider'];
  readonly hover: ReturnType<typeof registerHover>['provider'];
  /** VS Code's Markdown preview calls this with its markdown-it engine. */
  readonly extendMarkdownIt: ReturnType<typeof registerPreview>['extendMarkdownIt'];
  readonly library: LibraryService;
  readonly readingState: ReadingStateStore;
  readonly lineMarker: ReturnType<typeof registerPaperCommands>['marker'];
  readonly followed: FollowedInstitutions;
  readonly followedDecorations: ReturnType<typeof registerFollowing>['provider'];
  readonly trends: TrendsApi;
  /** performance.now() when activate started. */
  readonly activatedAt: number;
}

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** The composition root: builds the services, registers each feature and hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): DigestLensApi {
  const activatedAt = performance.now();
  const config = new Config();
  const store = new DigestStore(config);
  const statusBar = registerStatusBar(store);
  const readingState = new ReadingStateStore(context.workspaceState);
  const library = registerLibrary(context, store, config, readingState);
  const followed = new FollowedInstitutions(context.globalState);
  const papersView = registerPapersView(context, store, config, library.provider, readingState, followed);
  const following = registerFollowing(store, config, followed);
  const trends = registerTrends(context, store, config, library.provider);
  const codeLens = registerCodeLens(MARKDOWN, store, config);
  const preview = registerPreview(config, store, previewReadingState(library.provider, readingState));
  const hover = registerHover(MARKDOWN, store, config, new LibraryHoverSection(library.provider, readingState, config));
  const paperCommands = registerPaperCommands(store, context.extensionUri);
  context.subscriptions.push(
    config,
    store,
    statusBar,
    papersView,
    codeLens,
    hover,
    readingState,
    library,
    registerSymbols(MARKDOWN, store, config),
    registerDiagnostics(store, config, context.extensionUri),
    registerQuickFix(MARKDOWN, store),
    paperCommands,
    preview,
    registerExport(store, library.provider, papersView.scoped, readingState),
    followed,
    following,
    trends,
  );
  return {
    store,
    papers: papersView.provider,
    statusBar: statusBar.item,
    papersView,
    codeLens: codeLens.provider,
    hover: hover.provider,
    extendMarkdownIt: preview.extendMarkdownIt,
    library: library.provider,
    readingState,
    lineMarker: paperCommands.marker,
    followed,
    followedDecorations: following.provider,
    trends,
    activatedAt,
  };
}

export function deactivate(): void {}
