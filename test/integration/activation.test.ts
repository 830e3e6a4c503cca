import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { corpusDir, corpusReports, reportNamed } from '../corpus';
import { api, EXTENSION_ID, open, until, withSetting, workspaceFile } from './helpers';

suite('activation, the digest store and the status bar', () => {
  test('opening a corpus report activates Digest Lens, which parses it once', async function () {
    if (!corpusReports().length) this.skip();
    const editor = await open(vscode.Uri.file(path.join(corpusDir, reportNamed('2025-10_10-10'))));
    const { store, activatedAt } = await api();
    await until(() => store.firstParseAt, 'the first parse');
    console.log(
      `      activation time (activate() start to first parsed digest): ${(store.firstParseAt! - activatedAt).toFixed(1)} ms`,
    );
    const digest = store.digestFor(editor.document);
    assert.strictEqual(digest?.papers.length, 21);
  });

  test('the status bar counts the papers and problems of the active digest', async () => {
    const { statusBar, store } = await api();
    const editor = await open(workspaceFile('sample-digest.en.md'));
    const digest = store.digestFor(editor.document)!;
    await until(() => statusBar.text.includes(`${digest.papers.length} papers`), 'the status bar text');
    assert.strictEqual(statusBar.text, `$(book) ${digest.papers.length} papers · ${digest.problems.length} problems`);
    assert.strictEqual(statusBar.command, 'digestLens.papers.focus');
  });

  test('an ordinary Markdown file is not parsed, and hides the status bar item', async () => {
    const { store } = await api();
    const before = store.parseCount;
    const editor = await open(workspaceFile('notes.md'));
    assert.strictEqual(store.isDigest(editor.document), false);
    assert.strictEqual(store.digestFor(editor.document), undefined);
    assert.strictEqual(store.parseCount, before, 'detection reads the layout without parsing');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    assert.ok(!symbols?.some((s) => s.detail.includes('papers')), 'no digest outline for an ordinary file');
    assert.strictEqual(store.parseCount, before);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)!.isActive);
  });

  test('digestLens.include and digestLens.exclude force a file in or out, whatever its layout', async () => {
    const { store } = await api();
    const notes = await open(workspaceFile('notes.md'));
    const sample = await open(workspaceFile('sample-digest.en.md'));
    assert.strictEqual(store.isDigest(notes.document), false);
    const include = await withSetting('include', ['**/notes.md']);
    try {
      assert.strictEqual(store.isDigest(notes.document), true);
      assert.strictEqual(store.digestFor(notes.document)?.papers.length, 0, 'read as a digest: it has no papers');
    } finally {
      await include();
    }
    const exclude = await withSetting('exclude', ['**/sample-digest.en.md']);
    try {
      assert.strictEqual(store.isDigest(sample.document), false);
      assert.strictEqual(store.digestFor(sample.document), undefined);
    } finally {
      await exclude();
    }
    assert.strictEqual(store.isDigest(sample.document), true);
  });
});
