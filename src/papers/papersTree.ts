import * as vscode from 'vscode';
import {
  arrangePapers,
  findPaper,
  paperKey,
  strongestNumber,
  withOccurrences,
  type Digest,
  type DigestPaper,
  type GroupBy,
  type PaperGroup,
  type SortBy,
  titleCase,
} from '../digest';
import { CUSTOM_TECHNIQUE_ICON, FOLLOWED_ICON, INSTITUTION_ICON, TECHNIQUE_ICONS } from '../common/codicons';
import type { FollowedInstitutions } from '../institutions/followedInstitutions';
import { paperInstitutions, primaryInstitution } from '../library/paperInstitutions';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { techniqueFacts, techniqueLabel, techniqueVerdict } from '../common/techniqueLabels';
import { literal, trustedMarkdown } from '../common/markdownString';
import { paperTitle, type PaperTarget } from '../store/paperTarget';

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly key: string;
  readonly children: PaperNode[];
  readonly primaryCount: number;
  /** The Followed group at the top: papers of followed institutions, whatever the grouping. */
  readonly followed: boolean;
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

/** The URI scheme of paper rows, so that decoration providers can mark papers. */
export const PAPER_URI_SCHEME = 'digest-lens-paper';

/** The paper a row's URI names, in its open document's cached parse. */
export function paperOfRow(
  uri: vscode.Uri,
  store: DigestStore,
): { document: vscode.TextDocument; digest: Digest; paper: DigestPaper } | undefined {
  if (uri.scheme !== PAPER_URI_SCHEME) return undefined;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.query);
  const digest = document && store.digestFor(document);
  const [, index, occurrence] = uri.path.split('/').map(Number);
  const paper = digest && findPaper(digest, { index, occurrence });
  return paper && { document, digest, paper };
}

/**
 * The papers of the last active digest, grouped for the sidebar. Nodes are plain data with
 * ids made of the report, the group and the paper's number, so they survive refreshes.
 */
