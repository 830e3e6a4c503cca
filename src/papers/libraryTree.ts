import * as vscode from 'vscode';
import { arrangeEntries, type LibraryEntry, type LibraryGroupBy } from '../library';
import { CUSTOM_TECHNIQUE_ICON, INSTITUTION_ICON, TECHNIQUE_ICONS } from '../common/codicons';
import { literal, trustedMarkdown } from '../common/markdownString';
import { techniqueLabel } from '../common/techniqueLabels';
import type { Config } from '../store/config';
import { appearanceName } from '../workspaceLibrary/libraryHover';
import type { LibraryService } from '../workspaceLibrary/libraryService';
import type { ReadingStateStore } from '../workspaceLibrary/readingStateStore';
import type { GroupNode, PaperNode } from './papersTree';

/** The URI scheme of library rows: a decoration provider marks them with the reader's state. */
export const LIBRARY_ROW_SCHEME = 'digest-lens-entry';

/** A library row: the entry's newest appearance as a paper target, so every paper command works on it. */
export interface LibraryPaperNode extends PaperNode {
  readonly entryKey: string;
}

export interface LibraryViewState {
  libraryGroupBy: LibraryGroupBy;
  filter: string;
  unreadOnly: boolean;
  newOnly: boolean;
}

/** The Papers view's *All digests* scope: one row per library entry, grouped, marked ×N when it recurs. */
export class LibraryTreeProvider implements vscode.TreeDataProvider<GroupNode | PaperNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: (GroupNode | PaperNode)[] | undefined;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly library: LibraryService,
    private readonly states: ReadingStateStore,
    private readonly config: Config,
    readonly state: LibraryViewState,
  ) {
    this.listeners = [library.onDidChange(() => this.refresh()), states.onDidChange(() => this.refresh())];
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** Papers shown, counted once each. */
  get shownCount(): number {
    const keys = new Set<string>();
    for (const node of this.getChildren())
      for (const paper of node.kind === 'group' ? node.children : [node])
        keys.add((paper as LibraryPaperNode).entryKey);
    return keys.size;
  }

  getChildren(node?: GroupNode | PaperNode): (GroupNode | PaperNode)[] {
    if (node) return node.kind === 'group' ? node.children : [];
    this.roots ??= this.build();
    return this.roots;
  }

  getParent(node: GroupNode | PaperNode): GroupNode | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  getTreeItem(node: GroupNode | PaperNode): vscode.TreeItem {
    return node.kind === 'group' ? this.groupItem(node) : this.paperItem(node as LibraryPaperNode);
  }

  resolveTreeItem(item: vscode.TreeItem, node: GroupNode | PaperNode): vscode.TreeItem {
    const entry = node.kind === 'paper' && this.library.library.entry((node as LibraryPaperNode).entryKey);
    if (entry) item.tooltip = this.tooltip(entry);
    return item;
  }

  /** The reader's technique for an entry, else the one read from its newest appearance. */
  techniqueOf(entry: LibraryEntry): string {
    return this.states.of(entry).technique ?? entry.newest.techniques[0] ?? 'other';
  }

  private build(): (GroupNode | PaperNode)[] {
    const library = this.library.library;
    const { filter, unreadOnly, newOnly, libraryGroupBy } = this.state;
    const matching = filter.trim() ? new Set(library.search(filter, { limit: 100000 }).map((h) => h.entry)) : undefined;
    const groups = arrangeEntries(library, {
      groupBy: libraryGroupBy,
      techniqueOf: (e) => this.techniqueOf(e),
      keep: (e) =>
        (!matching || matching.has(e)) && (!unreadOnly || !this.states.of(e).read) && (!newOnly || library.isNew(e)),
    });
    const nodes = groups.map((group) => {
      const node: GroupNode = {
        kind: 'group',
        id: `library:group:${libraryGroupBy}:${group.key}`,
        key: group.key,
        children: [],
        primaryCount: group.entries.length,
        followed: false,
      };
      const parent = libraryGroupBy === 'none' ? undefined : node;
      for (const entry of group.entries) node.children.push(this.paperNode(entry, node.id, parent));
      return node;
    });
    return libraryGroupBy === 'none' ? nodes.flatMap((g) => g.children) : nodes;
  }

  private paperNode(entry: LibraryEntry, groupId: string, parent: GroupNode | undefined): LibraryPaperNode {
    const { newest } = entry;
    const papers = this.library.library.digest(newest.report)?.papers ?? [];
    // The nth paper numbered alike in its digest: what a paper target names it by.
    const occurrence = papers.filter((p) => p.index === newest.index && p.position < newest.position).length;
    return {
      kind: 'paper',
      id: `${groupId}/entry:${entry.key}`,
      uri: newest.report,
      index: newest.index,
      occurrence,
      secondary: false,
      parent,
      entryKey: entry.key,
    };
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const taxonomy = this.config.classifier.taxonomy;
    const by = this.state.libraryGroupBy;
    const name =
      by === 'technique'
        ? techniqueLabel(node.key, taxonomy)
        : by === 'report'
          ? this.reportName(node.key)
          : node.key || vscode.l10n.t('Unknown institution');
    const item = new vscode.TreeItem(`${name} (${node.primaryCount})`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.tooltip = vscode.l10n.t('{0} papers', node.primaryCount);
    item.iconPath = new vscode.ThemeIcon(
      by === 'technique'
        ? (TECHNIQUE_ICONS[node.key] ?? CUSTOM_TECHNIQUE_ICON)
        : by === 'report'
          ? 'calendar'
          : INSTITUTION_ICON,
    );
    item.contextValue = 'group';
    return item;
  }

  private reportName(report: string): string {
    const digest = this.library.library.digest(report);
    const file = vscode.workspace.asRelativePath(vscode.Uri.parse(report));
    return digest?.date ? `${digest.date} · ${file}` : file;
  }

  private paperItem(node: LibraryPaperNode): vscode.TreeItem {
    const entry = this.library.library.entry(node.entryKey);
    if (!entry) return new vscode.TreeItem(String(node.index));
    const item = new vscode.TreeItem(entry.title, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const count = entry.appearances.length;
    item.description = [
      count > 1 ? `×${count}` : '',
      entry.newest.institutions[0] ?? '',
      this.state.libraryGroupBy === 'report' ? '' : appearanceName(entry.newest),
    ]
      .filter(Boolean)
      .join(' · ');
    item.resourceUri = vscode.Uri.from({ scheme: LIBRARY_ROW_SCHEME, path: '/entry', query: entry.key });
    item.iconPath = new vscode.ThemeIcon('file-text');
    item.contextValue = 'paper library';
    item.command = { command: 'digestLens.openBrief', title: vscode.l10n.t('Go to Brief'), arguments: [node] };
    item.accessibilityInformation = { label: `${entry.title}${item.description ? `, ${item.description}` : ''}` };
    return item;
  }

  private tooltip(entry: LibraryEntry): vscode.MarkdownString {
    const taxonomy = this.config.classifier.taxonomy;
    const paper = entry.newest;
    const md = trustedMarkdown();
    md.appendMarkdown(`**${literal(entry.title)}**\n\n`);
    md.appendMarkdown(
      `${literal(vscode.l10n.t('Institutions'))}: ${paper.institutions.length ? paper.institutions.map(literal).join('; ') : `*${literal(vscode.l10n.t('none given'))}*`}\n\n`,
    );
    const yours = this.states.of(entry).technique;
    md.appendMarkdown(
      `${literal(vscode.l10n.t('Techniques'))}: ${literal(techniqueLabel(this.techniqueOf(entry), taxonomy))}${yours ? ` (${literal(vscode.l10n.t('yours'))})` : ''}\n\n`,
    );
    md.appendMarkdown(
      `${literal(vscode.l10n.t('In'))}: ${entry.appearances.map((a) => literal(appearanceName(a))).join(', ')}`,
    );
    return md;
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.changed.dispose();
  }
}
