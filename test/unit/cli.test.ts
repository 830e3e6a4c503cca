import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { corpusDir, repoRoot, reportNamed, requireCorpus, samplesDir } from '../corpus';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

suite('CLI', () => {
  let scratch: string;
  suiteSetup(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is built (npm run build)');
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-cli-'));
  });
  suiteTeardown(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('parse --json prints the model with the documented fields', function () {
    requireCorpus(this);
    const result = run('parse', '--json', path.join(corpusDir, reportNamed('2025-10_10-10')));
    assert.strictEqual(result.status, 0, result.stderr);
    const model = JSON.parse(result.stdout);
    assert.strictEqual(model.papers.length, 21);
    const first = model.papers[0];
    assert.strictEqual(first.index, 1);
    assert.strictEqual(first.brief.line, 6);
    assert.strictEqual(first.details.line, 92);
    assert.strictEqual(first.details.authorCount, 8);
    assert.strictEqual(first.institutionShort, '东北大学');
    assert.strictEqual(first.techniques[0].id, 'kv-cache');
    assert.deepStrictEqual(
      first.headlineNumbers.map((n: { text: string }) => n.text),
      ['5倍', '1个点'],
    );
    assert.ok(model.problems.every((p: { code: string }) => typeof p.code === 'string'));
  });

  test('the library bundle exports parseDigest', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const library = require(path.join(repoRoot, 'dist', 'digest.js'));
    assert.strictEqual(library.parseDigest('# x').papers.length, 0);
  });

  test('lint prints file:line:col: severity code message with 1-based lines, and exits 1 on errors', () => {
    const file = path.join(samplesDir, 'sample-digest.zh.md');
    const result = run('lint', file);
    assert.strictEqual(result.status, 1);
    const lines = result.stdout.trim().split('\n');
    assert.ok(
      lines.every((l) => /^.+:\d+:\d+: (error|warning|info) [a-z-]+ .+$/.test(l)),
      result.stdout,
    );
    const countLine =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('分析论文数量')) + 1;
    assert.ok(
      lines.includes(`${file}:${countLine}:1: warning count-mismatch The report declares 9 papers but 8 were found.`),
    );
  });

  test('lint exits 0 when there are only warnings', () => {
    assert.strictEqual(run('lint', path.join(samplesDir, 'sample-digest.en.md')).status, 0);
  });

  test('export --format csv opens in a spreadsheet: UTF-8 BOM, quoted fields, one row per paper', () => {
    const result = run(
      'export',
      '--format',
      'csv',
      path.join(samplesDir, 'sample-digest.en.md'),
      path.join(samplesDir, 'sample-digest.zh.md'),
    );
    assert.strictEqual(result.status, 0, result.stderr);
    assert.ok(result.stdout.startsWith('\uFEFF"report","number","title"'));
    const rows = result.stdout.trim().split('\r\n');
    assert.strictEqual(rows.length, 1 + 4 + 9, 'the Chinese sample has nine papers, two numbered 6');
    assert.ok(rows[1].startsWith('"sample-digest.en.md","1","NanoServe'));
    assert.ok(rows.some((r) => r.includes('"Beichen University; Edge AI Lab; Futurewei Technologies, Inc."')));
  });

  test('export --format json', () => {
    const result = run('export', '--format', 'json', path.join(samplesDir, 'sample-digest.en.md'));
    const rows = JSON.parse(result.stdout);
    assert.deepStrictEqual(Object.keys(rows[0]), [
      'report',
      'number',
      'title',
      'institutions',
      'authors',
      'primaryTechnique',
      'headlineNumbers',
      'strongestResult',
    ]);
    assert.strictEqual(rows[0].strongestResult, '2.3x');
  });

  test('lint: a bad file gets one line on stderr, the others are linted, and the exit code is 2', () => {
    const good = path.join(samplesDir, 'sample-digest.en.md');
    const missing = path.join(scratch, 'missing.md');
    const result = run('lint', missing, scratch, good);
    assert.strictEqual(result.status, 2);
    assert.deepStrictEqual(result.stderr.trim().split('\n'), [
      `digest-lens: ${missing}: no such file`,
      `digest-lens: ${scratch}: is a directory, not a digest file`,
    ]);
    assert.strictEqual(result.stdout, run('lint', good).stdout);
    assert.ok(result.stdout.includes(`${good}:`));
  });

  test('export: a bad file gets one line on stderr, the others are exported, and the exit code is 2', () => {
    const good = path.join(samplesDir, 'sample-digest.en.md');
    const result = run('export', '--format', 'json', path.join(scratch, 'missing.md'), good);
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^digest-lens: .*missing\.md: no such file\n$/);
    assert.deepStrictEqual(JSON.parse(result.stdout), JSON.parse(run('export', '--format', 'json', good).stdout));
  });

  test('a reader that closes the pipe early (lint *.md | head) ends the run quietly', async () => {
    // Thousands of problems: far more output than a pipe holds, so writes go on after the reader is gone.
    const noisy = path.join(scratch, 'noisy.md');
    const papers = Array.from({ length: 5000 }, (_, i) => `### ${i + 1}. Paper ${i + 1}\n\nA发布了B。\n`);
    fs.writeFileSync(noisy, ['# R', '分析论文数量: 1篇', '## 论文技术简报', ...papers].join('\n\n'));
    const child = spawn(process.execPath, [cli, 'lint', noisy, noisy], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.strictEqual(stderr, '');
    assert.strictEqual(status, 1, 'the exit code of the lint, errors found');
  });

  test('bad input: one clear line and exit 2, never a stack trace', () => {
    const binary = path.join(scratch, 'binary.md');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const cases: [string[], RegExp][] = [
      [['parse', path.join(scratch, 'missing.md')], /no such file/],
      [['lint', scratch], /is a directory/],
      [['parse', binary], /binary file/],
      [
        ['parse', '--max-size-mb', '0.001', path.join(samplesDir, 'sample-digest.zh.md')],
        /over the 0\.001 MB limit; raise it with --max-size-mb/,
      ],
      [['export', path.join(samplesDir, 'sample-digest.zh.md')], /--format csv or --format json/],
      [['frobnicate'], /Usage/],
    ];
    for (const [args, message] of cases) {
      const result = run(...args);
      assert.strictEqual(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });
  test('--help, -h and help print the usage on stdout and exit 0, as other tools do', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['lint', '--help']]) {
      const result = run(...args);
      assert.strictEqual(result.status, 0, args.join(' '));
      assert.match(result.stdout, /^Usage:\n {2}digest-lens parse/, args.join(' '));
      assert.strictEqual(result.stderr, '', args.join(' '));
    }
  });

  test('--taxonomy FILE classifies with the groups of the file', () => {
    const taxonomy = path.join(scratch, 'taxonomy.json');
    // Replaces the serving group's keywords by one word of the first paper's title.
    fs.writeFileSync(taxonomy, JSON.stringify([{ id: 'serving-systems', keywords: ['NanoServe'] }]));
    const file = path.join(samplesDir, 'sample-digest.en.md');
    const evidence = (stdout: string) => JSON.parse(stdout).papers[0].techniques[0].evidence as string[];
    assert.ok(!evidence(run('parse', '--json', file).stdout).includes('title: NanoServe'));
    const result = run('parse', '--json', '--taxonomy', taxonomy, file);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.ok(evidence(result.stdout).includes('title: NanoServe'), result.stdout.slice(0, 200));
  });

  test('--taxonomy with a bad file: one line naming the file and what is wrong, exit 2, no output', () => {
    const file = path.join(samplesDir, 'sample-digest.en.md');
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '[{ id: ', /not a readable JSON file/],
      [
        'wrong-shape.json',
        JSON.stringify([{ id: 'Has Spaces', keywords: 'x' }]),
        /not a list of technique groups[\s\S]*\[0\]/,
      ],
      ['bad-keyword.json', JSON.stringify([{ id: 'x', keywords: ['\\w+'] }]), /must start with a literal word/],
    ];
    for (const [name, content, message] of cases) {
      const taxonomy = path.join(scratch, name);
      fs.writeFileSync(taxonomy, content);
      const result = run('lint', '--taxonomy', taxonomy, file);
      assert.strictEqual(result.status, 2, name);
      assert.strictEqual(result.stdout, '', name);
      assert.match(result.stderr, new RegExp(`^digest-lens: ${taxonomy.replace(/[.\\/]/g, '\\$&')}: `), name);
      assert.match(result.stderr, message, name);
    }
    assert.match(
      run('lint', '--taxonomy', path.join(scratch, 'missing.json'), file).stderr,
      /missing\.json: not a readable/,
    );
  });
});
