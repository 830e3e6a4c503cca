import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildLargeDigest } from '../largeDigest';
import { corpusDir, corpusReports, readReport, reportNamed } from '../corpus';
import { api, withSetting, workspaceFile } from './helpers';

/**
 * Measurements in a real VS Code, beside VS Code's own Markdown outline. They print; they
 * assert only that the features answered. Our work is timed in-process (it is synchronous),
 * and also end to end through vscode.execute…Provider, which shares the extension host
 * with the built-in Markdown extension.
 */
const LARGE = 5000;

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (n=${times.length})`;
}

async function timed<T>(run: () => Thenable<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

function copyOf(source: string, name: string): vscode.Uri {
  const uri = workspaceFile(name);
  fs.copyFileSync(source, uri.fsPath);
  return uri;
}

const openCopy = (source: string, name: string) => vscode.workspace.openTextDocument(copyOf(source, name));

const insertChar = (document: vscode.TextDocument, line: number) => {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, 0), 'x');
  return vscode.workspace.applyEdit(edit);
};

const builtinOutline = (document: vscode.TextDocument) => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);

// Latencies first: the 5,000-paper tree measurement leaves the Markdown extension busy with large files.
suite('measurements in a real VS Code', () => {
  let large: string;
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
    this.timeout(60000);
    large = workspaceFile(`digest-${LARGE}.md`).fsPath;
    fs.writeFileSync(large, buildLargeDigest(corpusReports().map(readReport), LARGE));
  });

  for (const [name, file, outlineRuns] of [
    ['the 88-paper report', () => path.join(corpusDir, reportNamed('2025-09_09-26')), 10],
    [`the ${LARGE}-paper digest`, () => large, 3],
  ] as const) {
    test(`hover and CodeLens latency on ${name}, beside the built-in Markdown outline`, async function () {
      this.timeout(30 * 60000);
      const { store, codeLens, hover } = await api();
      const document = await openCopy(file(), `latency-${name.replace(/\W+/g, '-')}.md`);
      await builtinOutline(document); // let the Markdown extension finish its own first parse
      const digest = store.digestFor(document)!;

      const hoverInProcess: number[] = [];
      const hoverEndToEnd: number[] = [];
      for (const paper of digest.papers) {
        const position = new vscode.Position(paper.brief!.line, 1);
        const [card, time] = await timed(() => hover.provideHover(document, position));
        assert.ok(card);
        hoverInProcess.push(time);
        hoverEndToEnd.push((await timed(() => vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position)))[1]);
      }
      const lensInProcess: number[] = [];
      for (let i = 0; i < 20; i++) {
        lensInProcess.push((await timed(() => codeLens.provideCodeLenses(document).slice(0, 60).map((lens) => codeLens.resolveCodeLens(lens))))[1]);
      }
      const lensEndToEnd: number[] = [];
      for (let i = 0; i < 20; i++) lensEndToEnd.push((await timed(() => vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri, 60)))[1]);
      const outline: number[] = [];
      const restore = await withSetting('outline.enabled', false);
      try {
        for (let i = 0; i < outlineRuns; i++) {
          await insertChar(document, 1);
          outline.push((await timed(() => builtinOutline(document)))[1]);
        }
      } finally {
        await restore();
      }
      console.log(`      ${name}: hover on each paper's heading, provider: ${stats(hoverInProcess)}; end to end: ${stats(hoverEndToEnd)}`);
      console.log(`      ${name}: CodeLens, provide all + resolve a screenful (60), provider: ${stats(lensInProcess)}; end to end: ${stats(lensEndToEnd)}`);
      console.log(`      ${name}: built-in Markdown executeDocumentSymbolProvider after an edit: ${stats(outline)}`);
    });
  }

  test(`Papers view on a ${LARGE}-paper digest, beside the built-in Markdown outline`, async function () {
    this.timeout(20 * 60000);
    const { papers, store } = await api();
    const uri = copyOf(large, 'tree-bench.md');
    const [[document, roots], firstLevel] = await timed(async () => {
      const opened = await vscode.workspace.openTextDocument(uri);
      papers.showDocument(opened);
      return [opened, papers.getChildren()] as const;
    });
    assert.ok(roots.length > 5);
    const parseOnOpen = store.lastReadMs;
    const [, regroup] = await timed(() => {
      papers.refresh();
      return papers.getChildren();
    });
    const brief = store.digestFor(document)!.papers[2500].brief!;
    const updates = store.updateCount;
    const [, refresh] = await timed(async () => {
      await insertChar(document, brief.textLine);
      store.digestFor(document);
      papers.refresh();
      return papers.getChildren();
    });
    assert.strictEqual(store.updateCount, updates + 1, 'an edit in a brief updates the parse');
    const update = store.lastReadMs;
    await insertChar(document, 10);
    const [, fullRefresh] = await timed(() => {
      store.digestFor(document);
      papers.refresh();
      return papers.getChildren();
    });
    assert.strictEqual(store.updateCount, updates + 1, 'an edit in the header is parsed in full');
    const reparse = store.lastReadMs;
    console.log(`      Digest Lens tree, document open → first level: ${firstLevel.toFixed(1)} ms wall (VS Code loading the file, the Markdown extension, our parse ${parseOnOpen.toFixed(1)} ms, grouping); regrouping alone: ${regroup.toFixed(1)} ms`);
    console.log(`      Digest Lens tree, one-character edit in a brief → first level again: ${refresh.toFixed(1)} ms wall (VS Code applying the edit, our update ${update.toFixed(1)} ms, regrouping), plus the 150 ms debounce before the view asks`);
    console.log(`      Digest Lens tree, one-character edit in the header → first level again: ${fullRefresh.toFixed(1)} ms wall (our full re-parse ${reparse.toFixed(1)} ms, regrouping)`);

    const restore = await withSetting('outline.enabled', false);
    try {
      const other = await openCopy(large, 'outline-bench.md');
      // The Markdown extension sometimes gives up on a document this large; say so rather than fail.
      const answer = (symbols: vscode.DocumentSymbol[] | undefined) => (symbols?.length ? `${symbols.length} top-level symbols` : 'no symbols returned');
      const [symbols, outlineOpen] = await timed(() => builtinOutline(other));
      await insertChar(other, 10);
      const [edited, outlineEdit] = await timed(() => builtinOutline(other));
      console.log(`      built-in Markdown outline, document open → symbols: ${outlineOpen.toFixed(1)} ms (${answer(symbols)})`);
      console.log(`      built-in Markdown outline, one-character edit → symbols: ${outlineEdit.toFixed(1)} ms (${answer(edited)})`);
    } finally {
      await restore();
    }
  });
});
