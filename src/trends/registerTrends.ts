import * as vscode from 'vscode';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { trendPapersOf } from '../library/trendPapers';
import { trendPapersOfLibrary } from '../library/trendPapersOfLibrary';
import type { LibraryService } from '../workspaceLibrary/libraryService';
import { openDigests } from './openDigests';
import { TRENDS_VIEW_TYPE, TrendsPanel, type TrendSource } from './trendsPanel';

/** Source changes within this window are merged: opening ten reports redraws once. */
const CHANGE_WINDOW_MS = 200;

export interface TrendsApi extends vscode.Disposable {
  /** Shows the panel (over the library, else the open digests; or over `source`, for tests and benches). */
  show(source?: TrendSource): TrendsPanel;
  readonly current: TrendsPanel | undefined;
}

/** Digest Lens: Show Trends, and the serializer that restores the panel after a reload. */
export function registerTrends(
  context: vscode.ExtensionContext,
  store: DigestStore,
  config: Config,
  library: LibraryService,
): TrendsApi {
  const source = workspaceSource(store, config, library);
  let current: TrendsPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel, from: TrendSource) => {
    current?.dispose();
    const trends = new TrendsPanel(panel, context.extensionUri, from, config);
    current = trends;
    trends.onDidDispose(() => {
      if (current === trends) current = undefined;
    });
    return trends;
  };
  const show = (from: TrendSource = source) => {
    if (current && from === source && current.source === source) {
      current.panel.reveal();
      return current;
    }
    const panel = vscode.window.createWebviewPanel(
      TRENDS_VIEW_TYPE,
      vscode.l10n.t('Trends'),
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        retainContextWhenHidden: false,
      },
    );
    return adopt(panel, from);
  };
  const subscriptions: vscode.Disposable[] = [
    source,
    vscode.commands.registerCommand('digestLens.showTrends', () => void show()),
    vscode.window.registerWebviewPanelSerializer(TRENDS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => void adopt(panel, source),
    }),
  ];
  return {
    show,
    get current() {
      return current;
    },
    dispose: () => {
      current?.dispose();
      subscriptions.forEach((s) => s.dispose());
    },
  };
}

/**
 * The papers of the library when it holds digests, else those of the digests open in tabs;
 * read again when the library changes, or, without a library, when a tab opens or closes or
 * a digest changes.
 */
function workspaceSource(store: DigestStore, config: Config, library: LibraryService): TrendSource & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(() => changed.fire(), CHANGE_WINDOW_MS);
  };
  const hasLibrary = () => library.library.counts.digests > 0;
  // With a library, tabs change nothing the panel shows: no need to aggregate its papers again.
  const fireWithoutLibrary = () => hasLibrary() || fire();
  const listeners = [
    library.onDidChange(fire),
    store.onDidChange(fireWithoutLibrary),
    vscode.window.tabGroups.onDidChangeTabs(fireWithoutLibrary),
  ];
  return {
    papers: async () =>
      hasLibrary()
        ? trendPapersOfLibrary(library.library, config.institutionNames)
        : (await openDigests(store)).flatMap(({ uri, digest }) => trendPapersOf(digest, uri, config.institutionNames)),
    onDidChange: changed.event,
    dispose: () => {
      clearTimeout(timer);
      listeners.forEach((l) => l.dispose());
      changed.dispose();
    },
  };
}
