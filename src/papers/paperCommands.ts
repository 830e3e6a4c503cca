import * as vscode from 'vscode';
import { headingSlug, markdownLink, type DigestPaper } from '../digest';
import type { DigestStore } from '../store/digestStore';
import { displaysChinese } from '../common/techniqueLabels';
import { documentLines } from '../common/documentLines';
import { LineMarker } from './lineMarker';
import { paperTitle, resolveTarget, type PaperTarget } from '../store/paperTarget';

/**
 * Opens a report at a heading: the cursor at the line's start (selecting the title would let
 * the next keystroke overwrite it), the line centred if it was out of view, and marked briefly.
 */
async function showLine(document: vscode.TextDocument, line: number, marker: LineMarker): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const start = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  marker.mark(editor);
  return editor;
}

function register(
  store: DigestStore,
  id: string,
  run: (paper: DigestPaper, document: vscode.TextDocument) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (target?: PaperTarget) => {
    // `return void` on a message: the command is done once it is shown, not when it is dismissed.
    const found = target && (await resolveTarget(store, target));
    if (!found) return void vscode.window.showWarningMessage(vscode.l10n.t('That paper is no longer in the report.'));
    return run(found.paper, found.document);
  });
}

/** Go to brief or abstract, copy, and search: the paper's own actions. */
export function registerPaperCommands(
  store: DigestStore,
  extensionUri: vscode.Uri,
): vscode.Disposable & { readonly marker: LineMarker } {
  const marker = new LineMarker();
  const disposable = vscode.Disposable.from(
    marker,
    register(store, 'digestLens.openBrief', (paper, document) => {
      const line = paper.brief?.line ?? paper.details?.line;
      return line === undefined ? undefined : showLine(document, line, marker);
    }),
    register(store, 'digestLens.openAbstract', (paper, document) => {
      if (!paper.details)
        return void vscode.window.showInformationMessage(
          vscode.l10n.t('Paper {0} has no details section entry.', paper.index),
        );
      return showLine(document, paper.details.line, marker);
    }),
    register(store, 'digestLens.copyTitle', (paper) => vscode.env.clipboard.writeText(paperTitle(paper).text)),
    register(store, 'digestLens.copyBrief', (paper) => vscode.env.clipboard.writeText(paper.brief?.text ?? '')),
    register(store, 'digestLens.copyMarkdownLink', (paper, document) => {
      const line = paper.brief?.line ?? paper.details!.line;
      // From the workspace folder's root; outside any folder, the file's own absolute path.
      const root = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.path ?? '';
      const segments = document.uri.path.slice(root.length).split('/').filter(Boolean);
      return vscode.env.clipboard.writeText(
        markdownLink(paperTitle(paper).text, segments, headingSlug(documentLines(document), line)),
      );
    }),
    register(store, 'digestLens.searchArxiv', (paper) => {
      const query = paper.title || paper.briefName;
      if (!query)
        return void vscode.window.showInformationMessage(
          vscode.l10n.t('Paper {0} has no title to search for.', paper.index),
        );
      return vscode.env.openExternal(
        vscode.Uri.parse(`https://arxiv.org/search/?searchtype=title&query=${encodeURIComponent(query)}`, true),
      );
    }),
    vscode.commands.registerCommand('digestLens.openSample', async () => {
      const sample = displaysChinese() ? 'sample-digest.zh.md' : 'sample-digest.en.md';
      const document = await vscode.workspace.openTextDocument(
        vscode.Uri.joinPath(extensionUri, 'media', 'samples', sample),
      );
      await vscode.window.showTextDocument(document, { preview: false });
    }),
  );
  return { marker, dispose: () => disposable.dispose() };
}
