import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadIndex } from '../../src/library';
import { findMarkdownFiles, readDigest, type SkippedFile } from '../../src/node/digestFiles';
import { corpusDir, corpusReports, repoRoot } from '../corpus';
import { DAY1, DAY2, RERUN, rerunFolder } from '../libraryFixtures';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

suite('CLI: index and search folders', () => {
  const scratch = path.join(repoRoot, '.test-output', 'library-cli');
  const indexFile = path.join(scratch, 'index.json');
  setup(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is built (npm run build)');
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.mkdirSync(scratch, { recursive: true });
  });
  suiteTeardown(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const index = (folder: string, ...args: string[]) => {
    const result = run('index', '--json', '--index-file', indexFile, ...args, folder);
    assert.strictEqual(result.status, 0, result.stderr);
    return { summary: JSON.parse(result.stdout), stderr: result.stderr };
  };

  test('index --json counts digests, appearances and distinct papers of the re-run fixtures', () => {
    const { summary } = index(rerunFolder);
    assert.deepStrictEqual(
      { ...summary, indexFile: undefined },
      {
        digests: 3,
        papers: 10,
        distinctPapers: 6,
        newestDigest: { report: DAY2, date: '2025-10-10' },
        newPapers: 2,
        parsed: 3,
        index: 'empty',
        indexFile: undefined,
      },
    );
  });

  test('index reuses its persisted index and re-reads only changed files', () => {
    const folder = path.join(scratch, 'reports');
    fs.cpSync(rerunFolder, folder, { recursive: true });
    assert.strictEqual(index(folder).summary.parsed, 3);
    const second = index(folder).summary;
    assert.strictEqual(second.index, 'loaded');
    assert.strictEqual(second.parsed, 0);
    fs.appendFileSync(path.join(folder, DAY2), '\n');
    fs.rmSync(path.join(folder, RERUN));
    const third = index(folder).summary;
    assert.deepStrictEqual([third.parsed, third.digests, third.papers, third.distinctPapers], [1, 2, 6, 5]);
    fs.writeFileSync(indexFile, '{"format": 3, "digests": [');
    const rebuilt = index(folder).summary;
    assert.deepStrictEqual([rebuilt.index, rebuilt.parsed, rebuilt.digests], ['corrupt', 2, 2]);
  });

  test('index with a custom taxonomy rebuilds the persisted index, and search finds its labels', () => {
    const taxonomy = path.join(scratch, 'taxonomy.json');
    fs.writeFileSync(
      taxonomy,
      JSON.stringify([{ id: 'kv-cache', label: { en: 'Memory Paging', zh: '分页' }, keywords: ['paging'] }]),
    );
    assert.strictEqual(index(rerunFolder).summary.index, 'empty');
    const custom = index(rerunFolder, '--taxonomy', taxonomy).summary;
    assert.deepStrictEqual([custom.index, custom.parsed], ['other-settings', 3]);
    assert.strictEqual(index(rerunFolder, '--taxonomy', taxonomy).summary.index, 'loaded');
    const hits = JSON.parse(run('search', '--json', '--taxonomy', taxonomy, 'Memory Paging', rerunFolder).stdout);
    assert.ok(hits[0].fields.includes('techniques'), JSON.stringify(hits[0]));
  });

  test('two processes writing one persisted index leave a whole one and no temp files', async () => {
    const runIndex = () =>
      new Promise<number | null>((resolve) =>
        spawn(process.execPath, [cli, 'index', '--index-file', indexFile, rerunFolder], { stdio: 'ignore' }).on(
          'exit',
          resolve,
        ),
      );
    for (let round = 0; round < 3; round++) {
      fs.rmSync(indexFile, { force: true });
      assert.deepStrictEqual(await Promise.all([runIndex(), runIndex(), runIndex()]), [0, 0, 0]);
      const loaded = loadIndex(fs.readFileSync(indexFile, 'utf8'));
      assert.strictEqual(loaded.status, 'loaded');
      assert.strictEqual(loaded.library.counts.distinctPapers, 6);
    }
    assert.deepStrictEqual(fs.readdirSync(scratch), ['index.json']);
  });

  test('index on the corpus counts what the core parses', function () {
    if (!corpusReports().length) this.skip();
    const { summary } = index(corpusDir);
    // README.md shows the format in a code block: it is not a digest.
    assert.deepStrictEqual([summary.digests, summary.papers], [corpusReports().length, 586]);
  });

  test('search --json prints hits best first, each with title and appearances', () => {
    const result = run('search', '--json', 'ternary', rerunFolder);
    assert.strictEqual(result.status, 0, result.stderr);
    const hits = JSON.parse(result.stdout);
    assert.strictEqual(hits[0].title, 'Ternary Weights at Scale: 1.58-bit Quantization for Edge Inference');
    assert.deepStrictEqual(
      hits[0].appearances.map((a: { report: string; index: number }) => [a.report, a.index]),
      [
        [DAY1, 2],
        [RERUN, 2],
      ],
    );
    const chinese = JSON.parse(run('search', '--json', '投机解码', rerunFolder).stdout);
    assert.strictEqual(chinese[0].appearances.length, 2);
    assert.strictEqual(run('search', 'ternary', rerunFolder).stdout.split('\n')[0].includes(`${DAY1}#2`), true);
  });

  test('export takes a folder and names each row by its path in it', () => {
    const result = run('export', '--format', 'json', rerunFolder);
    assert.strictEqual(result.status, 0, result.stderr);
    const rows = JSON.parse(result.stdout);
    assert.strictEqual(rows.length, 10);
    assert.deepStrictEqual([...new Set(rows.map((r: { report: string }) => r.report))], [DAY1, RERUN, DAY2]);
  });

  test('a folder walk survives a symlink loop, skips node_modules and .git, and notes bad files', () => {
    const folder = path.join(scratch, 'messy');
    fs.mkdirSync(path.join(folder, 'node_modules'), { recursive: true });
    fs.mkdirSync(path.join(folder, '.git'), { recursive: true });
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    const good = fs.readFileSync(path.join(rerunFolder, DAY1));
    fs.writeFileSync(path.join(folder, 'good.md'), good);
    fs.writeFileSync(path.join(folder, 'node_modules', 'dep.md'), good);
    fs.writeFileSync(path.join(folder, '.git', 'x.md'), good);
    fs.symlinkSync('..', path.join(folder, 'sub', 'loop'));
    fs.symlinkSync('missing.md', path.join(folder, 'dangling.md'));
    fs.writeFileSync(path.join(folder, 'latin1.md'), Buffer.concat([good, Buffer.from([0xff, 0xfe, 0x0a])]));
    fs.writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x23, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(folder, 'big.md'), Buffer.concat([good, Buffer.alloc(1024 * 1024 + 1, 0x20)]));
    fs.writeFileSync(path.join(folder, 'notes.md'), '# Just notes\n');
    const { summary, stderr } = index(folder, '--max-size-mb', '1');
    assert.deepStrictEqual([summary.digests, summary.papers, summary.distinctPapers], [2, 6, 3]);
    assert.match(stderr, /big\.md: 1\.\d MB is over the 1 MB limit; raise it with --max-size-mb/);
    assert.match(stderr, /latin1\.md: not valid UTF-8/);
    assert.match(stderr, /binary\.md: a binary file/);
    assert.match(stderr, /dangling\.md: cannot read \(ENOENT\)/);
    assert.doesNotMatch(stderr, /notes\.md|node_modules|\.git/);
  });

  test('a file deleted between the walk and its reading is noted, not fatal', () => {
    const folder = path.join(scratch, 'vanishing');
    fs.cpSync(rerunFolder, folder, { recursive: true });
    const notes: SkippedFile[] = [];
    const found = findMarkdownFiles(folder, notes);
    fs.rmSync(path.join(folder, DAY1));
    const digests = found.map((file) => readDigest(file, 20, notes));
    assert.deepStrictEqual(
      digests.map((d) => d?.papers.length),
      [undefined, 4, 3, undefined],
    );
    assert.deepStrictEqual(
      notes.map((n) => [path.basename(n.path), n.reason]),
      [[DAY1, 'cannot read (ENOENT)']],
    );
  });

  test('a missing folder is the user’s error: one line, exit code 2', () => {
    const result = run('index', path.join(scratch, 'nowhere'));
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^digest-lens: .*nowhere: not a folder\n$/);
    assert.strictEqual(run('search', 'x').status, 2);
  });
});
