import * as vscode from 'vscode';
import { arrangePapers, strongestNumber, type Digest, type GroupBy, type PaperGroup, type SortBy } from '../digest';
import { CUSTOM_TECHNIQUE_ICON, INSTITUTION_ICON, TECHNIQUE_ICONS } from './codicons';
import type { Config } from './config';
import type { DigestStore } from './digestStore';
import { techniqueLabel } from './techniqueLabels';
import { literal, trustedMarkdown } from './markdown';
import { findPaper, paperKey, paperTitle, type PaperTarget } from './paperTarget';

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly key: string;
  readonly children: PaperNode[];
  readonly primaryCount: number;
}

export interface PaperNode extends PaperTarget {
  readonly kind: 'paper';
  readonly id: string;
  readonly secondary: boolean;
  readonly parent: GroupNode | undefined;
}

export type PapersNode = GroupNode | PaperNode;

export interface ViewState {
  groupBy: GroupBy;
  sortBy: SortBy;
  filter: string;
}

/** The URI scheme of paper rows, so that a decoration provider can mark papers with problems. */
export const PAPER_URI_SCHEME = 'digest-lens-paper';

/**
 * The papers of the last active digest, grouped for the sidebar. Nodes are plain data with
 * ids made of the report, the group and the paper's number, so they survive refreshes.
 */
