import * as assert from 'assert';
import * as vscode from 'vscode';
import { createInstitutionNames } from '../../src/library/institutionAliases';
import { OTHER_TECHNIQUE_ID } from '../../src/digest/taxonomy';
import { trendPapersOfLibrary } from '../../src/library/trendPapersOfLibrary';
import { trendPapersOf } from '../../src/library/trendPapers';
import { aggregateTrends } from '../../src/library/trends';
import { corpusReports } from '../corpus';
import { api, openReport, until, withSetting } from './helpers';

suite('Trends panel', () => {
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
  });
  teardown(async () => {
    (await api()).trends.current?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('shows the library: its papers per technique, once each, as the page draws them', async () => {
    const { trends, library } = await api();
    await library.ready;
    await until(() => !library.busy || undefined, 'the library to finish indexing', 60000);
    await vscode.commands.executeCommand('digestLens.showTrends');
    const panel = await until(() => trends.current, 'the Trends panel');
    const drawn = await new Promise<{ bars: number }>((resolve) => panel.onDidRender(resolve));
    // Counted from the library's entries: each paper once, under its newest reading's first technique.
    const expected = new Map<string, number>();
    for (const { newest } of library.library.entries()) {
      const technique = newest.techniques[0] ?? OTHER_TECHNIQUE_ID;
      expected.set(technique, (expected.get(technique) ?? 0) + 1);
    }
    const drawnPerTechnique = new Map<string, number>();
    for (const { technique, count } of panel.state.trends!.cells)
      drawnPerTechnique.set(technique, (drawnPerTechnique.get(technique) ?? 0) + count);
    assert.ok(library.library.counts.digests >= corpusReports().length, 'the corpus is in the library');
    assert.strictEqual(panel.state.trends?.total, library.library.counts.distinctPapers);
    assert.deepStrictEqual(new Map([...drawnPerTechnique].sort()), new Map([...expected].sort()));
    const core = aggregateTrends(trendPapersOfLibrary(library.library, createInstitutionNames()), panel.state.filter!);
    assert.strictEqual(JSON.stringify(panel.state.trends?.cells), JSON.stringify(core.cells));
    assert.strictEqual(drawn.bars, core.cells.length);
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

  test('with no digest in the library, shows the open digests', async () => {
    const { trends, library, store } = await api();
    const restore = await withSetting('library.include', ['no-digests-here/**/*.md']);
    try {
      await until(
        () => (library.library.counts.digests === 0 && !library.busy) || undefined,
        'the library to hold no digest',
        60000,
      );
      const shown = [await openReport('2025-10_10-10'), await openReport('2025-09_09-19')];
      await vscode.commands.executeCommand('digestLens.showTrends');
      const panel = await until(() => trends.current, 'the Trends panel');
      const filter = await until(() => panel.state.filter, 'the panel to draw');
      const papers = shown.flatMap(({ document }) =>
        trendPapersOf(store.digestFor(document)!, document.uri.toString(), createInstitutionNames()),
      );
      const core = aggregateTrends(papers, filter);
      await until(
        () => panel.state.trends?.total === core.total || undefined,
        `the panel to show the ${core.total} papers of the two open digests`,
      );
      assert.ok(core.total > 0);
      assert.strictEqual(JSON.stringify(panel.state.trends?.cells), JSON.stringify(core.cells));
    } finally {
      await restore();
    }
  });
});
