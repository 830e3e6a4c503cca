import * as assert from 'assert';
import * as vscode from 'vscode';
import { createInstitutionNames } from '../../src/library/institutionAliases';
import { trendPapersOf } from '../../src/library/trendPapers';
import { aggregateTrends } from '../../src/library/trends';
import { corpusReports } from '../corpus';
import { api, openReport, until } from './helpers';

suite('Trends panel', () => {
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
  });
  teardown(async () => {
    (await api()).trends.current?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('shows the open digests: the page draws the core aggregation of them', async () => {
    const editors = [];
    for (const prefix of ['2025-09_09-01', '2025-09_09-22', '2025-10_10-10']) editors.push(await openReport(prefix));
    const { trends, store } = await api();
    await vscode.commands.executeCommand('digestLens.showTrends');
    const panel = await until(() => trends.current, 'the Trends panel');
    const drawn = await new Promise<{ bars: number }>((resolve) => panel.onDidRender(resolve));
    const names = createInstitutionNames();
    // Every digest in an editor tab: the reports of this test, and of earlier tests still open.
    const tabs = vscode.window.tabGroups.all.flatMap((g) =>
      g.tabs.flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : [])),
    );
    const open = vscode.workspace.textDocuments.filter(
      (d) => tabs.includes(d.uri.toString()) && store.isDigest(d) && store.digestFor(d),
    );
    assert.ok(editors.every((e) => open.includes(e.document)));
    const papers = open.flatMap((d) => trendPapersOf(store.digestFor(d)!, d.uri.toString(), names));
    const expected = aggregateTrends(papers, panel.state.filter!);
    assert.strictEqual(panel.state.trends?.total, papers.length);
    assert.strictEqual(JSON.stringify(panel.state.trends?.cells), JSON.stringify(expected.cells));
    assert.strictEqual(drawn.bars, expected.cells.length);
  });

  test('a filter from the page is applied and drawn; a second Show reveals the same panel', async () => {
    await openReport('2025-10_10-10');
    const { trends } = await api();
    await vscode.commands.executeCommand('digestLens.showTrends');
    const panel = await until(() => trends.current, 'the Trends panel');
    await new Promise((resolve) => panel.onDidRender(resolve));
    const { bars } = await panel.applyFilter({ bucket: 'day', technique: 'quantization' });
    assert.ok(panel.state.trends!.cells.every((c) => c.technique === 'quantization'));
    assert.strictEqual(bars, panel.state.trends!.cells.length);
    await vscode.commands.executeCommand('digestLens.showTrends');
    assert.strictEqual(trends.current, panel);
  });
});
