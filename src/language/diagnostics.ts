import * as vscode from 'vscode';
import type { Digest, DigestProblem } from '../digest';
import type { Config } from '../store/config';
import type { DigestStore } from '../store/digestStore';
import { problemMessage } from './problemMessages';

const SEVERITY: Record<DigestProblem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The core's problems in the Problems view, refreshed from the cached parse after edits. */
export function registerDiagnostics(store: DigestStore, config: Config, extensionUri: vscode.Uri): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('digestLens');
  /**
   * Diagnostics by problem, with the text of the line they span: an edit gives new problems
   * only to the paper it changed, and when no diagnostic changed, the collection is not set
   * again (VS Code copies every diagnostic of the file on each set).
   */
  let known = new WeakMap<DigestProblem, { text: string; diagnostic: vscode.Diagnostic }>();
  const shown = new Map<string, readonly vscode.Diagnostic[]>();
  const explanation = readmeAnchors(vscode.Uri.joinPath(extensionUri, 'README.md'), () => {
    known = new WeakMap();
    shown.clear();
    updateAll();
  });

  const diagnosticOf = (document: vscode.TextDocument, digest: Digest, problem: DigestProblem) => {
    const line = document.lineAt(Math.min(problem.line, document.lineCount - 1));
    const cached = known.get(problem);
    if (cached?.text === line.text) return cached.diagnostic;
    const range = new vscode.Range(
      problem.line,
      line.firstNonWhitespaceCharacterIndex,
      problem.line,
      line.range.end.character,
    );
    const diagnostic = new vscode.Diagnostic(range, problemMessage(problem, digest), SEVERITY[problem.severity]);
    diagnostic.source = 'Digest Lens';
    diagnostic.code = { value: problem.code, target: explanation(problem.code) };
    known.set(problem, { text: line.text, diagnostic });
    return diagnostic;
  };
  const forget = (uri: vscode.Uri) => {
    shown.delete(uri.toString());
    collection.delete(uri);
  };
  const update = (document: vscode.TextDocument) => {
    const digest = config.settings.diagnosticsEnabled ? store.digestFor(document) : undefined;
    if (!digest) return forget(document.uri);
    const diagnostics = digest.problems.map((problem) => diagnosticOf(document, digest, problem));
    const last = shown.get(document.uri.toString());
    if (last?.length === diagnostics.length && last.every((d, i) => d === diagnostics[i])) return;
    shown.set(document.uri.toString(), diagnostics);
    collection.set(document.uri, diagnostics);
  };
  const updateAll = () => vscode.workspace.textDocuments.forEach(update);

  updateAll();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidCloseTextDocument((document) => forget(document.uri)),
    store.onDidChange((uri) => {
      if (!uri) return updateAll();
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (document) update(document);
      else forget(uri);
    }),
    config.onDidChange((names) => names.has('diagnosticsEnabled') && updateAll()),
  );
}

/**
 * Links a problem code to the line of the README that explains it. The README is read once,
 * through vscode.workspace.fs so that this works on the web too; until it is, and if it
 * cannot be, codes link to the README itself.
 */
function readmeAnchors(readme: vscode.Uri, onRead: () => void): (code: string) => vscode.Uri {
  let lines: string[] = [];
  vscode.workspace.fs.readFile(readme).then(
    (bytes) => {
      lines = new TextDecoder().decode(bytes).split('\n');
      onRead();
    },
    () => undefined,
  );
  return (code) => {
    const line = lines.findIndex((l) => l.startsWith('#') && l.includes(`\`${code}\``));
    return line < 0 ? readme : readme.with({ fragment: `L${line + 1}` });
  };
}
