import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { paperAtLine } from '../../src/digest';
import { Library, type LibraryEntry } from '../../src/library';
import { findMarkdownFiles, readDigest, type SkippedFile } from '../../src/node/digestFiles';
import type { LibraryPaperNode } from '../../src/papers/libraryTree';
import type { PapersNode } from '../../src/papers/papersTree';
import { briefAnchor } from '../../src/preview/digestPreviewPlugin';
import { LibraryService } from '../../src/workspaceLibrary/libraryService';
import { ReadingStateStore } from '../../src/workspaceLibrary/readingStateStore';
import { corpusReports } from '../corpus';
import { api, open, until, unescapeMarkdown, workspaceDir } from './helpers';

/** The re-run fixtures as the test workspace holds them (scripts/test-workspace.mjs). */
const rerunFile = (name: string) => vscode.Uri.file(path.join(workspaceDir(), 'library', 'rerun', name));
const DAY1 = '2025-10-09_report.md';
const RERUN = '2025-10-09_report_rerun.md';
const DAY2 = '2025-10-10_report.md';
const PAGED_KV = 'PagedKV: Elastic KV Cache Paging for Long-Context LLM Serving';

/** The library the core builds from the workspace's files, as the CLI does: the figures the editor must match. */
function coreLibrary(): Library {
  const notes: SkippedFile[] = [];
  const library = new Library();
  for (const file of findMarkdownFiles(workspaceDir(), notes)) {
    const digest = readDigest(file, 20, notes);
    if (digest) library.addDigest(file, digest);
  }
  return library;
}

async function indexed(): Promise<LibraryService> {
  const { library } = await api();
  await library.ready;
  await until(() => !library.busy || undefined, 'the library to finish indexing', 60000);
  return library;
}

function entryTitled(service: LibraryService, title: string): LibraryEntry {
  const entry = [...service.library.entries()].find((e) => e.title === title);
  assert.ok(entry, `an entry titled ${title}`);
  return entry;
}

