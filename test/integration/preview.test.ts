import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as vscode from 'vscode';
import { parseDigest } from '../../src/digest';
import { corpusReports, readLabels, readReport } from '../corpus';
import { checkPreviewHtml, marksOf } from '../previewChecks';
import { api, open, until, withSetting, workspaceFile } from './helpers';

/** The HTML VS Code's Markdown preview shows for a text or a document, through its public command. */
const render = (input: string | vscode.TextDocument) =>
  vscode.commands.executeCommand<string>('markdown.api.render', input);

suite("the preview plugin in VS Code's Markdown preview", () => {
  suiteSetup(async () => {
    await api();
  });

  test('every corpus report renders with its chips, marked numbers, links and notes', async function () {
    const reports = corpusReports();
    if (!reports.length) this.skip();
    const labels = readLabels();
    let labelledNumbersChecked = 0;
    for (const name of reports) {
      const text = readReport(name);
      const html = await render(text);
      labelledNumbersChecked += checkPreviewHtml(
        html,
        parseDigest(text),
        labels.filter((l) => l.report === name),
      );
    }
    if (labels.length) assert.ok(labelledNumbersChecked > 500, `${labelledNumbersChecked} labelled numbers checked`);
  });

  test('a digest over digestLens.maxFileSizeMB is left as VS Code renders it', async () => {
    const sample = readFileSync(workspaceFile('sample-digest.en.md').fsPath, 'utf8');
    // Over 1 MB (the smallest limit) with notes after the papers.
    const large = sample + '\n' + 'Notes on this digest, repeated to make it large.\n\n'.repeat(24000);
    assert.match(await render(large), /data-technique=/, 'decorated under the default limit');
    const restore = await withSetting('maxFileSizeMB', 1);
    try {
      assert.doesNotMatch(await render(large), /data-technique=|dl-/);
    } finally {
      await restore();
    }
  });

  test('a settings change that reclassifies papers renders the document again', async () => {
    const editor = await open(workspaceFile('sample-digest.en.md'));
    const techniques = async () =>
      new Set([...(await render(editor.document)).matchAll(/data-technique="([^"]+)"/g)].map((m) => m[1]));
    assert.ok(
      [...(await techniques())].some((id) => id !== 'other'),
      'the default taxonomy at first',
    );
    const restore = await withSetting('techniques.replaceDefaults', true);
    try {
      await until(async () => {
        const ids = await techniques();
        return ids.size === 1 && ids.has('other');
      }, 'every chip to read "other" once only the Other group is left');
    } finally {
      await restore();
    }
  });

  test('an open digest renders as edited, unsaved edits included', async () => {
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const { store } = await api();
    const paper = store.digestFor(editor.document)!.papers[0];
    const line = editor.document.lineAt(paper.brief!.textLine);
    await editor.edit((edit) => edit.insert(line.range.end, '另外达成了7.5倍吞吐提升。'));
    try {
      assert.ok(marksOf(await render(editor.document)).includes('7.5倍'), 'the number typed is marked');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(!marksOf(await render(editor.document)).includes('7.5倍'), 'and gone once reverted');
  });

  test("keeps VS Code's own heading anchors", async () => {
    const editor = await open(workspaceFile('sample-digest.zh.md'));
    const html = await render(editor.document);
    // VS Code gives each heading an id from its text: the chip inside must not change it.
    const briefHeading = /<h3[^>]*\sid="([^"]+)"[^>]*>([^<]*)<span class="dl-paper"/.exec(html);
    assert.ok(briefHeading, 'a paper heading with its chip');
    const slugOfText = briefHeading[2].trim().toLowerCase().replace(/[.:]/g, '').replace(/\s+/g, '-');
    assert.strictEqual(decodeURIComponent(briefHeading[1]), slugOfText);
  });

  test('report text the plugin shows (an institution, a heading in a note) stays text', async () => {
    // VS Code's own preview renders HTML written in a report (and sanitizes it); what the
    // plugin adds must never be HTML, whatever the report says.
    const hostile = '<img src=x onerror=alert(1)>';
    const html = await render(
      `# AI推理加速技术论文分析报告\n分析论文数量: 1篇\n\n## 论文技术简报\n\n### 1. Title\n\n${hostile}发布了X论文，使用量化技术，解决了问题，达成了速度提升2倍的效果。\n\n### ${hostile}\n\n## 论文详细信息\n\n### 1. Title\n\n**主要机构**: A\n**作者数量**: 5人\n\n**摘要**:\nText.\n`,
    );
    const institution = /<span class="dl-institution">([^<]*)<\/span>/.exec(html);
    assert.strictEqual(institution?.[1], '&lt;img src=x onerror=alert(1)&gt;');
    const notes = [...html.matchAll(/<p class="dl-note[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]);
    assert.ok(
      notes.some((note) => note.includes('&lt;img src=x onerror=alert(1)&gt;')),
      `the unnumbered heading is named as text in its note: ${notes.join(' | ')}`,
    );
    assert.deepStrictEqual(marksOf(html), ['2倍']);
  });

  test('a Markdown file that is not a digest is left alone', async () => {
    const editor = await open(workspaceFile('notes.md'));
    const html = await render(editor.document);
    assert.ok(html.includes('Budget'));
    assert.ok(!/dl-|data-technique/.test(html), html);
  });
});
