import * as vscode from 'vscode';
import type { FollowedInstitutions } from '../institutions/followedInstitutions';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { paperAtLine, paperKey, type Digest, type DigestPaper } from '../digest';
import { resolveTarget, targetOf, type PaperTarget } from '../store/paperTarget';
import type { LibraryGroupBy } from '../library';
import type { LibraryService } from '../workspaceLibrary/libraryService';
import type { ReadingStateStore } from '../workspaceLibrary/readingStateStore';
import { LibraryTreeProvider, type LibraryViewState } from './libraryTree';
import { PaperProblemDecorations } from './problemDecorations';
import { registerRaiseSizeLimit, tooLargeMessage } from './sizeLimit';
import { PapersTreeProvider, type PaperNode, type ViewState } from './papersTree';
import { ScopedPapersProvider, type PapersScope } from './scopedTree';

export const PAPERS_VIEW_ID = 'digestLens.papers';
const STATE_KEY = 'digestLens.papersView';

/** What the view remembers per workspace. */
interface RememberedState extends Partial<ViewState>, Partial<Omit<LibraryViewState, 'filter'>> {
  scope?: PapersScope;
}

interface PapersView extends vscode.Disposable {
  readonly provider: PapersTreeProvider;
  /** The All digests scope's tree. */
  readonly libraryTree: LibraryTreeProvider;
  readonly scoped: ScopedPapersProvider;
  readonly decorations: vscode.FileDecorationProvider;
  readonly treeView: vscode.TreeView<PaperNode | import('./papersTree').GroupNode>;
  /** The scope, grouping, sorting and reading filters stored for this workspace. */
  remembered(): RememberedState;
  /** Reveals and selects the paper under the editor's cursor; resolves to it. */
  revealPaperAt(editor: vscode.TextEditor, focus: boolean): Promise<PaperNode | undefined>;
}

