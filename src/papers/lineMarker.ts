import * as vscode from 'vscode';

/** How long a jump's target line stays marked, as VS Code's own Go to Line highlight. */
const MARK_MS = 1500;

/**
 * Marks the line a jump landed on with a whole-line background, so that the eye finds it
 * without a selection the next keystroke would overwrite. The mark goes after 1.5 s, or at
 * the user's next move or edit in that editor.
 */
export class LineMarker implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
  });
  private current:
    { editor: vscode.TextEditor; line: number; cursor: vscode.Selection; timer: NodeJS.Timeout } | undefined;
  private readonly listeners = [
    vscode.window.onDidChangeTextEditorSelection((event) => {
      const current = this.current;
      if (!current || event.textEditor !== current.editor) return;
      // The jump's own cursor comes back as an event too: only another selection is a move.
      const own = event.selections.length === 1 && event.selections[0].isEqual(current.cursor);
      if (!own) this.clear();
    }),
    vscode.workspace.onDidChangeTextDocument(
      (event) => event.contentChanges.length > 0 && event.document === this.current?.editor.document && this.clear(),
    ),
  ];

  /** The line marked now, if any: for tests. */
  get marked(): { readonly editor: vscode.TextEditor; readonly line: number } | undefined {
    return this.current;
  }

  /** Marks the line of the editor's cursor, which the jump just placed. */
  mark(editor: vscode.TextEditor): void {
    this.clear();
    const line = editor.selection.active.line;
    editor.setDecorations(this.decoration, [new vscode.Range(line, 0, line, 0)]);
    this.current = { editor, line, cursor: editor.selection, timer: setTimeout(() => this.clear(), MARK_MS) };
  }

  private clear(): void {
    if (!this.current) return;
    clearTimeout(this.current.timer);
    this.current.editor.setDecorations(this.decoration, []);
    this.current = undefined;
  }

  dispose(): void {
    this.clear();
    this.listeners.forEach((l) => l.dispose());
    this.decoration.dispose();
  }
}
