import * as vscode from 'vscode';
import type { DigestProblem } from '../digest';
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
  const explanation = readmeAnchors(vscode.Uri.joinPath(extensionUri, 'README.md'), () => updateAll());

  const update = (document: vscode.TextDocument) => {
    const digest = config.settings.diagnosticsEnabled ? store.digestFor(document) : undefined;
    if (!digest) return collection.delete(document.uri);
    collection.set(
      document.uri,
      digest.problems.map((problem) => {
        const text = document.lineAt(Math.min(problem.line, document.lineCount - 1));
        const range = new vscode.Range(
          problem.line,
          text.firstNonWhitespaceCharacterIndex,
          problem.line,
          text.range.end.character,
        );
        const diagnostic = new vscode.Diagnostic(range, problemMessage(problem, digest), SEVERITY[problem.severity]);
        diagnostic.source = 'Digest Lens';
        diagnostic.code = { value: problem.code, target: explanation(problem.code) };
        return diagnostic;
      }),
    );
  };
  const updateAll = () => vscode.workspace.textDocuments.forEach(update);

  updateAll();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
    store.onDidChange((uri) => {
      if (!uri) return updateAll();
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (document) update(document);
      else collection.delete(uri);
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