export class PapersTreeProvider implements vscode.TreeDataProvider<PapersNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PapersNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private roots: PapersNode[] | undefined;
  private byPaper = new Map<string, PaperNode[]>();

  constructor(
    private readonly store: DigestStore,
    private readonly config: Config,
    readonly state: ViewState,
  ) {}

  /** The report the view shows, if any. */
  get activeDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  get digest(): Digest | undefined {
    return this.document && this.store.digestFor(this.document);
  }

  /** Shows `document` if it is a digest; otherwise keeps the last one. */
  showDocument(document: vscode.TextDocument | undefined): boolean {
    if (!document || !this.store.isDigest(document) || document === this.document) return false;
    this.document = document;
    this.refresh();
    return true;
  }

  /** Rebuilds from the cached parse; called when the digest or the view state changes. */
  refresh(): void {
    if (this.document?.isClosed) this.document = undefined;
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: PapersNode): PapersNode[] {
    if (node) return node.kind === 'group' ? node.children : [];
    this.roots ??= this.build();
    return this.roots;
  }

  getParent(node: PapersNode): PapersNode | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  /** The rows of a paper, the one under its primary technique first, then any secondary ones. */
  nodesOf(target: Pick<PaperTarget, 'index' | 'occurrence'>): PaperNode[] {
    this.getChildren();
    return [...(this.byPaper.get(paperKey(target)) ?? [])].sort((a, b) => Number(a.secondary) - Number(b.secondary));
  }

  getTreeItem(node: PapersNode): vscode.TreeItem {
    return node.kind === 'group' ? this.groupItem(node) : this.paperItem(node);
  }

  /** Tooltips are built only when the user hovers a row. */
  resolveTreeItem(item: vscode.TreeItem, node: PapersNode): vscode.TreeItem {
    if (node.kind === 'paper') item.tooltip = this.paperTooltip(node);
    return item;
  }

  private build(): PapersNode[] {
    this.byPaper = new Map();
    const digest = this.digest;
    if (!this.document || !digest) return [];
    const groups = arrangePapers(digest, {
      groupBy: this.state.groupBy,
      sortBy: this.state.sortBy,
      filter: this.state.filter,
      secondary: this.config.settings.secondaryTechniques,
      taxonomy: this.config.classifier.taxonomy,
    });
    const uri = this.document.uri.toString();
    const nodes = groups.map((group) => this.groupNode(uri, group));
    // Without grouping there is one group, whose papers are the roots.
    return this.state.groupBy === 'none' ? nodes.flatMap((g) => g.children) : nodes;
  }

  private groupNode(uri: string, group: PaperGroup): GroupNode {
    const node: GroupNode = { kind: 'group', id: `${uri}#group:${this.state.groupBy}:${group.key}`, key: group.key, children: [], primaryCount: group.primaryCount };
    const parent = this.state.groupBy === 'none' ? undefined : node;
    for (const entry of group.entries) {
      const key = paperKey({ index: entry.paper.index, occurrence: entry.occurrence });
      const child: PaperNode = { kind: 'paper', id: `${node.id}/paper:${key}`, uri, index: entry.paper.index, occurrence: entry.occurrence, secondary: entry.secondary, parent };
      node.children.push(child);
      const rows = this.byPaper.get(key);
      if (rows) rows.push(child);
      else this.byPaper.set(key, [child]);
    }
    return node;
  }

  private paperOf(node: PaperNode) {
    const digest = this.digest;
    return digest && findPaper(digest, node);
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const taxonomy = this.config.classifier.taxonomy;
    const byTechnique = this.state.groupBy === 'technique';
    const name = byTechnique ? techniqueLabel(node.key, taxonomy) : node.key || vscode.l10n.t('Unknown institution');
    const item = new vscode.TreeItem(`${name} (${node.primaryCount})`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    const secondary = node.children.length - node.primaryCount;
    if (secondary > 0) item.description = vscode.l10n.t('+{0} secondary', secondary);
    item.tooltip = secondary > 0
      ? vscode.l10n.t('{0} papers with this primary technique, and {1} that use it as a secondary technique', node.primaryCount, secondary)
      : vscode.l10n.t('{0} papers', node.primaryCount);
    item.iconPath = new vscode.ThemeIcon(byTechnique ? TECHNIQUE_ICONS[node.key] ?? CUSTOM_TECHNIQUE_ICON : INSTITUTION_ICON);
    item.contextValue = 'group';
    return item;
  }

  private paperItem(node: PaperNode): vscode.TreeItem {
    const paper = this.paperOf(node);
    if (!paper) return new vscode.TreeItem(String(node.index));
    const title = paperTitle(paper);
    // A fallback title is set off in angle quotes, so that it does not pass for the paper's own.
    const item = new vscode.TreeItem(`${paper.index}. ${title.fallback ? `‹${title.text}›` : title.text}`, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const strongest = strongestNumber(paper.headlineNumbers);
    item.description = [node.secondary ? vscode.l10n.t('secondary') : '', paper.institutionShort, strongest?.text ?? ''].filter(Boolean).join(' · ');
    item.resourceUri = vscode.Uri.from({ scheme: PAPER_URI_SCHEME, path: `/${paper.index}/${node.occurrence}`, query: node.uri });
    item.iconPath = new vscode.ThemeIcon(node.secondary ? 'circle-outline' : 'file-text');
    item.contextValue = node.secondary ? 'paper secondary' : 'paper';
    item.command = { command: 'digestLens.openBrief', title: vscode.l10n.t('Go to Brief'), arguments: [node] };
    item.accessibilityInformation = { label: `${paper.index}. ${title.text}${item.description ? `, ${item.description}` : ''}` };
    return item;
  }

  private paperTooltip(node: PaperNode): vscode.MarkdownString | undefined {
    const paper = this.paperOf(node);
    if (!paper) return undefined;
    const taxonomy = this.config.classifier.taxonomy;
    const md = trustedMarkdown();
    md.appendMarkdown(`**${literal(`${paper.index}. ${paperTitle(paper).text}`)}**\n\n`);
    const institutions = paper.details?.institutions.length ? paper.details.institutions : paper.institutionShort ? [paper.institutionShort] : [];
    md.appendMarkdown(`${literal(vscode.l10n.t('Institutions'))}: ${institutions.length ? institutions.map(literal).join('; ') : `*${literal(vscode.l10n.t('none given'))}*`}\n\n`);
    if (paper.details?.authorCount !== null && paper.details?.authorCount !== undefined) md.appendMarkdown(`${literal(vscode.l10n.t('Authors'))}: ${paper.details.authorCount}\n\n`);
    md.appendMarkdown(`${literal(vscode.l10n.t('Techniques'))}: ${paper.techniques.map((t) => literal(techniqueLabel(t.id, taxonomy))).join(', ')}\n\n`);
    if (paper.headlineNumbers.length) md.appendMarkdown(`${literal(vscode.l10n.t('Results'))}: ${paper.headlineNumbers.map((n) => literal(n.text)).join(' · ')}`);
    return md;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
