import * as vscode from 'vscode';
import type { LibraryTreeProvider } from './libraryTree';
import type { PapersNode, PapersTreeProvider } from './papersTree';

/** What the Papers view lists: the active digest's papers, or every digest's as one library. */
export type PapersScope = 'digest' | 'library';

/**
 * The Papers view's data: the digest tree or the library tree, by scope. A tree view keeps
 * one provider for life, so this one hands each call to the tree in scope.
 */
export class ScopedPapersProvider implements vscode.TreeDataProvider<PapersNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PapersNode | PapersNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  constructor(
    readonly digestTree: PapersTreeProvider,
    readonly libraryTree: LibraryTreeProvider,
    private current: PapersScope,
  ) {
    this.listeners = [
      digestTree.onDidChangeTreeData((nodes) => this.current === 'digest' && this.changed.fire(nodes)),
      libraryTree.onDidChangeTreeData((nodes) => this.current === 'library' && this.changed.fire(nodes)),
    ];
  }

  get scope(): PapersScope {
    return this.current;
  }

  set scope(scope: PapersScope) {
    if (scope === this.current) return;
    this.current = scope;
    this.changed.fire(undefined);
  }

  private get tree(): vscode.TreeDataProvider<PapersNode> {
    return this.current === 'digest' ? this.digestTree : this.libraryTree;
  }

  getChildren(node?: PapersNode): PapersNode[] {
    return (this.tree.getChildren(node) as PapersNode[] | undefined) ?? [];
  }

  getParent(node: PapersNode): PapersNode | undefined {
    return this.tree.getParent!(node) as PapersNode | undefined;
  }

  getTreeItem(node: PapersNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.tree.getTreeItem(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: PapersNode, token: vscode.CancellationToken) {
    return this.tree.resolveTreeItem?.(item, node, token) ?? item;
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.changed.dispose();
  }
}
