import * as vscode from 'vscode';
import { findPaper, toCsv, toExportRows, type Digest, type DigestPaper, type ExportRow } from '../digest';
import type { LibraryPaperNode } from '../papers/libraryTree';
import type { PapersNode } from '../papers/papersTree';
import type { ScopedPapersProvider } from '../papers/scopedTree';
import type { DigestStore } from '../store/digestStore';
import type { LibraryService } from './libraryService';
import type { ReadingStateStore } from './readingStateStore';

/** What Export… writes: the digest the Papers view shows, what the view lists now, or every digest. */
export type ExportScope = 'digest' | 'view' | 'library';
export type ExportFormat = 'csv' | 'json';

/** Lets the event loop run between files of a long export. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Digest Lens: Export…: the core's CSV or JSON export of the active digest, the filtered
 * view or the whole library, through a save dialog. The reader's technique replaces the one
 * read, as everywhere else.
 */
export function registerExport(
  store: DigestStore,
  library: LibraryService,
  view: ScopedPapersProvider,
  states: ReadingStateStore,
): vscode.Disposable {
  const reportName = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

  /** The rows of a digest's papers, all or those given, with the reader's techniques. */
  const rowsOf = (uri: vscode.Uri, digest: Digest, keep?: ReadonlySet<DigestPaper>): ExportRow[] =>
    toExportRows(reportName(uri), digest).flatMap((row, i) => {
      const paper = digest.papers[i];
      if (keep && !keep.has(paper)) return [];
      const entry = library.entryOf(uri, digest, paper);
      const technique = entry && states.of(entry).technique;
      return [technique ? { ...row, primaryTechnique: technique } : row];
    });

  const digestRows = (): ExportRow[] => {
    const document = view.digestTree.activeDocument;
    const digest = document && store.digestFor(document);
    return document && digest ? rowsOf(document.uri, digest) : [];
  };

  const viewRows = async (): Promise<ExportRow[]> => {
    const rows = (roots: PapersNode[]) => roots.flatMap((n) => (n.kind === 'group' ? n.children : [n]));
    if (view.scope === 'digest') {
      const document = view.digestTree.activeDocument;
      const digest = document && store.digestFor(document);
      if (!document || !digest) return [];
      const shown = new Set(rows(view.getChildren()).flatMap((node) => findPaper(digest, node) ?? []));
      return rowsOf(document.uri, digest, shown);
    }
    // Each library row once, from its newest appearance, report by report.
    const byReport = new Map<string, Set<number>>();
    for (const node of rows(view.getChildren()) as LibraryPaperNode[]) {
      const entry = library.library.entry(node.entryKey);
      if (!entry) continue;
      const positions = byReport.get(entry.newest.report) ?? new Set<number>();
      positions.add(entry.newest.position);
      byReport.set(entry.newest.report, positions);
    }
    const result: ExportRow[] = [];
    for (const [report, positions] of byReport) {
      const uri = vscode.Uri.parse(report);
      const digest = await library.readDigest(uri);
      if (digest) result.push(...rowsOf(uri, digest, new Set(digest.papers.filter((_, i) => positions.has(i)))));
      await yieldToEventLoop();
    }
    return result;
  };

  const libraryRows = async (): Promise<ExportRow[]> => {
    const result: ExportRow[] = [];
    for (const { path } of library.library.digests()) {
      const uri = vscode.Uri.parse(path);
      const digest = await library.readDigest(uri);
      if (digest) result.push(...rowsOf(uri, digest));
      await yieldToEventLoop();
    }
    return result;
  };

  return vscode.commands.registerCommand(
    'digestLens.export',
    async (scope?: ExportScope, format?: ExportFormat, target?: vscode.Uri) => {
      const hasDigest = Boolean(view.digestTree.digest);
      scope ??= await choose<ExportScope>(vscode.l10n.t('Export which papers?'), [
        ...(hasDigest ? [['digest', vscode.l10n.t('This digest')] as [ExportScope, string]] : []),
        ['view', vscode.l10n.t('The Papers view as filtered now')],
        ['library', vscode.l10n.t('Every digest of the library')],
      ]);
      if (!scope) return;
      format ??= await choose<ExportFormat>(vscode.l10n.t('Export as'), [
        ['csv', vscode.l10n.t('CSV (for spreadsheets)')],
        ['json', 'JSON'],
      ]);
      if (!format) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      target ??= await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export Papers'),
        defaultUri: folder && vscode.Uri.joinPath(folder, `digest-lens-papers.${format}`),
        filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      });
      if (!target) return;
      const rows = scope === 'digest' ? digestRows() : scope === 'view' ? await viewRows() : await libraryRows();
      const text = format === 'csv' ? toCsv(rows) : JSON.stringify(rows, null, 2) + '\n';
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Exported {0} papers to {1}.', rows.length, reportName(target)),
      );
    },
  );
}

async function choose<T extends string>(title: string, options: [T, string][]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(
    options.map(([value, label]) => ({ value, label })),
    { title, placeHolder: title },
  );
  return picked?.value;
}
