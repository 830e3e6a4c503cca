import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDigest } from '../../src/digest';
import { Library } from '../../src/library';
import { DAY1, DAY2, RERUN, addFixture, digestText, fixtureLibrary, rerunFolder } from '../libraryFixtures';

suite('library: adding, replacing and removing digests', () => {
  test('counts every appearance and each distinct paper', () => {
    const library = fixtureLibrary(DAY1);
    assert.deepStrictEqual(library.counts, { digests: 1, papers: 3, distinctPapers: 3 });
    addFixture(library, RERUN);
    assert.deepStrictEqual(library.counts, { digests: 2, papers: 7, distinctPapers: 4 });
  });

  test('the newest digest is the latest day, then the latest generation time', () => {
    const library = fixtureLibrary(RERUN, DAY1);
    assert.strictEqual(library.newestDigest()?.path, RERUN);
    addFixture(library, DAY2);
    assert.strictEqual(library.newestDigest()?.path, DAY2);
    assert.deepStrictEqual(
      library.digests().map((d) => [d.path, d.date]),
      [
        [DAY1, '2025-10-09'],
        [RERUN, '2025-10-09'],
        [DAY2, '2025-10-10'],
      ],
    );
  });

  test('new papers are those first seen in the newest digest', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    const fresh = [...library.entries()].filter((e) => library.isNew(e)).map((e) => e.title);
    assert.deepStrictEqual(fresh.sort(), [
      'Early Exit for Reasoning Models',
      'Sparse Attention Kernels for Video Diffusion Transformers',
    ]);
    assert.strictEqual(library.isNew(library.entryAt(DAY2, 1)!), false, 'PagedKV was seen on 2025-10-09');
  });

  test('removing a digest takes its appearances out and drops entries left without one', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    assert.ok(library.removeDigest(RERUN));
    assert.deepStrictEqual(library.counts, { digests: 2, papers: 6, distinctPapers: 5 });
    assert.strictEqual(library.entryAt(DAY1, 0)!.appearances.length, 2);
    assert.strictEqual(library.entry('t:moe offloading with expert prefetch'), undefined);
    assert.strictEqual(library.removeDigest(RERUN), false);
    assert.strictEqual(library.search('expert prefetch').length, 0);
  });

  test('adding a digest at the same path replaces it', () => {
    const library = fixtureLibrary(DAY1);
    const one = { title: 'Only Paper', brief: '唯一的论文。', abstract: 'The only one.' };
    library.addDigest({ path: DAY1, size: 9, mtime: 2 }, parseDigest(digestText([one])));
    assert.deepStrictEqual(library.counts, { digests: 1, papers: 1, distinctPapers: 1 });
    assert.ok(library.isCurrent({ path: DAY1, size: 9, mtime: 2 }));
    assert.ok(!library.isCurrent({ path: DAY1, size: 9, mtime: 3 }));
    assert.deepStrictEqual(
      library.search('paper').map((h) => h.entry.title),
      ['Only Paper'],
    );
  });

  test('a digest read again after an edit keys each paper by its text as it is now', () => {
    const papers = [
      { title: 'First Paper', brief: '第一篇。', abstract: 'The first abstract.' },
      { title: 'Second Paper', brief: '第二篇。', abstract: 'The second abstract.' },
    ];
    const library = new Library();
    library.addDigest({ path: 'a.md', size: 1, mtime: 1 }, parseDigest(digestText(papers)));
    const edited = [papers[0], { ...papers[1], title: 'Second Paper, Renamed', abstract: 'Now another abstract.' }];
    library.addDigest({ path: 'a.md', size: 2, mtime: 2 }, parseDigest(digestText(edited)));
    const fresh = new Library();
    fresh.addDigest({ path: 'a.md', size: 2, mtime: 2 }, parseDigest(digestText(edited)));
    const keysOf = (l: Library) => [...l.entries()].map((entry) => entry.keys.join(' ')).sort();
    assert.deepStrictEqual(keysOf(library), keysOf(fresh));
    assert.ok(library.entry('t:second paper renamed'), 'the renamed paper is found by its new title');
    assert.strictEqual(library.entry('t:second paper'), undefined, 'and no longer by its old one');
  });

  test('a digest read again with only its briefs edited keeps its entries, with the new text', () => {
    const papers = [
      { title: 'First Paper', brief: '第一篇论文，使用剪枝技术。', abstract: 'The first abstract.' },
      { title: 'Second Paper', brief: '第二篇论文。', abstract: 'The second abstract.' },
    ];
    const library = new Library();
    library.addDigest(
      { path: 'b.md', size: 1, mtime: 1 },
      parseDigest(digestText([papers[1]]).replace('2025-10-01', '2025-09-30')),
    );
    library.addDigest({ path: 'a.md', size: 1, mtime: 1 }, parseDigest(digestText(papers)));
    const second = library.entry('t:second paper')!;
    const edited = [papers[0], { ...papers[1], brief: '第二篇论文，改写后的简报。' }];
    library.addDigest({ path: 'a.md', size: 2, mtime: 2 }, parseDigest(digestText(edited)));
    assert.deepStrictEqual(library.counts, { digests: 2, papers: 3, distinctPapers: 2 });
    assert.strictEqual(library.entry('t:second paper'), second, 'the same entry');
    assert.deepStrictEqual(
      second.appearances.map((a) => [a.report, a.brief]),
      [
        ['b.md', '第二篇论文。'],
        ['a.md', '第二篇论文，改写后的简报。'],
      ],
    );
    assert.deepStrictEqual(
      library.search('改写后的简报').map((hit) => hit.entry.title),
      ['Second Paper'],
    );
    assert.ok(library.isCurrent({ path: 'a.md', size: 2, mtime: 2 }));
  });

  test('the same digests in any order make the same library', () => {
    const describe = (library: Library) =>
      [...library.entries()]
        .map((e) => `${e.key} ${e.title} ${e.appearances.map((a) => `${a.report}#${a.index}`).join(',')}`)
        .sort();
    const expected = describe(fixtureLibrary(DAY1, RERUN, DAY2));
    assert.deepStrictEqual(describe(fixtureLibrary(DAY2, RERUN, DAY1)), expected);
    assert.deepStrictEqual(describe(fixtureLibrary(RERUN, DAY2, DAY1)), expected);
    const replaced = fixtureLibrary(DAY1, RERUN, DAY2);
    addFixture(replaced, RERUN);
    assert.deepStrictEqual(describe(replaced), expected);
  });

  test('CRLF line endings and a byte-order mark make the same entries', () => {
    const text = fs.readFileSync(path.join(rerunFolder, RERUN), 'utf8');
    const describe = (library: Library) =>
      [...library.entries()].map((e) => `${e.key} ${e.title} ${e.appearances.map((a) => a.line)}`).sort();
    const plain = new Library();
    plain.addDigest({ path: RERUN, size: 1, mtime: 1 }, parseDigest(text));
    const windows = new Library();
    windows.addDigest({ path: RERUN, size: 1, mtime: 1 }, parseDigest('\uFEFF' + text.replace(/\n/g, '\r\n')));
    assert.deepStrictEqual(describe(windows), describe(plain));
    assert.strictEqual(plain.counts.distinctPapers, 4);
  });

  test('a digest without papers counts as a digest, and no paper', () => {
    const library = new Library();
    library.addDigest({ path: 'empty.md', size: 1, mtime: 1 }, parseDigest('# 报告\n\n## 论文技术简报\n'));
    assert.deepStrictEqual(library.counts, { digests: 1, papers: 0, distinctPapers: 0 });
    assert.strictEqual(library.newestDigest()?.path, 'empty.md');
    assert.deepStrictEqual(library.search('anything'), []);
  });

  test('an appearance gives the report, number, date and heading line', () => {
    const library = fixtureLibrary(DAY1, DAY2);
    const entry = library.entry('t:pagedkv elastic kv cache paging for long context llm serving')!;
    assert.deepStrictEqual(
      entry.appearances.map(({ report, index, date, line }) => ({ report, index, date, line })),
      [
        { report: DAY1, index: 1, date: '2025-10-09', line: 6 },
        { report: DAY2, index: 2, date: '2025-10-10', line: 10 },
      ],
    );
    assert.strictEqual(entry.newest, entry.appearances[1]);
  });
});