/** The Papers view: its tree, its title actions, follow-cursor and problem decorations. */
export function registerPapersView(
  context: vscode.ExtensionContext,
  store: DigestStore,
  config: Config,
  library: LibraryService,
  states: ReadingStateStore,
  followed: FollowedInstitutions,
): PapersView {
  const saved = context.workspaceState.get<RememberedState>(STATE_KEY, {});
  const state: ViewState = { groupBy: saved.groupBy ?? 'technique', sortBy: saved.sortBy ?? 'document', filter: '' };
  const libraryState: LibraryViewState = {
    libraryGroupBy: saved.libraryGroupBy ?? 'technique',
    filter: '',
    unreadOnly: saved.unreadOnly ?? false,
    newOnly: saved.newOnly ?? false,
  };
  const provider = new PapersTreeProvider(store, config, state, followed);
  const libraryTree = new LibraryTreeProvider(library, states, config, libraryState);
  const scoped = new ScopedPapersProvider(provider, libraryTree, saved.scope ?? 'digest');
  const treeView = vscode.window.createTreeView(PAPERS_VIEW_ID, { treeDataProvider: scoped, showCollapseAll: true });
  const subscriptions: vscode.Disposable[] = [provider, libraryTree, scoped, treeView];
  const readingFilters = readingFilter(library, states, libraryState);
  provider.hidePaper = readingFilters;
  provider.techniqueOf = (uri, digest, paper) => {
    const entry = library.entryOf(uri, digest, paper);
    return entry && states.of(entry).technique;
  };

  const describe = () => {
    void vscode.commands.executeCommand('setContext', 'digestLens.papersScope', scoped.scope);
    if (scoped.scope === 'library') return describeLibrary();
    const digest = provider.digest;
    treeView.description = digest
      ? [digest.title, digest.generatedAt.split(' ')[0]].filter(Boolean).join(' · ')
      : undefined;
    const total = digest?.papers.length ?? 0;
    const lookup = provider.activeDocument && store.lookup(provider.activeDocument);
    const tooLarge = lookup?.status === 'tooLarge';
    treeView.message = tooLarge
      ? tooLargeMessage(lookup)
      : state.filter
        ? vscode.l10n.t(
            'Filter “{0}”: {1} of {2} papers. Clear it with the Clear Filter action.',
            state.filter,
            countShown(provider),
            total,
          )
        : undefined;
    // Fire and forget: context keys only show or hide menu items and welcome content; nothing waits for them.
    void vscode.commands.executeCommand('setContext', 'digestLens.filterActive', Boolean(state.filter));
    // The view's welcome then offers to raise the limit, instead of inviting the user to open a digest.
    void vscode.commands.executeCommand('setContext', 'digestLens.tooLarge', tooLarge);
    const followedCount = provider.followedCount;
    treeView.badge = followedCount
      ? { value: followedCount, tooltip: vscode.l10n.t('{0} papers from the institutions you follow', followedCount) }
      : undefined;
  };
  const describeLibrary = () => {
    const { digests, distinctPapers } = library.library.counts;
    treeView.description = vscode.l10n.t('All digests · {0} papers in {1} digests', distinctPapers, digests);
    const filters = [
      state.filter ? vscode.l10n.t('“{0}”', state.filter) : '',
      libraryState.unreadOnly ? vscode.l10n.t('unread only') : '',
      libraryState.newOnly ? vscode.l10n.t('new since last digest') : '',
    ].filter(Boolean);
    treeView.message = filters.length
      ? vscode.l10n.t('Filter {0}: {1} of {2} papers.', filters.join(', '), libraryTree.shownCount, distinctPapers)
      : undefined;
    void vscode.commands.executeCommand('setContext', 'digestLens.filterActive', Boolean(state.filter));
  };
  const update = () => {
    libraryState.filter = state.filter;
    provider.refresh();
    libraryTree.refresh();
    describe();
  };
  const onEditor = (editor: vscode.TextEditor | undefined) => {
    const isDigest = Boolean(editor && store.isDigest(editor.document));
    // Fire and forget, as above.
    void vscode.commands.executeCommand('setContext', 'digestLens.activeEditorIsDigest', isDigest);
    if (editor && provider.showDocument(editor.document)) describe();
  };
  const remember = () =>
    context.workspaceState.update(STATE_KEY, {
      groupBy: state.groupBy,
      sortBy: state.sortBy,
      scope: scoped.scope,
      libraryGroupBy: libraryState.libraryGroupBy,
      unreadOnly: libraryState.unreadOnly,
      newOnly: libraryState.newOnly,
    } satisfies RememberedState);

  async function revealPaperAt(editor: vscode.TextEditor, focus: boolean): Promise<PaperNode | undefined> {
    provider.showDocument(editor.document);
    if (scoped.scope !== 'digest') return undefined;
    const digest = store.digestFor(editor.document);
    const paper = digest && paperAtLine(digest, editor.selection.active.line);
    if (!digest || !paper || editor.document !== provider.activeDocument) return undefined;
    const [node] = provider.nodesOf(targetOf(editor.document.uri, digest, paper));
    if (node) await treeView.reveal(node, { select: true, focus, expand: true });
    return node;
  }

  /** A view-title choice: picked from a quick pick, or given by a test or keybinding. */
  const registerChoice = <K extends 'groupBy' | 'sortBy'>(
    command: string,
    key: K,
    title: string,
    options: [ViewState[K], string][],
  ) =>
    vscode.commands.registerCommand(command, async (choice?: ViewState[K]) => {
      const picked = choice ?? (await pick(title, state[key], options));
      if (!picked) return;
      state[key] = picked;
      await remember();
      update();
    });

  /** A view-title action that changes the view's state: remembered, then shown. */
  const viewCommand = (command: string, change: () => unknown) =>
    vscode.commands.registerCommand(command, async () => {
      change();
      await remember();
      update();
    });

  let followTimer: NodeJS.Timeout | undefined;
  const decorations = new PaperProblemDecorations(store);
  subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(onEditor),
    store.onDidChange((uri) => {
      if (!uri) update();
      else if (uri.toString() === provider.activeDocument?.uri.toString()) {
        // A hidden view keeps no rows worth keeping: it regroups when it is shown again.
        if (treeView.visible) provider.digestChanged();
        else provider.refresh();
        describe();
      }
      onEditor(vscode.window.activeTextEditor);
    }),
    config.onDidChange(
      (names) =>
        (names.has('secondaryTechniques') || names.has('titleCase') || names.has('institutionAliases')) && update(),
    ),
    followed.onDidChange(update),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (!config.settings.followCursor || !treeView.visible || event.textEditor.document !== provider.activeDocument)
        return;
      clearTimeout(followTimer);
      // Fire and forget: following the cursor is best effort, and the next move reveals again.
      followTimer = setTimeout(() => void revealPaperAt(event.textEditor, false), 50);
    }),
    { dispose: () => clearTimeout(followTimer) },
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    registerRaiseSizeLimit(),
    vscode.commands.registerCommand('digestLens.revealPaper', async (target?: PaperTarget) => {
      const found = target && (await resolveTarget(store, target));
      if (!found) return;
      provider.showDocument(found.document);
      describe();
      const [node] = provider.nodesOf(target);
      if (node) await treeView.reveal(node, { select: true, focus: true, expand: true });
    }),
    vscode.commands.registerCommand('digestLens.revealInPapers', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !(await revealPaperAt(editor, false)))
        // Fire and forget: the command is done once the message shows.
        void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a paper of a digest.'));
    }),
    vscode.commands.registerCommand('digestLens.groupBy', async (choice?: string) => {
      const title = vscode.l10n.t('Group papers by');
      if (scoped.scope === 'library') {
        const picked =
          (choice as LibraryGroupBy | undefined) ??
          (await pick<LibraryGroupBy>(title, libraryState.libraryGroupBy, [
            ['technique', vscode.l10n.t('Technique')],
            ['institution', vscode.l10n.t('Institution')],
            ['report', vscode.l10n.t('Report (date)')],
            ['none', vscode.l10n.t('None (newest first)')],
          ]));
        if (picked) libraryState.libraryGroupBy = picked;
      } else {
        const picked =
          (choice as ViewState['groupBy'] | undefined) ??
          (await pick<ViewState['groupBy']>(title, state.groupBy, [
            ['technique', vscode.l10n.t('Technique')],
            ['institution', vscode.l10n.t('Institution')],
            ['none', vscode.l10n.t('None (document order)')],
          ]));
        if (picked) state.groupBy = picked;
      }
      await remember();
      update();
    }),
    viewCommand('digestLens.showAllDigests', () => (scoped.scope = 'library')),
    viewCommand('digestLens.showThisDigest', () => (scoped.scope = 'digest')),
    viewCommand('digestLens.toggleUnreadOnly', () => (libraryState.unreadOnly = !libraryState.unreadOnly)),
    viewCommand('digestLens.toggleNewOnly', () => (libraryState.newOnly = !libraryState.newOnly)),
    library.onDidChange(() => {
      if (scoped.scope === 'library') describe();
      else if (libraryState.unreadOnly || libraryState.newOnly) update();
    }),
    // A moved technique regroups the paper; a read mark matters only to Unread only.
    states.onDidChange(update),
    registerChoice('digestLens.sortBy', 'sortBy', vscode.l10n.t('Sort papers by'), [
      ['document', vscode.l10n.t('Document order')],
      ['title', vscode.l10n.t('Title')],
      ['strongest', vscode.l10n.t('Strongest result')],
    ]),
    vscode.commands.registerCommand('digestLens.filter', async (text?: string) => {
      if (typeof text === 'string') {
        state.filter = text;
        return update();
      }
      await filterInput(state, update);
    }),
    vscode.commands.registerCommand('digestLens.clearFilter', () => {
      state.filter = '';
      update();
    }),
  );
  onEditor(vscode.window.activeTextEditor);
  describe();
  return {
    provider,
    libraryTree,
    scoped,
    treeView,
    decorations,
    revealPaperAt,
    remembered: () => context.workspaceState.get<RememberedState>(STATE_KEY, {}),
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
}

