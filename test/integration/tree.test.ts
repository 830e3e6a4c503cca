import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEFAULT_TAXONOMY, strongestNumber, compareStrength, type Digest } from '../../src/digest';
import type { GroupNode, PaperNode, PapersNode } from '../../src/papers/papersTree';
import { createInstitutionNames } from '../../src/library/institutionAliases';
import { primaryInstitution } from '../../src/library/paperInstitutions';
import { corpusReports } from '../corpus';
import { api, open, openReport, sleep, unescapeMarkdown, until, withSetting, workspaceFile } from './helpers';

const names = createInstitutionNames();
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

async function showInTree(editor: vscode.TextEditor) {
  const { papers, store } = await api();
  papers.showDocument(editor.document);
  return { papers, digest: store.digestFor(editor.document)! };
}

/** Shows the Papers view beside the editor: a hidden view regroups only when shown. */
async function showPapersView(editor: vscode.TextEditor) {
  const { papersView } = await api();
  await vscode.commands.executeCommand('digestLens.papers.focus');
  await until(() => papersView.treeView.visible, 'the Papers view to show');
  await vscode.window.showTextDocument(editor.document, { preview: false });
}

suite('Papers view', () => {
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('digestLens.groupBy', 'technique');
    await vscode.commands.executeCommand('digestLens.sortBy', 'document');
    await vscode.commands.executeCommand('digestLens.clearFilter');
  });

  test('groups and counts equal the model, for every corpus report', async () => {
    for (const name of corpusReports()) {
      const { papers, digest } = await showInTree(await openReport(name));
      const primaries = new Map<string, number>();
      for (const p of digest.papers) primaries.set(p.techniques[0].id, (primaries.get(p.techniques[0].id) ?? 0) + 1);
      const expected = DEFAULT_TAXONOMY.filter((t) => primaries.has(t.id)).map(
        (t) => `${t.label.en} (${primaries.get(t.id)})`,
      );
      const groups = papers.getChildren() as GroupNode[];
      assert.deepStrictEqual(
        groups.map((g) => label(papers.getTreeItem(g))),
        expected,
        name,
      );
      assert.strictEqual(
        groups.reduce((n, g) => n + g.children.length, 0),
        digest.papers.length,
        name,
      );
      if (primaries.has('other')) assert.strictEqual(groups[groups.length - 1].key, 'other', 'Other comes last');
    }
  });

  test('secondary techniques are listed, marked and counted apart when the setting is on', async () => {
    const restore = await withSetting('tree.secondaryTechniques', true);
    try {
      const { papers, digest } = await showInTree(await openReport('2025-10_10-10'));
      await until(
        () => (papers.getChildren() as GroupNode[]).some((g) => g.children.some((c) => c.secondary)),
        'secondary entries',
      );
      const groups = papers.getChildren() as GroupNode[];
      const secondary = digest.papers.reduce((n, p) => n + p.techniques.length - 1, 0);
      assert.strictEqual(
        groups.reduce((n, g) => n + g.children.filter((c) => c.secondary).length, 0),
        secondary,
      );
      const withSecondary = groups.find((g) => g.children.some((c) => c.secondary))!;
      const item = papers.getTreeItem(withSecondary);
      assert.strictEqual(item.description, `+${withSecondary.children.length - withSecondary.primaryCount} secondary`);
      const row = papers.getTreeItem(withSecondary.children.find((c) => c.secondary)!);
      assert.match(String(row.description), /^secondary/);
      assert.strictEqual(row.contextValue, 'paper secondary');
      const multi = digest.papers.find((p) => p.techniques.length > 1)!;
      const rows = papers.nodesOf({ index: multi.index, occurrence: 0 });
      assert.strictEqual(rows.length, multi.techniques.length);
      assert.strictEqual(rows[0].secondary, false, 'the primary row comes first, for reveal');
      assert.strictEqual((rows[0].parent as GroupNode).key, multi.techniques[0].id);
    } finally {
      await restore();
    }
  });

  test('group by institution and by none; sort by title and by strongest result', async () => {
    const { papers, digest } = await showInTree(await openReport('2025-09_09-26'));
    await vscode.commands.executeCommand('digestLens.groupBy', 'institution');
    const byInstitution = papers.getChildren() as GroupNode[];
    assert.strictEqual(
      byInstitution.reduce((n, g) => n + g.children.length, 0),
      digest.papers.length,
    );
    for (const group of byInstitution) {
      for (const child of group.children) {
        const paper = digest.papers.find((p) => p.index === child.index)!;
        assert.strictEqual(group.key, primaryInstitution(paper, names)?.name ?? '');
      }
    }

    await vscode.commands.executeCommand('digestLens.groupBy', 'none');
    const flat = papers.getChildren() as PaperNode[];
    assert.deepStrictEqual(
      flat.map((n) => n.index),
      digest.papers.map((p) => p.index),
      'document order',
    );
    assert.ok(flat.every((n) => n.kind === 'paper' && papers.getParent(n) === undefined));

    await vscode.commands.executeCommand('digestLens.sortBy', 'title');
    const titles = (papers.getChildren() as PaperNode[])
      .map((n) => digest.papers.find((p) => p.index === n.index)!)
      .map((p) => p.title || p.briefName);
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    for (let i = 1; i < titles.length; i++)
      assert.ok(collator.compare(titles[i - 1], titles[i]) <= 0, `${titles[i - 1]} ≤ ${titles[i]}`);

    await vscode.commands.executeCommand('digestLens.sortBy', 'strongest');
    const strongest = (papers.getChildren() as PaperNode[]).map((n) =>
      strongestNumber(digest.papers.find((p) => p.index === n.index)!.headlineNumbers),
    );
    const firstMissing = strongest.findIndex((n) => !n);
    assert.ok(
      strongest.slice(firstMissing < 0 ? strongest.length : firstMissing).every((n) => !n),
      'papers without numbers come last',
    );
    const ranked = strongest.filter((n) => n) as NonNullable<(typeof strongest)[number]>[];
    for (let i = 1; i < ranked.length; i++) assert.ok(compareStrength(ranked[i - 1], ranked[i]) <= 0);
  });

  test('the filter matches titles, institutions, technique labels and briefs, in English and Chinese', async () => {
    const { papers, digest } = await showInTree(await openReport('2025-10_10-10'));
    const shown = () =>
      (papers.getChildren() as PapersNode[])
        .flatMap((n) => (n.kind === 'group' ? n.children : [n]))
        .map((n) => n.index)
        .sort((a, b) => a - b);
    const api_ = await api();
    const message = () => api_.papersView.treeView.message;

    await vscode.commands.executeCommand('digestLens.filter', 'kv cache');
    const kv = digest.papers
      .filter(
        (p) =>
          p.techniques.some((t) => t.id === 'kv-cache') ||
          /kv cache/i.test([p.title, p.briefName, p.brief!.text, p.details!.institutionsText].join(' ')),
      )
      .map((p) => p.index);
    assert.deepStrictEqual(
      shown(),
      kv.sort((a, b) => a - b),
    );
    assert.match(message() ?? '', /“kv cache”/);

    await vscode.commands.executeCommand('digestLens.filter', 'KV缓存');
    assert.ok(
      shown().length >= 1 && shown().every((i) => kv.includes(i) || /KV缓存/.test(digest.papers[i - 1].brief!.text)),
    );

    await vscode.commands.executeCommand('digestLens.filter', '东北大学');
    assert.deepStrictEqual(shown(), [1]);

    await vscode.commands.executeCommand('digestLens.filter', 'northeastern');
    assert.deepStrictEqual(shown(), [1], 'matches the details institutions');

    await vscode.commands.executeCommand('digestLens.filter', 'no paper says this');
    assert.deepStrictEqual(papers.getChildren(), [], 'groups left empty disappear');

    await vscode.commands.executeCommand('digestLens.clearFilter');
    assert.strictEqual(shown().length, 21);
    assert.strictEqual(message(), undefined);
  });

  test('clicking a paper puts the cursor at its brief heading, in view and marked; Open Abstract at its details heading', async () => {
    const { papers, digest } = await showInTree(await openReport('2025-10_10-10'));
    const { lineMarker } = await api();
    /** The cursor, not a selection the next keystroke would overwrite, on a line in view and marked. */
    const assertLandedOn = async (line: number) => {
      const editor = vscode.window.activeTextEditor!;
      assert.ok(editor.selection.isEmpty, 'the heading is not selected');
      assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [line, 0]);
      // The editor's visible ranges reach the extension host after the reveal.
      await until(
        () => editor.visibleRanges.some((r) => r.start.line <= line && line <= r.end.line),
        'the heading in view',
      );
      assert.strictEqual(lineMarker.marked?.line, line, 'the line is marked');
      assert.strictEqual(lineMarker.marked?.editor, editor);
    };
    for (const index of [1, 11, 21]) {
      const [node] = papers.nodesOf({ index, occurrence: 0 });
      const item = papers.getTreeItem(node);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      const paper = digest.papers.find((p) => p.index === index)!;
      await assertLandedOn(paper.brief!.line);
      await vscode.commands.executeCommand('digestLens.openAbstract', node);
      await assertLandedOn(paper.details!.line);
    }
    // The user's next move takes the mark away.
    await vscode.commands.executeCommand('cursorDown');
    await until(() => lineMarker.marked === undefined, 'the mark to go at the next cursor move');
  });

  test('follow cursor selects the paper under the cursor, without taking focus', async () => {
    const { papersView } = await api();
    const editor = await openReport('2025-10_10-10');
    const { digest } = await showInTree(editor);
    await vscode.commands.executeCommand('digestLens.papers.focus');
    await vscode.window.showTextDocument(editor.document, { preview: false });
    for (const [index, part] of [
      [7, 'brief'],
      [12, 'details'],
      [3, 'brief'],
    ] as const) {
      const paper = digest.papers.find((p) => p.index === index)!;
      const line = part === 'brief' ? paper.brief!.textLine : paper.details!.abstractLine!;
      editor.selection = new vscode.Selection(line, 2, line, 2);
      await until(
        () =>
          papersView.treeView.selection[0]?.kind === 'paper' &&
          (papersView.treeView.selection[0] as PaperNode).index === index,
        `paper ${index} selected`,
      );
      assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document, 'the editor keeps focus');
    }
  });

  test('Reveal in Papers selects the paper under the cursor on demand', async () => {
    const { papersView } = await api();
    const editor = await openReport('2025-10_10-10');
    const { digest } = await showInTree(editor);
    const paper = digest.papers.find((p) => p.index === 18)!;
    editor.selection = new vscode.Selection(paper.details!.line, 0, paper.details!.line, 0);
    await vscode.commands.executeCommand('digestLens.revealInPapers');
    await until(() => (papersView.treeView.selection[0] as PaperNode | undefined)?.index === 18, 'paper 18 selected');
  });

  test('empty titles and placeholder briefs of the corpus render as specified', async () => {
    const { papers, digest } = await showInTree(await openReport('2025-09_09-15_ai_inference_report_20250923_112629'));
    for (const paper of digest.papers) {
      const item = papers.getTreeItem(papers.nodesOf({ index: paper.index, occurrence: 0 })[0]);
      assert.strictEqual(label(item), `${paper.index}. ‹Untitled paper ${paper.index}›`);
      assert.strictEqual(
        item.resourceUri?.scheme,
        'digest-lens-paper',
        'rows carry the URI the problem decoration marks',
      );
    }
    const reference = await showInTree(await openReport('2025-10_10-10'));
    const twenty = reference.papers.getTreeItem(reference.papers.nodesOf({ index: 20, occurrence: 0 })[0]);
    assert.strictEqual(
      label(twenty),
      '20. ‹研究趋势测量›',
      "an empty title falls back to the brief's name for the paper",
    );
    const { papersView } = await api();
    const decoration = await papersView.decorations.provideFileDecoration(
      twenty.resourceUri!,
      new vscode.CancellationTokenSource().token,
    );
    assert.strictEqual(decoration?.badge, '!');
    assert.match(decoration!.tooltip!, /empty title/);
    const fine = reference.papers.getTreeItem(reference.papers.nodesOf({ index: 1, occurrence: 0 })[0]);
    assert.strictEqual(
      await papersView.decorations.provideFileDecoration(fine.resourceUri!, new vscode.CancellationTokenSource().token),
      undefined,
    );
  });

  test('rows show the short institution and strongest number; tooltips are escaped Markdown', async () => {
    const { papers } = await showInTree(await openReport('2025-10_10-10'));
    const node = papers.nodesOf({ index: 2, occurrence: 0 })[0];
    const item = papers.getTreeItem(node);
    assert.strictEqual(label(item), '2. BALDWHISPER: Faster Whisper with Head Shearing and Layer Merging');
    assert.strictEqual(item.description, 'CNRS · 2.15倍');
    const tooltip = papers.resolveTreeItem(item, node).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /CNRS; LORIA/);
    assert.match(tooltip.value, /Authors: 3/);
    assert.match(tooltip.value, /90%.*48%.*2\\\.15倍/);
    assert.strictEqual(tooltip.isTrusted, false);
  });

  test('an uncertain paper says "A or B" on its row, why in its tooltip, and shows under both groups', async () => {
    const restore = await withSetting('tree.secondaryTechniques', true);
    try {
      const { papers, digest } = await showInTree(await open(workspaceFile('sample-digest.zh.md')));
      const paper = digest.papers.find((p) => p.techniques[1]?.alternative)!;
      const [primary, alternative] = paper.techniques;
      const techniqueName = (id: string) => DEFAULT_TAXONOMY.find((t) => t.id === id)!.label.en;
      await until(() => papers.nodesOf({ index: paper.index, occurrence: 0 }).length > 1, 'both rows');
      const rows = papers.nodesOf({ index: paper.index, occurrence: 0 });
      assert.deepStrictEqual(
        rows.map((r) => (r.parent as GroupNode).key),
        paper.techniques.map((t) => t.id),
      );
      const item = papers.getTreeItem(rows[0]);
      assert.ok(String(item.description).includes(`${techniqueName(primary.id)} or ${techniqueName(alternative.id)}`));
      const tooltip = papers.resolveTreeItem(item, rows[0]).tooltip as vscode.MarkdownString;
      const text = unescapeMarkdown(tooltip.value);
      assert.ok(text.includes(`Technique: ${techniqueName(primary.id)} or ${techniqueName(alternative.id)}`), text);
      assert.ok(text.includes(`Why: “${primary.reasons[0].text}” in`), text);
    } finally {
      await restore();
    }
  });

  test('digestLens.tree.titleCase off shows a title in capitals as written', async () => {
    const { papers } = await showInTree(await openReport('2025-10_10-10'));
    const restore = await withSetting('tree.titleCase', false);
    try {
      const item = papers.getTreeItem(papers.nodesOf({ index: 2, occurrence: 0 })[0]);
      assert.strictEqual(label(item), '2. BALDWHISPER: FASTER WHISPER WITH HEAD SHEARING AND LAYER MERGING');
    } finally {
      await restore();
    }
  });

  test('node ids are stable across an edit', async () => {
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const { papers, store } = await api();
    papers.showDocument(editor.document);
    await showPapersView(editor);
    const ids = () => (papers.getChildren() as GroupNode[]).flatMap((g) => [g.id, ...g.children.map((c) => c.id)]);
    const before = ids();
    const digest: Digest = store.digestFor(editor.document)!;
    const rowsBefore = papers.getChildren();
    const edited = digest.papers[1];
    const line = edited.brief!.textLine;
    // The edit is applied to the parse and announced at once, perhaps before edit() resolves.
    const refreshed = new Promise<PapersNode | PapersNode[] | undefined>((resolve) => {
      const listener = papers.onDidChangeTreeData((nodes) => {
        listener.dispose();
        resolve(nodes);
      });
    });
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), '新'));
    const refreshedRows = await refreshed;
    assert.notStrictEqual(store.digestFor(editor.document), digest, 'the edit was parsed again');
    assert.deepStrictEqual(ids(), before);
    // Only the edited paper's rows are refreshed; VS Code keeps the others.
    assert.strictEqual(papers.getChildren(), rowsBefore, 'the rows are kept');
    assert.deepStrictEqual(refreshedRows, papers.nodesOf({ index: edited.index, occurrence: 0 }));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('while the view is hidden, an edit only marks the tree for regrouping when shown', async () => {
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const { papers, papersView, store } = await api();
    papers.showDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await until(() => !papersView.treeView.visible, 'the Papers view to hide');
    await sleep(400); // past the store's window
    const events: (PapersNode | PapersNode[] | undefined)[] = [];
    const listener = papers.onDidChangeTreeData((nodes) => events.push(nodes));
    try {
      const line = store.digestFor(editor.document)!.papers[1].brief!.textLine;
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), '新'));
      await until(() => events.length > 0 && events, 'the tree to hear of the edit');
      assert.deepStrictEqual(events, [undefined]);
    } finally {
      listener.dispose();
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('an edit that moves a paper to another group refreshes the whole tree', async () => {
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const { papers, store } = await api();
    papers.showDocument(editor.document);
    await showPapersView(editor);
    papers.getChildren();
    const paper = store.digestFor(editor.document)!.papers[4];
    assert.strictEqual(paper.techniques[0].id, 'token-reduction');
    await sleep(400); // past the store's window, so that earlier tests' edits are announced
    const events: (PapersNode | PapersNode[] | undefined)[] = [];
    const listener = papers.onDidChangeTreeData((nodes) => events.push(nodes));
    try {
      const line = paper.brief!.textLine;
      await editor.edit((b) =>
        b.replace(
          editor.document.lineAt(line).range,
          '某实验室发布了SlimViT论文，使用投机解码、草稿模型与并行解码技术，解决了解码慢的问题，达成了2倍加速的效果。',
        ),
      );
      await until(() => events.length > 0 && events, 'the tree to refresh');
      assert.deepStrictEqual(events, [undefined], 'every row is rebuilt');
    } finally {
      listener.dispose();
    }
    const group = (papers.getChildren() as GroupNode[]).find((g) =>
      g.children.some((c) => c.index === paper.index && !c.secondary),
    );
    assert.strictEqual(group?.key, 'speculative-decoding');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the context menu copies the title, the brief and a Markdown link to the heading', async () => {
    const { papers, digest } = await showInTree(await openReport('2025-10_10-10'));
    const node = papers.nodesOf({ index: 2, occurrence: 0 })[0];
    await vscode.commands.executeCommand('digestLens.copyTitle', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), digest.papers[1].title);
    await vscode.commands.executeCommand('digestLens.copyBrief', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), digest.papers[1].brief!.text);
  });

  test('Copy as Markdown Link: a link that VS Code resolves to the heading from a file in another subfolder', async () => {
    // A report in a folder whose names need escaping, with a title that could end a link early.
    const sample = await vscode.workspace.fs.readFile(workspaceFile('sample-digest.en.md'));
    const report = workspaceFile('reports (old)/day 1.md');
    await vscode.workspace.fs.writeFile(
      report,
      Buffer.from(
        Buffer.from(sample)
          .toString('utf8')
          .replace(/NanoServe:/g, 'NanoServe (v2) [draft]:'),
      ),
    );
    const { papers } = await showInTree(await open(report));
    await vscode.commands.executeCommand('digestLens.copyMarkdownLink', papers.nodesOf({ index: 1, occurrence: 0 })[0]);
    const link = await vscode.env.clipboard.readText();
    assert.ok(link.startsWith('[NanoServe (v2) \\[draft\\]: Disaggregated'), link);

    const note = workspaceFile('notes/deep/links.md');
    await vscode.workspace.fs.writeFile(note, Buffer.from(`See ${link} for details.\n`));
    const noteDocument = await vscode.workspace.openTextDocument(note);
    const links = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', note, 1);
      return found.length ? found : undefined;
    }, 'the Markdown extension to find the link');
    assert.strictEqual(links.length, 1, 'one link, not cut short by a parenthesis');
    assert.strictEqual(noteDocument.getText(links[0].range), link.slice(link.indexOf('](') + 2, -1));
    const target = links[0].target;
    assert.ok(target, 'VS Code resolved the link');
    // VS Code's Markdown opens the report at the heading's line (1-based).
    assert.strictEqual(target.with({ fragment: '' }).toString(), report.toString(), target.toString());
    const heading = (await api()).store.digestFor(await vscode.workspace.openTextDocument(report))!.papers[0].brief!
      .line;
    assert.match(target.fragment, new RegExp(`^L${heading + 1}\\b`), target.toString());
  });

  test('grouping and sorting are remembered for the workspace', async () => {
    await vscode.commands.executeCommand('digestLens.groupBy', 'institution');
    await vscode.commands.executeCommand('digestLens.sortBy', 'title');
    const { papersView } = await api();
    assert.deepStrictEqual(
      [papersView.provider.state.groupBy, papersView.provider.state.sortBy],
      ['institution', 'title'],
    );
    const { groupBy, sortBy } = papersView.remembered();
    assert.deepStrictEqual({ groupBy, sortBy }, { groupBy: 'institution', sortBy: 'title' });
  });
});
