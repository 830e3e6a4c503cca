import type * as vscode from 'vscode';
import type { TextLines } from '../digest';

/** A document's lines as the core reads them, without copying its text. */
export const documentLines = (document: vscode.TextDocument): TextLines => ({
  count: document.lineCount,
  line: (index) => document.lineAt(index).text,
});