export class PapersTreeProvider implements vscode.TreeDataProvider<PapersNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PapersNode | PapersNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private rows: Rows | undefined;
  /** Hides papers the reader's filters leave out (Unread only, New since last digest); set by the view. */
  hidePaper: ((uri: vscode.Uri, digest: Digest, paper: DigestPaper) => boolean) | undefined;
  /** The reader's own technique for a paper (Move to Technique), set by the Papers view. */
  techniqueOf: ((uri: vscode.Uri, digest: Digest, paper: DigestPaper) => string | undefined) | undefined;
  /** For measurements: how long the last digestChanged() took (reading the digest if due, regrouping, comparing), in milliseconds. */
  lastUpdateMs = 0;

  constructor(
    private readonly store: DigestStore,
    private readonly config: Config,
    readonly state: ViewState,
    private readonly followed: FollowedInstitutions,
  ) {}

  /** How many papers of the shown digest are from followed institutions (the view's badge). */
  get followedCount(): number {
    // Counting builds the rows, which a hidden view otherwise leaves unbuilt while the digest is edited.
    return this.followed.all.length ? this.currentRows().followedCount : 0;
  }

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

  /** Rebuilds from the cached parse when VS Code next asks; called when the view state or the settings change. */
  refresh(): void {
    if (this.document?.isClosed) this.document = undefined;
    this.rows = undefined;
    this.changed.fire(undefined);
  }

  /**
   * Called when the shown digest was edited. When its papers are arranged as before (an
   * edit inside a paper), the rows are kept and only those that read differently are
   * refreshed: VS Code keeps the rest of the tree, instead of dropping every row it holds
   * (tens of milliseconds on 5,000 papers).
   */
  digestChanged(): void {
    const start = performance.now();
    const changed = this.rowsChangedByEdit();
    this.lastUpdateMs = performance.now() - start;
    if (changed === 'all') this.changed.fire(undefined);
    else if (changed.length) this.changed.fire(changed);
  }

  /** The rows an edit of the digest changed, keeping the others; 'all' when the papers are arranged differently. */
  private rowsChangedByEdit(): PaperNode[] | 'all' {
    const previous = this.rows;
    if (this.document?.isClosed) this.document = undefined;
    this.rows = undefined;
    if (!previous?.digest) return 'all';
    const next = this.currentRows();
    const [before, after] = [withOccurrences(previous.digest), next.digest ? withOccurrences(next.digest) : []];
    if (before.length !== after.length || !sameArrangement(previous.roots, next.roots)) return 'all';
    // The rows stay (VS Code holds them); they now show the new digest.
    this.rows = { ...previous, digest: next.digest };
    // Papers are compared in document order: an edit rebuilds one, and shifts the later ones unchanged.
    return before.flatMap(({ paper }, i) =>
      paper === after[i].paper || rowSignature(paper) === rowSignature(after[i].paper)
        ? []
        : (previous.byPaper.get(paperKey({ index: paper.index, occurrence: before[i].occurrence })) ?? []),
    );
  }

  getChildren(node?: PapersNode): PapersNode[] {
    if (node) return node.kind === 'group' ? node.children : [];
    return this.currentRows().roots;
  }

  getParent(node: PapersNode): PapersNode | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  /** The rows of a paper, the one under its primary technique first, then any secondary ones, then under Followed. */
  nodesOf(target: Pick<PaperTarget, 'index' | 'occurrence'>): PaperNode[] {
    const rank = (node: PaperNode) => (node.parent?.followed ? 2 : Number(node.secondary));
    return [...(this.currentRows().byPaper.get(paperKey(target)) ?? [])].sort((a, b) => rank(a) - rank(b));
  }

  getTreeItem(node: PapersNode): vscode.TreeItem {
    return node.kind === 'group' ? this.groupItem(node) : this.paperItem(node);
  }

  /** Tooltips are built only when the user hovers a row. */
  resolveTreeItem(item: vscode.TreeItem, node: PapersNode): vscode.TreeItem {
    if (node.kind === 'paper') item.tooltip = this.paperTooltip(node);
    return item;
  }

  private currentRows(): Rows {
    this.rows ??= this.build();
    return this.rows;
  }

  private build(): Rows {
    const byPaper = new Map<string, PaperNode[]>();
    const digest = this.digest;
    const document = this.document;
    if (!document || !digest) return { digest, roots: [], byPaper, followedCount: 0 };
    const names = this.config.institutionNames;
    const options = {
      groupBy: this.state.groupBy,
      sortBy: this.state.sortBy,
      filter: this.state.filter,
      secondary: this.config.settings.secondaryTechniques,
      taxonomy: this.config.classifier.taxonomy,
      institutionOf: (paper: DigestPaper) => primaryInstitution(paper, names)?.name ?? '',
      techniqueOf: (paper: DigestPaper) => this.techniqueOf?.(document.uri, digest, paper),
    };
    const uri = document.uri.toString();
    const groups = arrangePapers(digest, options);
    const hidden = this.hidePaper;
    const shown = hidden
      ? groups
          .map((group) => {
            const entries = group.entries.filter((e) => !hidden(document.uri, digest, e.paper));
            return { ...group, entries, primaryCount: entries.filter((e) => !e.secondary).length };
          })
          .filter((group) => group.entries.length)
      : groups;
    const nodes = shown.map((group) => this.groupNode(uri, group, byPaper, false));
    // Without grouping there is one group, whose papers are the roots.
    const roots: PapersNode[] = this.state.groupBy === 'none' ? nodes.flatMap((g) => g.children) : nodes;
    const [all] = this.followed.all.length ? arrangePapers(digest, { ...options, groupBy: 'none' }) : [];
    const followed = all?.entries.filter(({ paper }) => this.followed.followsAny(paperInstitutions(paper, names)));
    if (!followed?.length) return { digest, roots, byPaper, followedCount: 0 };
    const group = { key: '', entries: followed, primaryCount: followed.length };
    return {
      digest,
      roots: [this.groupNode(uri, group, byPaper, true), ...roots],
      byPaper,
      followedCount: followed.length,
    };
  }

  private groupNode(uri: string, group: PaperGroup, byPaper: Map<string, PaperNode[]>, followed: boolean): GroupNode {
    const node: GroupNode = {
      kind: 'group',
      id: followed ? `${uri}#followed` : `${uri}#group:${this.state.groupBy}:${group.key}`,
      key: group.key,
      children: [],
      primaryCount: group.primaryCount,
      followed,
    };
    const parent = this.state.groupBy === 'none' && !followed ? undefined : node;
    for (const entry of group.entries) {
      const key = paperKey({ index: entry.paper.index, occurrence: entry.occurrence });
      const child: PaperNode = {
        kind: 'paper',
        id: `${node.id}/paper:${key}`,
        uri,
        index: entry.paper.index,
        occurrence: entry.occurrence,
        secondary: entry.secondary,
        parent,
      };
      node.children.push(child);
      const rows = byPaper.get(key);
      if (rows) rows.push(child);
      else byPaper.set(key, [child]);
    }
    return node;
  }

  private paperOf(node: PaperNode) {
    const digest = this.currentRows().digest;
    return digest && findPaper(digest, node);
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    if (node.followed) return this.followedItem(node);
    const taxonomy = this.config.classifier.taxonomy;
    const byTechnique = this.state.groupBy === 'technique';
    const name = byTechnique ? techniqueLabel(node.key, taxonomy) : node.key || vscode.l10n.t('Unknown institution');
    const item = new vscode.TreeItem(`${name} (${node.primaryCount})`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    const secondary = node.children.length - node.primaryCount;
    if (secondary > 0) item.description = vscode.l10n.t('+{0} secondary', secondary);
    item.tooltip =
      secondary > 0
        ? vscode.l10n.t(
            '{0} papers with this primary technique, and {1} that use it as a secondary technique',
            node.primaryCount,
            secondary,
          )
        : vscode.l10n.t('{0} papers', node.primaryCount);
    item.iconPath = new vscode.ThemeIcon(
      byTechnique ? (TECHNIQUE_ICONS[node.key] ?? CUSTOM_TECHNIQUE_ICON) : INSTITUTION_ICON,
    );
    item.contextValue = byTechnique ? 'group' : 'group institution';
    return item;
  }

  private followedItem(node: GroupNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t('Followed ({0})', node.primaryCount),
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = node.id;
    item.description = this.followed.all.map((n) => n.name).join(', ');
    item.tooltip = vscode.l10n.t('{0} papers from the institutions you follow', node.primaryCount);
    item.iconPath = new vscode.ThemeIcon(FOLLOWED_ICON);
    item.contextValue = 'group followed';
    return item;
  }

  private paperItem(node: PaperNode): vscode.TreeItem {
    const paper = this.paperOf(node);
    if (!paper) return new vscode.TreeItem(String(node.index));
    const title = paperTitle(paper);
    // A title in capitals would push the institution and result off a narrow row.
    const text = this.config.settings.titleCase ? titleCase(title.text) : title.text;
    // A fallback title is set off in angle quotes, so that it does not pass for the paper's own.
    const item = new vscode.TreeItem(
      `${paper.index}. ${title.fallback ? `‹${text}›` : text}`,
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    const strongest = strongestNumber(paper.headlineNumbers);
    // An uncertain technique is said on the row itself: "Quantization or Pruning & Sparsity".
    const uncertain = paper.techniques[1]?.alternative
      ? techniqueVerdict(paper.techniques, this.config.classifier.taxonomy)
      : '';
    item.description = [
      node.secondary ? vscode.l10n.t('secondary') : '',
      uncertain,
      paper.institutionShort,
      strongest?.text ?? '',
    ]
      .filter(Boolean)
      .join(' · ');
    item.resourceUri = vscode.Uri.from({
      scheme: PAPER_URI_SCHEME,
      path: `/${paper.index}/${node.occurrence}`,
      query: node.uri,
    });
    item.iconPath = new vscode.ThemeIcon(node.secondary ? 'circle-outline' : 'file-text');
    const followed = this.followed.followsAny(paperInstitutions(paper, this.config.institutionNames));
    item.contextValue = [node.secondary ? 'paper secondary' : 'paper', followed ? 'followed' : ''].join(' ').trim();
    item.command = { command: 'digestLens.openBrief', title: vscode.l10n.t('Go to Brief'), arguments: [node] };
    item.accessibilityInformation = {
      label: `${paper.index}. ${text}${item.description ? `, ${item.description}` : ''}`,
    };
    return item;
  }

  private paperTooltip(node: PaperNode): vscode.MarkdownString | undefined {
    const paper = this.paperOf(node);
    if (!paper) return undefined;
    const taxonomy = this.config.classifier.taxonomy;
    const md = trustedMarkdown();
    md.appendMarkdown(`**${literal(`${paper.index}. ${paperTitle(paper).text}`)}**\n\n`);
    const institutions = paper.details?.institutions.length
      ? paper.details.institutions
      : paper.institutionShort
        ? [paper.institutionShort]
        : [];
    md.appendMarkdown(
      `${literal(vscode.l10n.t('Institutions'))}: ${institutions.length ? institutions.map(literal).join('; ') : `*${literal(vscode.l10n.t('none given'))}*`}\n\n`,
    );
    if (paper.details?.authorCount !== null && paper.details?.authorCount !== undefined)
      md.appendMarkdown(`${literal(vscode.l10n.t('Authors'))}: ${paper.details.authorCount}\n\n`);
    for (const fact of techniqueFacts(paper.techniques, taxonomy))
      md.appendMarkdown(`${literal(fact.label)}: ${literal(fact.value)}\n\n`);
    if (paper.headlineNumbers.length)
      md.appendMarkdown(
        `${literal(vscode.l10n.t('Results'))}: ${paper.headlineNumbers.map((n) => literal(n.text)).join(' · ')}`,
      );
    return md;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The rows of the view, the digest they were built from, and each paper's rows by its key. */
interface Rows {
  readonly digest: Digest | undefined;
  readonly roots: PapersNode[];
  readonly byPaper: Map<string, PaperNode[]>;
  readonly followedCount: number;
}

/** Whether two sets of rows have the same groups, papers and secondary marks, in the same order. */
function sameArrangement(a: readonly PapersNode[], b: readonly PapersNode[]): boolean {
  const same = (x: PapersNode, y: PapersNode) =>
    x.id === y.id && (x.kind === 'group' || (y.kind === 'paper' && x.secondary === y.secondary));
  return (
    a.length === b.length &&
    a.every(
      (x, i) => same(x, b[i]) && (x.kind !== 'group' || sameArrangement(x.children, (b[i] as GroupNode).children)),
    )
  );
}

/** Everything a paper's row and its tooltip show, to tell whether an edit changed them. */
function rowSignature(paper: DigestPaper): string {
  return JSON.stringify([
    paper.index,
    paper.title,
    paper.briefName,
    paper.institutionShort,
    paper.details?.institutions,
    paper.details?.authorCount,
    paper.techniques.map((t) => [t.id, t.alternative, t.evidence]),
    paper.headlineNumbers.map((n) => [n.kind, n.value, n.text]),
  ]);
}