function countShown(provider: PapersTreeProvider): number {
  const keys = new Set<string>();
  for (const node of provider.getChildren()) {
    for (const paper of node.kind === 'group' ? node.children : [node]) if (!paper.secondary) keys.add(paperKey(paper));
  }
  return keys.size;
}

async function pick<T extends string>(title: string, current: T, options: [T, string][]): Promise<T | undefined> {
  const items = options.map(([value, label]) => ({
    value,
    label,
    description: value === current ? vscode.l10n.t('current') : undefined,
  }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: title }))?.value;
}

/** A live filter: the tree narrows as the user types; Escape restores the previous filter. */
function filterInput(state: ViewState, update: () => void): Promise<void> {
  const previous = state.filter;
  const input = vscode.window.createInputBox();
  input.title = vscode.l10n.t('Filter papers');
  input.placeholder = vscode.l10n.t('Title, institution, technique or brief text (English or 中文)');
  input.value = previous;
  return new Promise((resolve) => {
    let accepted = false;
    input.onDidChangeValue((value) => {
      state.filter = value;
      update();
    });
    input.onDidAccept(() => {
      accepted = true;
      input.hide();
    });
    input.onDidHide(() => {
      if (!accepted) {
        state.filter = previous;
        update();
      }
      input.dispose();
      resolve();
    });
    input.show();
  });
}

/** Whether the reader's filters hide a paper of a digest: read ones under Unread only, older ones under New since last digest. */
function readingFilter(library: LibraryService, states: ReadingStateStore, filters: LibraryViewState) {
  return (uri: vscode.Uri, digest: Digest, paper: DigestPaper): boolean => {
    if (!filters.unreadOnly && !filters.newOnly) return false;
    const entry = library.entryOf(uri, digest, paper);
    if (!entry) return false;
    return (filters.unreadOnly && Boolean(states.of(entry).read)) || (filters.newOnly && !library.library.isNew(entry));
  };
}
