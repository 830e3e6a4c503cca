import * as assert from 'assert';
import * as vscode from 'vscode';
import { createInstitutionNames } from '../../src/library/institutionAliases';
import { paperInstitutions, primaryInstitution } from '../../src/library/paperInstitutions';
import type { GroupNode, PaperNode } from '../../src/papers/papersTree';
import { corpusReports } from '../corpus';
import { api, openReport, until, withSetting } from './helpers';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const names = createInstitutionNames();

suite('Institutions in the Papers view', () => {
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
  });
  teardown(async () => {
    const { followed } = await api();
    await followed.unfollow(followed.all.map((n) => n.key));
    await vscode.commands.executeCommand('digestLens.groupBy', 'technique');
  });

  test('grouping by institution uses normalised names: one group per institution', async () => {
    const editor = await openReport('2025-10_10-10');
    const { papers, store } = await api();
    papers.showDocument(editor.document);
    await vscode.commands.executeCommand('digestLens.groupBy', 'institution');
    const digest = store.digestFor(editor.document)!;
    const expected = new Map<string, number>();
    for (const p of digest.papers) {
      const name = primaryInstitution(p, names)?.name ?? '';
      expected.set(name, (expected.get(name) ?? 0) + 1);
    }
    const groups = papers.getChildren() as GroupNode[];
    assert.deepStrictEqual(new Map(groups.map((g) => [g.key, g.children.length])), expected);
    // The brief names 清华大学 and 上海交通大学: the groups are their English names.
    assert.ok(!groups.some((g) => /[\u4e00-\u9fff]/.test(g.key) && names.normalize(g.key)?.name !== g.key));
    assert.ok(
      groups.some((g) => g.key === 'CNRS'),
      groups.map((g) => g.key).join(' | '),
    );
  });

  test('Follow Institution adds a Followed group at the top, a badge, a star, and Unfollow removes them', async () => {
    const editor = await openReport('2025-10_10-10');
    const { papers, papersView, followed, followedDecorations, store } = await api();
    await vscode.commands.executeCommand('digestLens.papers.focus');
    await until(() => papersView.treeView.visible, 'the Papers view to show');
    await vscode.window.showTextDocument(editor.document, { preview: false });
    papers.showDocument(editor.document);
    const digest = store.digestFor(editor.document)!;
    const followedPapers = digest.papers.filter((p) =>
      paperInstitutions(p, names).some((n) => n.name === 'Shanghai Jiao Tong University'),
    );
    assert.ok(followedPapers.length > 0, 'the report has papers of Shanghai Jiao Tong University');

    // From the palette, with the name given as a test or keybinding would (上海交通大学 is the same institution).
    await vscode.commands.executeCommand('digestLens.followInstitution', '上海交通大学');
    assert.deepStrictEqual(
      followed.all.map((n) => n.name),
      ['Shanghai Jiao Tong University'],
    );
    await until(() => (papers.getChildren()[0] as GroupNode).followed || undefined, 'the Followed group');
    const [top] = papers.getChildren() as GroupNode[];
    assert.strictEqual(label(papers.getTreeItem(top)), `Followed (${followedPapers.length})`);
    assert.deepStrictEqual(
      top.children.map((c) => c.index),
      followedPapers.map((p) => p.index),
    );
    await until(() => papersView.treeView.badge?.value === followedPapers.length || undefined, 'the badge');
    const row = papers.getTreeItem(top.children[0]);
    assert.match(String(row.contextValue), /followed/);
    const decoration = followedDecorations.provideFileDecoration(row.resourceUri!);
    assert.strictEqual(decoration?.badge, '★');

    // Unfollow from the Followed group's row of the paper.
    await vscode.commands.executeCommand('digestLens.unfollowInstitution', top.children[0] as PaperNode);
    assert.deepStrictEqual(followed.all, []);
    await until(() => !(papers.getChildren()[0] as GroupNode).followed || undefined, 'the Followed group to go');
    await until(() => papersView.treeView.badge === undefined || undefined, 'the badge to go');
  });

  test("the user's aliases regroup the view", async () => {
    const editor = await openReport('2025-10_10-10');
    const { papers } = await api();
    papers.showDocument(editor.document);
    await vscode.commands.executeCommand('digestLens.groupBy', 'institution');
    const restore = await withSetting('institutions.aliases', { CNRS: 'Centre National de la Recherche Scientifique' });
    try {
      const keys = (papers.getChildren() as GroupNode[]).map((g) => g.key);
      assert.ok(
        keys.includes('Centre National de la Recherche Scientifique') && !keys.includes('CNRS'),
        keys.join(' | '),
      );
    } finally {
      await restore();
    }
  });
});
