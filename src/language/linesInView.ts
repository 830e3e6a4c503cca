import * as vscode from 'vscode';

/** A range of lines, both ends included. */
export interface LineWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * Lines kept beyond what an editor shows, at least: scrolling within them asks for nothing.
 * A daily report (20 to 90 papers, up to about 1,100 lines) mostly fits in one window.
 */
const MIN_MARGIN_LINES = 500;

/**
 * The lines around what the editors showing a document show: each visible range widened by
 * two screens (at least 500 lines) each way. Undefined when no editor shows the document.
 */
export function linesInView(document: vscode.TextDocument): LineWindow[] | undefined {
  const ranges = visibleRangesOf(document);
  if (!ranges.length) return undefined;
  return ranges.map((range) => {
    const margin = Math.max(MIN_MARGIN_LINES, 2 * (range.end.line - range.start.line + 1));
    return { from: Math.max(0, range.start.line - margin), to: range.end.line + margin };
  });
}

/** What the editors showing a document show of it. */
export function visibleRangesOf(document: vscode.TextDocument): vscode.Range[] {
  return vscode.window.visibleTextEditors
    .filter((editor) => editor.document === document)
    .flatMap((editor) => editor.visibleRanges);
}