suite('the library in the editor', () => {
  suiteSetup(async function () {
    if (!corpusReports().length) this.skip();
    // Earlier suites may leave a digest edited and unsaved: the library reads what the editor
    // shows, the core what is on disk. Revert, so both read the files.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("the library's digest, paper and distinct-paper counts equal the core's over the same files", async () => {
    const service = await indexed();
    const core = coreLibrary().counts;
    // A reverted document reaches the library when the store announces it (within its 150 ms window).
    await until(() => service.library.counts.papers === core.papers || undefined, 'the reverted digests').catch(
      () => undefined,
    );
    assert.ok(core.digests >= 24 + 3, `the corpus and the re-run fixtures are in the workspace (${core.digests})`);
    const papersByReport = (library: Library, name: (path: string) => string) =>
      Object.fromEntries(library.digests().map((d) => [name(d.path), d.papers.length]));
    assert.deepStrictEqual(
      papersByReport(service.library, (p) => vscode.workspace.asRelativePath(vscode.Uri.parse(p))),
      papersByReport(coreLibrary(), (p) => p),
    );
    assert.deepStrictEqual(service.library.counts, core);
  });

  test('a re-run day merges: the same paper with another case, width and punctuation, or without its title, is one entry', async () => {
    const service = await indexed();
    const pagedKv = entryTitled(service, PAGED_KV);
    assert.deepStrictEqual(
      pagedKv.appearances.map((a) => path.basename(vscode.Uri.parse(a.report).path)),
      [DAY1, RERUN, DAY2],
    );
    const [, , day2] = pagedKv.appearances;
    assert.strictEqual(pagedKv.newest, day2, 'the newest appearance is the next day');
    const untitled = [...service.library.entries()].find((e) =>
      e.appearances.some((a) => a.report === rerunFile(RERUN).toString() && a.title === ''),
    );
    assert.ok(untitled, 'the re-run paper without a title');
    assert.strictEqual(untitled.appearances.length, 2, 'it joins its titled appearance by its abstract');
  });

  test('Go to Paper ranks the library as the user types and lands on the paper heading of its newest appearance', async () => {
    const service = await indexed();
    const entry = entryTitled(service, 'Early Exit for Reasoning Models');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Fire and forget: the quick pick stays open until accepted below.
    void vscode.commands.executeCommand('digestLens.goToPaper', 'Early Exit for Reasoning Models');
    // The first item is previewed without leaving the quick pick.
    const preview = await until(
      () => vscode.window.activeTextEditor?.document.uri.toString() === entry.newest.report || undefined,
      'the preview of the first item',
    );
    assert.ok(preview);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const editor = await until(
      () =>
        vscode.window.activeTextEditor?.selection.active.line === entry.newest.line
          ? vscode.window.activeTextEditor
          : undefined,
      'the editor on the paper',
    );
    assert.strictEqual(editor.document.uri.toString(), entry.newest.report);
    assert.match(editor.document.lineAt(entry.newest.line).text, /^### \d+\. Early Exit for Reasoning Models/);
  });

  test('workspace symbols: one per library entry, named by its title, at its newest appearance', async () => {
    const service = await indexed();
    const entry = entryTitled(service, PAGED_KV);
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      'PagedKV',
    );
    const ours = symbols.filter((s) => s.name === PAGED_KV);
    assert.strictEqual(ours.length, 1, 'three appearances, one symbol');
    assert.strictEqual(ours[0].location.uri.toString(), entry.newest.report);
    assert.strictEqual(ours[0].location.range.start.line, entry.newest.line);
  });

  test('the hover says where else the paper appears, as links to our open command only', async () => {
    const service = await indexed();
    const entry = entryTitled(service, PAGED_KV);
    const editor = await open(rerunFile(DAY2));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(entry.newest.line, 5),
    );
    const card = hovers
      .flatMap((h) => h.contents)
      .find((c) => c instanceof vscode.MarkdownString && /Also in/.test(c.value));
    assert.ok(card instanceof vscode.MarkdownString, 'a card with Also in');
    const links = [...card.value.matchAll(/\]\(command:([\w.]+)\?([^)]*)\)/g)];
    const alsoIn = links.filter(([, command]) => command === 'digestLens.openLibraryPaper');
    assert.deepStrictEqual(
      alsoIn.map(([, , args]) => JSON.parse(decodeURIComponent(args))[0]),
      entry.appearances.slice(0, 2).map((a) => ({ report: a.report, line: a.line })),
    );
    assert.match(unescapeMarkdown(card.value), /Also in \[2025-10-09 #\d+\]/);
    assert.deepStrictEqual(card.isTrusted, {
      enabledCommands: ['digestLens.openAbstract', 'digestLens.openBrief', 'digestLens.openLibraryPaper'],
    });
  });

  test('the Markdown preview marks read and starred papers, in every digest holding them', async () => {
    const service = await indexed();
    const { readingState } = await api();
    const entry = entryTitled(service, PAGED_KV);
    const before = readingState.all;
    const chipOf = (html: string, index: number) => {
      const start = html.indexOf(`id="${briefAnchor(index, 0)}"`);
      assert.ok(start >= 0, `the chip of paper ${index}`);
      return html.slice(start, html.indexOf('</a>', start));
    };
    const render = async (name: string) => {
      const text = fs.readFileSync(rerunFile(name).fsPath, 'utf8');
      return { html: await vscode.commands.executeCommand<string>('markdown.api.render', text), text };
    };
    try {
      await readingState.update([entry], { read: false, starred: false });
      const { html: unmarked } = await render(RERUN);
      assert.doesNotMatch(unmarked, /dl-starred|dl-read/);
      await readingState.update([entry], { read: true, starred: true });
      // The re-run report writes the paper with an empty title: it is found by its abstract.
      const { html } = await render(RERUN);
      const rerunPaper = service.library
        .digests()
        .find((d) => d.path === rerunFile(RERUN).toString())!
        .papers.find((p) => entry.appearances.includes(p))!;
      const chip = chipOf(html, rerunPaper.index);
      assert.match(chip, /dl-read/);
      assert.match(chip, /dl-starred/);
      assert.strictEqual((html.match(/dl-starred/g) ?? []).length, 1, 'only that paper is marked');
    } finally {
      await readingState.memento.update('digestLens.readingState', before);
    }
  });

  test('reading state follows the paper: into every digest holding it, through a regenerated report and a reload', async () => {
    const service = await indexed();
    const { readingState, store } = await api();
    const editor = await open(rerunFile(DAY1));
    const digest = store.digestFor(editor.document)!;
    const paper = digest.papers.find((p) => p.title === PAGED_KV)!;
    await vscode.commands.executeCommand('digestLens.toggleStar', {
      uri: editor.document.uri.toString(),
      index: paper.index,
      occurrence: 0,
    });
    editor.selection = new vscode.Selection(paper.brief!.line, 0, paper.brief!.line, 0);
    await vscode.commands.executeCommand('digestLens.toggleRead');
    const starredAndRead = { read: true, starred: true };
    assert.deepStrictEqual(readingState.of(entryTitled(service, PAGED_KV)), starredAndRead);

    // The re-run report holds the same paper under another spelling: it shows the same state.
    const rerun = await open(rerunFile(RERUN));
    const rerunDigest = store.digestFor(rerun.document)!;
    const rerunEntry = service.entryOf(rerun.document.uri, rerunDigest, rerunDigest.papers[0]);
    assert.deepStrictEqual(readingState.of(rerunEntry!), starredAndRead);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // The pipeline writes the day again: every brief reworded, papers in another order.
    const file = rerunFile(DAY1).fsPath;
    const before = service.library.version;
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text.replace(/发布了/g, '推出了').replace('生成时间: 2025-10-09 08:00:00', '生成时间: 2025-10-09 09:00:00'),
    );
    await until(
      () => (service.library.version > before && !service.busy ? true : undefined),
      'the re-read report',
      20000,
    );
    assert.deepStrictEqual(readingState.of(entryTitled(service, PAGED_KV)), starredAndRead);

    // A reload: a new service on the same storage, and the same workspace state.
    const reloaded = new LibraryService(service.store, service.config, service.storageUri, service.log);
    try {
      await reloaded.ready;
      await until(() => !reloaded.busy || undefined, 'the reloaded library', 60000);
      assert.ok(reloaded.loadedFromIndex, 'it started from the persisted index');
      assert.deepStrictEqual(reloaded.library.counts, service.library.counts);
      const states = new ReadingStateStore(readingState.memento);
      assert.deepStrictEqual(states.of(entryTitled(reloaded, PAGED_KV)), starredAndRead);
    } finally {
      reloaded.dispose();
    }
  });

  test('export and import of reading state: a bad file changes nothing, a good one merges', async () => {
    const service = await indexed();
    const { readingState } = await api();
    const exported = vscode.Uri.file(path.join(workspaceDir(), 'reading-state.json'));
    await vscode.commands.executeCommand('digestLens.exportReadingState', exported);
    const saved = JSON.parse(fs.readFileSync(exported.fsPath, 'utf8'));
    assert.strictEqual(saved.format, 1);
    const before = readingState.all;
    assert.ok(Object.keys(before).length > 0);

    const bad = vscode.Uri.file(path.join(workspaceDir(), 'bad-state.json'));
    fs.writeFileSync(bad.fsPath, '{"format": 1, "papers": {"t:x": {"read": "yes"}}}');
    await vscode.commands.executeCommand('digestLens.importReadingState', bad);
    fs.writeFileSync(bad.fsPath, '{ truncated');
    await vscode.commands.executeCommand('digestLens.importReadingState', bad);
    assert.deepStrictEqual(readingState.all, before, 'bad files leave the state as it was');

    const entry = entryTitled(service, 'Early Exit for Reasoning Models');
    saved.papers[entry.key] = { note: 'read with the team' };
    fs.writeFileSync(exported.fsPath, JSON.stringify(saved));
    await vscode.commands.executeCommand('digestLens.importReadingState', exported);
    assert.deepStrictEqual(readingState.of(entry), { note: 'read with the team' });
    assert.deepStrictEqual(readingState.of(entryTitled(service, PAGED_KV)), { read: true, starred: true });
  });

  test('the Papers view, All digests: one row per paper (×3 in three digests), grouped by technique or report, with reading filters', async () => {
    const service = await indexed();
    const { papersView, readingState } = await api();
    const { scoped } = papersView;
    const rowsOf = (roots: PapersNode[]) => roots.flatMap((n) => (n.kind === 'group' ? n.children : [n]));
    const labelled = async (title: string) => {
      const rows = rowsOf(scoped.getChildren());
      const items = await Promise.all(rows.map(async (row) => ({ row, item: await scoped.getTreeItem(row) })));
      return items.filter(({ item }) => item.label === title);
    };
    await vscode.commands.executeCommand('digestLens.showAllDigests');
    try {
      await vscode.commands.executeCommand('digestLens.groupBy', 'technique');
      assert.strictEqual(scoped.scope, 'library');
      assert.strictEqual(papersView.remembered().scope, 'library', 'the scope is remembered for the workspace');
      const rows = rowsOf(scoped.getChildren());
      assert.strictEqual(rows.length, service.library.counts.distinctPapers, 'one row per library entry');
      const [pagedKv] = await labelled(PAGED_KV);
      assert.match(String(pagedKv.item.description), /^×3 · /);
      // A row is a paper target: clicking it lands on the newest appearance.
      await vscode.commands.executeCommand(pagedKv.item.command!.command, ...pagedKv.item.command!.arguments!);
      const entry = entryTitled(service, PAGED_KV);
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), entry.newest.report);
      assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, entry.newest.line);

      // The reader's technique moves the paper in the tree, and the hover says it is theirs.
      await vscode.commands.executeCommand('digestLens.moveToTechnique', pagedKv.row, 'moe');
      const moe = scoped.getChildren().find((g) => g.kind === 'group' && g.key === 'moe');
      assert.ok(moe?.kind === 'group' && moe.children.some((r) => (r as LibraryPaperNode).entryKey === entry.key));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        vscode.Uri.parse(entry.newest.report),
        new vscode.Position(entry.newest.line, 5),
      );
      const text = hovers.flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : '')));
      assert.ok(
        unescapeMarkdown(text.join('')).includes('Technique (yours)**: Mixture of Experts & Routing'),
        text.join(''),
      );
      await vscode.commands.executeCommand('digestLens.resetTechnique', pagedKv.row);
      assert.strictEqual(readingState.of(entry).technique, undefined);

      await vscode.commands.executeCommand('digestLens.groupBy', 'report');
      const groups = scoped.getChildren();
      assert.deepStrictEqual(
        groups.map((g) => (g.kind === 'group' ? g.key : '')),
        service.library
          .digests()
          .reverse()
          .map((d) => d.path),
        'one group per report, newest first',
      );
      const underReports = groups.filter(
        (g) => g.kind === 'group' && g.children.some((r) => (r as LibraryPaperNode).entryKey === entry.key),
      );
      assert.strictEqual(underReports.length, 3, 'by report, a paper is under each report it appears in');

      await readingState.update([entry], { read: true });
      await vscode.commands.executeCommand('digestLens.toggleUnreadOnly');
      assert.strictEqual((await labelled(PAGED_KV)).length, 0, 'a read paper leaves Unread only');
      await vscode.commands.executeCommand('digestLens.toggleUnreadOnly');
      await vscode.commands.executeCommand('digestLens.toggleNewOnly');
      const newRows = rowsOf(scoped.getChildren()) as LibraryPaperNode[];
      assert.ok(newRows.length > 0);
      assert.ok(newRows.every((r) => service.library.isNew(service.library.entry(r.entryKey)!)));
      await vscode.commands.executeCommand('digestLens.toggleNewOnly');
    } finally {
      await vscode.commands.executeCommand('digestLens.groupBy', 'technique');
      await vscode.commands.executeCommand('digestLens.showThisDigest');
    }
    assert.strictEqual(scoped.scope, 'digest');
  });

  test('Export…: the active digest, the filtered view or the whole library, as CSV or JSON, with the reader’s techniques', async () => {
    const service = await indexed();
    const { papersView, store } = await api();
    const out = (name: string) => vscode.Uri.file(path.join(workspaceDir(), name));
    const rowsIn = (name: string) => JSON.parse(fs.readFileSync(out(name).fsPath, 'utf8')) as { title: string }[];

    await vscode.commands.executeCommand('digestLens.export', 'library', 'json', out('library.json'));
    assert.strictEqual(rowsIn('library.json').length, service.library.counts.papers, 'every appearance');

    const editor = await open(rerunFile(DAY2));
    papersView.provider.showDocument(editor.document);
    const digest = store.digestFor(editor.document)!;
    const entry = service.entryOf(editor.document.uri, digest, digest.papers[1])!;
    await vscode.commands.executeCommand('digestLens.moveToTechnique', { entryKey: entry.key }, 'moe');
    const groupOfMoved = () =>
      (papersView.provider.nodesOf({ index: digest.papers[1].index, occurrence: 0 })[0]?.parent as { key?: string })
        ?.key;
    await until(() => (groupOfMoved() === 'moe' ? true : undefined), 'the moved paper under MoE in This digest');
    await vscode.commands.executeCommand('digestLens.export', 'digest', 'csv', out('digest.csv'));
    const csv = fs.readFileSync(out('digest.csv').fsPath, 'utf8');
    assert.strictEqual(csv.trim().split('\n').length, 1 + digest.papers.length);
    assert.match(
      csv.split('\n').find((line) => line.includes('PagedKV'))!,
      /,"?moe"?,/,
    );
    await vscode.commands.executeCommand('digestLens.resetTechnique', { entryKey: entry.key });

    await vscode.commands.executeCommand('digestLens.showAllDigests');
    try {
      await vscode.commands.executeCommand('digestLens.filter', 'PagedKV');
      await vscode.commands.executeCommand('digestLens.export', 'view', 'json', out('view.json'));
      const titles = rowsIn('view.json').map((row) => row.title);
      assert.deepStrictEqual(titles, [PAGED_KV], 'the one row the view shows, from its newest appearance');
    } finally {
      await vscode.commands.executeCommand('digestLens.clearFilter');
      await vscode.commands.executeCommand('digestLens.showThisDigest');
    }
  });

  test('bad input: an older or corrupt index is rebuilt, two windows writing it leave a readable one', async () => {
    const service = await indexed();
    const indexUri = vscode.Uri.joinPath(service.storageUri!, 'library-index.json');
    const counts = service.library.counts;
    for (const bad of ['{"format":0,"parser":1,"settings":"","digests":[]}', '{"format":1,"dig', '\u0000\u0001']) {
      await vscode.workspace.fs.writeFile(indexUri, new TextEncoder().encode(bad));
      const rebuilt = new LibraryService(service.store, service.config, service.storageUri, service.log);
      try {
        await rebuilt.ready;
        await until(() => !rebuilt.busy || undefined, 'the rebuilt library', 60000);
        assert.strictEqual(rebuilt.loadedFromIndex, false, bad);
        assert.deepStrictEqual(rebuilt.library.counts, counts, bad);
      } finally {
        rebuilt.dispose();
      }
    }
    // Two windows on one workspace: both index and write; the index left is whole.
    const windows = [0, 1].map(
      () => new LibraryService(service.store, service.config, service.storageUri, service.log),
    );
    try {
      await Promise.all(windows.map((w) => w.ready));
      await until(() => windows.every((w) => !w.busy) || undefined, 'both windows', 60000);
    } finally {
      windows.forEach((w) => w.dispose());
    }
    const third = new LibraryService(service.store, service.config, service.storageUri, service.log);
    try {
      await third.ready;
      assert.ok(third.loadedFromIndex, 'the last write is a whole index');
      assert.deepStrictEqual(third.library.counts, counts);
    } finally {
      third.dispose();
    }
  });

  test('bad input: a file over the size limit, non-UTF-8 bytes, an unreadable file and a deleted one', async () => {
    const service = await indexed();
    const { readingState } = await api();
    const stateBefore = readingState.all;
    const folder = path.join(workspaceDir(), 'library', 'bad');
    fs.mkdirSync(folder, { recursive: true });
    const day2 = fs.readFileSync(rerunFile(DAY2).fsPath, 'utf8');
    const huge = path.join(folder, 'huge.md');
    // 100 MB: a digest's head, then padding.
    fs.writeFileSync(huge, day2 + 'x'.repeat(100 * 1024 * 1024));
    const latin1 = path.join(folder, '2025-11-01_latin1.md');
    fs.writeFileSync(
      latin1,
      Buffer.concat([Buffer.from(day2.replace(/PagedKV/g, 'Paged\u00e9KV'), 'utf8'), Buffer.from([0xff, 0xfe, 0xe9])]),
    );
    const unreadable = path.join(folder, '2025-11-02_unreadable.md');
    fs.writeFileSync(unreadable, day2);
    fs.chmodSync(unreadable, 0o000);
    const deleted = path.join(folder, '2025-11-03_deleted.md');
    fs.writeFileSync(deleted, day2);
    try {
      await service.rescan();
      await until(() => !service.busy || undefined, 'the library', 60000);
      const has = (file: string) => service.library.digest(vscode.Uri.file(file).toString()) !== undefined;
      assert.ok(
        service.skippedForSize.has(vscode.Uri.file(huge).toString()),
        'the 100 MB file is skipped for its size',
      );
      assert.ok(!has(huge));
      assert.ok(has(latin1), 'bad bytes read as U+FFFD; the digest is still read');
      assert.strictEqual(service.library.digest(vscode.Uri.file(latin1).toString())!.papers.length, 3);
      assert.ok(has(deleted));
      fs.rmSync(deleted);
      await until(() => !has(deleted) || undefined, 'the deleted file to leave the library', 20000);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    await until(() => !service.busy || undefined, 'the library', 60000);
    assert.deepStrictEqual(readingState.all, stateBefore, 'no reading state is lost');
  });

  test('an edit of an open digest reaches the library from the cached parse, not a second parse', async () => {
    const service = await indexed();
    const { store } = await api();
    const editor = await open(rerunFile(DAY2));
    const digest = store.digestFor(editor.document)!;
    const paper = paperAtLine(digest, digest.papers[2].brief!.line)!;
    const parsedBefore = service.parsedFiles;
    const id = editor.document.uri.toString();
    await editor.edit((b) => b.insert(new vscode.Position(paper.brief!.textLine, 0), '新'));
    // An open document's reading has no size or mtime: the file on disk is not what was read.
    await until(() => service.library.digest(id)?.size === -1 || undefined, 'the edit in the library');
    assert.ok(service.library.digest(id)!.papers[2].brief!.startsWith('新'));
    assert.strictEqual(service.parsedFiles, parsedBefore, 'the library read the open document from the store');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
