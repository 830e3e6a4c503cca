import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEFAULT_TAXONOMY, type Digest } from '../../src/digest';
import { corpusReports } from '../corpus';
import { api, open, openReport, unescapeMarkdown, until, withSetting, workspaceFile } from './helpers';

async function hoverAt(uri: vscode.Uri, line: number, character = 0): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    new vscode.Position(line, character),
  );
  return hovers
    .flatMap((h) => h.contents)
    .filter(
      (c): c is vscode.MarkdownString =>
        c instanceof vscode.MarkdownString && /Digest Lens|institutions|Institutions|is read as/.test(c.value),
    );
}

const lensesOf = (uri: vscode.Uri) =>
  vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100000);

/** Every lens of a document: asked while no editor shows it (an editor gets the lenses around its view). */
async function allLensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await until(
    () => !vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()),
    'no editor to show the document',
  );
  return lensesOf(uri);
}

suite('hovers, CodeLens, outline and diagnostics', () => {
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
  });

  test('every paper of every corpus report has both lenses, landing on the exact lines', async () => {
    const { store } = await api();
    for (const name of corpusReports()) {
      const editor = await openReport(name);
      const digest = store.digestFor(editor.document)!;
      const lenses = await allLensesOf(editor.document.uri);
      const at = (line: number, command: string) =>
        lenses.filter((l) => l.range.start.line === line && l.command?.command === command);
      for (const paper of digest.papers) {
        const [abstract] = at(paper.brief!.line, 'digestLens.openAbstract');
        const [brief] = at(paper.details!.line, 'digestLens.openBrief');
        assert.ok(abstract && brief, `${name} paper ${paper.index} has both lenses`);
        assert.strictEqual(at(paper.brief!.line, 'digestLens.revealPaper').length, 1, 'and a technique lens');
        if (paper.index % 10 === 1) {
          await vscode.commands.executeCommand(abstract.command!.command, ...abstract.command!.arguments!);
          assert.strictEqual(vscode.window.activeTextEditor!.selection.active.line, paper.details!.line);
          await vscode.commands.executeCommand(brief.command!.command, ...brief.command!.arguments!);
          assert.strictEqual(vscode.window.activeTextEditor!.selection.active.line, paper.brief!.line);
        }
      }
    }
  });

  test('a missing partner gets a lens that says so, not a dead link', async () => {
    const { store } = await api();
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const digest = store.digestFor(editor.document)!;
    const lenses = await lensesOf(editor.document.uri);
    const seven = digest.papers.find((p) => p.index === 7)!;
    const [missing] = lenses.filter(
      (l) => l.range.start.line === seven.brief!.line && !l.command?.title.includes('$(tag)'),
    );
    assert.match(missing.command!.title, /No abstract/);
    assert.strictEqual(missing.command!.command, '');
    const eight = digest.papers.find((p) => p.index === 8)!;
    assert.match(lenses.find((l) => l.range.start.line === eight.details!.line)!.command!.title, /No brief/);
  });

  test('the CodeLens setting turns them off and on', async () => {
    const editor = await openReport('2025-10_10-10');
    const restore = await withSetting('codeLens.enabled', false);
    try {
      assert.strictEqual(
        (await lensesOf(editor.document.uri)).filter((l) => l.command?.command.startsWith('digestLens')).length,
        0,
      );
    } finally {
      await restore();
    }
    assert.ok((await allLensesOf(editor.document.uri)).length >= 63);
  });

  test('an editor gets the lenses around its view, and scrolling far brings those of the new view', async () => {
    const { store, codeLens } = await api();
    const editor = await openReport('2025-09_09-26');
    const digest = store.digestFor(editor.document)!;
    const lensLines = async () => new Set((await lensesOf(editor.document.uri)).map((l) => l.range.start.line));
    const last = digest.papers[digest.papers.length - 1].details!.line;
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await until(() => editor.visibleRanges[0]?.start.line === 0, 'the top in view');
    const top = await lensLines();
    assert.ok(top.has(digest.papers[0].brief!.line), 'the first paper has its lenses');
    assert.ok(!top.has(last), 'a paper thousands of lines below has none yet');
    assert.ok(top.size < digest.papers.length * 2, `${top.size} lens lines, not all of them`);

    const asked = new Promise<void>((resolve) => {
      const listener = codeLens.onDidChangeCodeLenses(() => {
        listener.dispose();
        resolve();
      });
    });
    editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.InCenter);
    await asked;
    const bottom = await lensLines();
    assert.ok(bottom.has(last), 'the last paper has its lens once in view');
    assert.ok(!bottom.has(digest.papers[0].brief!.line), 'the first paper, far above, no longer does');
  });

  test('the hover card shows the institutions and numbers of the right paper', async () => {
    const { store } = await api();
    const editor = await openReport('2025-10_10-10');
    const digest = store.digestFor(editor.document)!;
    for (const index of [1, 2, 4, 21]) {
      const paper = digest.papers.find((p) => p.index === index)!;
      for (const line of [paper.brief!.line, paper.brief!.textLine, paper.details!.line]) {
        const [card] = await hoverAt(editor.document.uri, line);
        const text = unescapeMarkdown(card.value);
        assert.ok(text.includes(`${index}. ${paper.title}`), `paper ${index} card on line ${line}`);
        for (const name of paper.details!.institutions) assert.ok(text.includes(name), name);
        for (const n of paper.headlineNumbers) assert.ok(text.includes(n.text), n.text);
        assert.ok(text.includes(`Authors**: ${paper.details!.authorCount}`));
        const other = digest.papers.find((p) => p.index === (index === 1 ? 2 : 1))!;
        assert.ok(!text.includes(other.title), 'no other paper leaks in');
      }
    }
    const [numberCard] = await hoverAt(
      editor.document.uri,
      digest.papers[1].headlineNumbers[2].line,
      digest.papers[1].headlineNumbers[2].column + 1,
    );
    assert.match(unescapeMarkdown(numberCard.value), /2\.15倍\*\* is read as speedup: 2\.15×/);
    const [split] = await hoverAt(editor.document.uri, digest.papers[0].details!.institutionsLine!, 20);
    assert.match(
      unescapeMarkdown(split.value),
      /3 institutions[\s\S]*1\. Northeastern University[\s\S]*3\. Kunming University of Science and Technology/,
    );
  });

  test('report text in a hover shows literally; only our commands are trusted', async () => {
    const { store } = await api();
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const digest = store.digestFor(editor.document)!;
    const injected = digest.papers.filter((p) => p.index === 6)[1];
    const [card] = await hoverAt(editor.document.uri, injected.brief!.line);
    assert.ok(!card.value.includes('](command:workbench'), "the title's link is not a link");
    assert.ok(!/<img/.test(card.value.replace(/\\</g, '')), "the title's HTML is escaped");
    assert.ok(card.value.includes('\\$\\(alert\\)'), "the title's $(icon) is not an icon");
    assert.ok(card.value.includes('\\*\\*Distillation\\*\\*') && card.value.includes('\\`Consistency\\`'));
    assert.ok(unescapeMarkdown(card.value).includes(injected.title), 'and it all reads as the title');
    assert.deepStrictEqual(card.isTrusted, {
      enabledCommands: ['digestLens.openAbstract', 'digestLens.openBrief', 'digestLens.openLibraryPaper'],
    });
    assert.strictEqual(card.supportHtml, false);
  });

  test('the hover card names the technique, an uncertain one as "A or B", and the words that decided it', async () => {
    const { store } = await api();
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const digest = store.digestFor(editor.document)!;
    const label = (id: string) => DEFAULT_TAXONOMY.find((t) => t.id === id)!.label.en;
    const uncertain = digest.papers.find((p) => p.techniques[1]?.alternative)!;
    const sure = digest.papers.find((p) => p.techniques.length === 1 && p.techniques[0].reasons.length)!;
    assert.ok(uncertain && sure, 'the sample has an uncertain paper and a sure one');
    for (const paper of [uncertain, sure]) {
      const [card] = await hoverAt(editor.document.uri, paper.brief!.line);
      const text = unescapeMarkdown(card.value);
      const [primary, second] = paper.techniques;
      const verdict = second?.alternative ? `${label(primary.id)} or ${label(second.id)}` : label(primary.id);
      assert.ok(text.includes(`**Technique**: ${verdict}  \n`), text);
      assert.ok(text.includes(`**Why**: “${primary.reasons[0].text}” in`), text);
    }
  });

  test('the hover setting turns the cards off', async () => {
    const editor = await openReport('2025-10_10-10');
    const restore = await withSetting('hover.enabled', false);
    try {
      assert.deepStrictEqual(await hoverAt(editor.document.uri, 6), []);
    } finally {
      await restore();
    }
    assert.strictEqual((await hoverAt(editor.document.uri, 6)).length, 1);
  });

  test('the outline shows the report, its two sections and its papers', async () => {
    const { store } = await api();
    const editor = await openReport('2025-10_10-10');
    const digest: Digest = store.digestFor(editor.document)!;
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    const report = symbols.find((s) => s.detail === '21 papers')!;
    assert.strictEqual(report.name, 'AI推理加速技术论文分析报告');
    assert.deepStrictEqual(
      report.children.map((s) => s.name),
      ['论文技术简报', '论文详细信息'],
    );
    const [briefs, details] = report.children;
    assert.deepStrictEqual(
      briefs.children.map((s) => s.name),
      digest.papers.map((p) => `${p.index}. ${p.title || p.briefName || `Untitled paper ${p.index}`}`),
    );
    assert.strictEqual(briefs.children[0].detail, 'KV Cache & Context Compression · 东北大学');
    assert.ok(
      [...briefs.children, ...details.children].every((s) => s.kind === vscode.SymbolKind.File),
      'papers read as papers (a page), not as generic objects',
    );
    assert.deepStrictEqual(
      details.children.map((s) => s.selectionRange.start.line),
      digest.papers.map((p) => p.details!.line),
    );
    const restore = await withSetting('outline.enabled', false);
    try {
      const plain = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      );
      assert.ok(!plain.some((s) => s.detail === '21 papers'), 'the setting turns our outline off');
    } finally {
      await restore();
    }
  });

  test("the diagnostics of each corpus report equal the core's problems", async () => {
    const { store } = await api();
    const severity = {
      error: vscode.DiagnosticSeverity.Error,
      warning: vscode.DiagnosticSeverity.Warning,
      info: vscode.DiagnosticSeverity.Information,
    };
    for (const name of corpusReports()) {
      const editor = await openReport(name);
      const digest = store.digestFor(editor.document)!;
      const diagnostics = await until(() => {
        const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Digest Lens');
        return found.length === digest.problems.length ? found : undefined;
      }, `${name} diagnostics`);
      // In English, the localized messages read exactly as the core's.
      const key = (line: number, code: string, s: vscode.DiagnosticSeverity, message: string) =>
        `${line}:${code}:${s}:${message}`;
      assert.deepStrictEqual(
        diagnostics
          .map((d) => key(d.range.start.line, (d.code as { value: string }).value, d.severity, d.message))
          .sort(),
        digest.problems.map((p) => key(p.line, p.code, severity[p.severity], p.message)).sort(),
        name,
      );
      for (const d of diagnostics) assert.match((d.code as { target: vscode.Uri }).target.path, /README\.md$/);
    }
  });

  test("the samples' diagnostics (every problem kind) read as the core's messages", async () => {
    const { store } = await api();
    for (const sample of ['sample-digest.zh.md', 'sample-digest.en.md']) {
      const editor = await open(workspaceFile(sample));
      const digest = store.digestFor(editor.document)!;
      const messages = await until(() => {
        const found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Digest Lens');
        return found.length === digest.problems.length ? found.map((d) => d.message).sort() : undefined;
      }, `${sample} diagnostics`);
      assert.deepStrictEqual(messages, digest.problems.map((p) => p.message).sort());
    }
  });

  test('the count quick fix edits only the count line, and only when chosen', async () => {
    const { store } = await api();
    const editor = await open(workspaceFile('sample-digest.en.md'));
    const before = editor.document.getText();
    const problem = store.digestFor(editor.document)!.problems.find((p) => p.code === 'count-mismatch')!;
    await until(
      () => vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.range.start.line === problem.line),
      'the count diagnostic',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      new vscode.Range(problem.line, 0, problem.line, 0),
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Set Papers analysed to 4')!;
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.strictEqual(editor.document.getText(), before, 'offering a fix changes nothing');
    await vscode.workspace.applyEdit(fix.edit!);
    const after = editor.document.getText().split('\n');
    const original = before.split('\n');
    assert.strictEqual(after.length, original.length);
    assert.deepStrictEqual(
      after.map((l, i) => (l === original[i] ? null : i)).filter((i) => i !== null),
      [problem.line],
    );
    assert.strictEqual(after[problem.line], 'Papers analysed: 4');
    await until(
      () => !store.digestFor(editor.document)!.problems.some((p) => p.code === 'count-mismatch') || undefined,
      'the problem to go',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('diagnostics follow edits, and the setting turns them off', async () => {
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const count = () =>
      vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Digest Lens').length;
    const initial = await until(() => count() || undefined, 'diagnostics');
    const restore = await withSetting('diagnostics.enabled', false);
    try {
      await until(() => count() === 0 || undefined, 'diagnostics cleared');
    } finally {
      await restore();
    }
    await until(() => count() === initial || undefined, 'diagnostics back');
    const detailsLine = (await api()).store.digestFor(editor.document)!.detailsLine!;
    await editor.edit((b) => b.insert(new vscode.Position(detailsLine, 0), '### 99. \n\n'));
    await until(() => count() > initial || undefined, 'diagnostics for the new problems');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
