import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { buildLargeDigest } from '../largeDigest';
import { corpusReports, readReport } from '../corpus';
import { api, open, openReport, until, withSetting, workspaceFile } from './helpers';

suite('one parse per version, and the size limit', () => {
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
  });

  test('tree, hover, CodeLens, outline and diagnostics share one parse per document version', async () => {
    const { store, papers } = await api();
    const editor = await openReport('2025-09_09-26');
    const uri = editor.document.uri;
    const ask = async () => {
      papers.showDocument(editor.document);
      papers.getChildren();
      await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(10, 0));
      await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 50);
      await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    };
    await ask();
    const parsed = store.parseCount + store.updateCount;
    await ask();
    await ask();
    assert.strictEqual(store.parseCount + store.updateCount, parsed, 'no feature parses again');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
    await ask();
    await ask();
    assert.strictEqual(store.parseCount + store.updateCount, parsed + 1, 'one parse for the new version');
    const digest = store.digestFor(editor.document)!;
    const brief = digest.papers[3].brief!;
    const updates = store.updateCount;
    await editor.edit((b) => b.insert(new vscode.Position(brief.textLine, 2), '新'));
    await ask();
    assert.strictEqual(store.updateCount, updates + 1, 'an edit inside a brief updates the previous parse');
    assert.strictEqual(store.digestFor(editor.document)!.papers[3].brief!.text.slice(2, 3), '新');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a digest over digestLens.maxFileSizeMB is not parsed, and the user is told how to raise the limit', async () => {
    const { store, statusBar, papersView } = await api();
    const file = workspaceFile('large-digest.md');
    fs.writeFileSync(file.fsPath, buildLargeDigest(corpusReports().map(readReport), 1200));
    const restore = await withSetting('maxFileSizeMB', 1);
    try {
      const parsed = store.parseCount;
      const editor = await open(file);
      const lookup = store.lookup(editor.document);
      assert.strictEqual(lookup.status, 'tooLarge');
      assert.ok(lookup.status === 'tooLarge' && lookup.sizeMB > 1 && lookup.limitMB === 1);
      await until(() => statusBar.text === '$(book) Digest too large' || undefined, 'the status bar');
      assert.match(String(statusBar.tooltip), /over the 1 MB limit \(digestLens\.maxFileSizeMB\)/);
      // A click on the status bar shows the Papers view, which says why it is empty (its welcome offers the setting).
      await vscode.commands.executeCommand(statusBarCommand(statusBar));
      await until(() => papersView.treeView.visible, 'the Papers view to show');
      assert.strictEqual(papersView.treeView.message, statusBar.tooltip);
      assert.deepStrictEqual(papersView.provider.getChildren(), []);
      await vscode.commands.executeCommand('digestLens.raiseSizeLimit');
      await until(
        () => /^(Settings|设置)$/.test(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? ''),
        'the Settings editor',
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        file,
        10,
      );
      assert.ok(!lenses.some((l) => l.command?.command.startsWith('digestLens')));
      assert.strictEqual(store.parseCount, parsed);
    } finally {
      await restore();
    }
    const editor = await open(file);
    assert.strictEqual(store.digestFor(editor.document)?.papers.length, 1200, 'raising the limit reads it');
    await until(() => papersView.treeView.message === undefined, 'the view to drop its message');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

const statusBarCommand = (item: vscode.StatusBarItem) =>
  typeof item.command === 'string' ? item.command : item.command!.command;
