import * as assert from 'assert';
import { parseDigest } from '../../src/digest';
import { Library, abstractKey, digestDate, normaliseText, paperKeys, titleKey } from '../../src/library';
import { DAY1, DAY2, RERUN, digestText, fixtureLibrary } from '../libraryFixtures';

suite('library: paper identity', () => {
  test('normalising ignores case, full width, punctuation and whitespace', () => {
    assert.strictEqual(normaliseText('ＰａｇｅｄＫＶ — Elastic  KV-Cache:Paging'), 'pagedkv elastic kv cache paging');
    assert.strictEqual(normaliseText('“量化”：低比特　推理'), '量化 低比特 推理');
    assert.strictEqual(normaliseText(' … '), '');
  });

  test('a title written twice normalises to one', () => {
    assert.strictEqual(normaliseText('FAST DECODING: A STUDY Fast Decoding: a Study'), 'fast decoding a study');
    // Two different halves stay as they are.
    assert.strictEqual(normaliseText('Fast Decoding Slow Decoding'), 'fast decoding slow decoding');
  });

  test('a paper is keyed by title, else by abstract, else by its place', () => {
    const key = abstractKey('Some  abstract.');
    assert.strictEqual(key, abstractKey('some abstract'));
    assert.notStrictEqual(key, abstractKey('another abstract'));
    assert.strictEqual(
      abstractKey('ＦＰ８ Ｑｕａｎｔｉｚａｔｉｏｎ：低比特。'),
      abstractKey('fp8 quantization 低比特'),
    );
    assert.notStrictEqual(abstractKey('Café'), abstractKey('Cafe'));
    assert.strictEqual(titleKey('A  Title!'), 't:a title');
    assert.deepStrictEqual(
      paperKeys({ report: 'a.md', position: 0, titleKey: titleKey('A Title'), abstractKey: key }),
      ['t:a title', key],
    );
    assert.deepStrictEqual(paperKeys({ report: 'a.md', position: 4 }), ['r:a.md#5']);
    assert.strictEqual(abstractKey('  '), undefined);
    assert.strictEqual(titleKey(' … '), undefined);
  });

  test('the same title in two digests is one entry with both appearances', () => {
    const library = new Library();
    const paper = { title: 'Fast KV Cache', brief: '甲发布了论文。', abstract: 'We make the cache fast.' };
    library.addDigest({ path: 'a.md', size: 1, mtime: 1 }, parseDigest(digestText([paper])));
    library.addDigest(
      { path: 'b.md', size: 1, mtime: 1 },
      parseDigest(digestText([{ ...paper, title: 'FAST KV-CACHE', brief: '乙改写了简报。' }])),
    );
    assert.deepStrictEqual(library.counts, { digests: 2, papers: 2, distinctPapers: 1 });
    const [entry] = library.entries();
    assert.deepStrictEqual(
      entry.appearances.map((a) => [a.report, a.index]),
      [
        ['a.md', 1],
        ['b.md', 1],
      ],
    );
  });

  test('papers with neither title nor abstract stay apart', () => {
    const library = new Library();
    const blank = { title: '', brief: '简报。', abstract: '' };
    library.addDigest({ path: 'a.md', size: 1, mtime: 1 }, parseDigest(digestText([blank, blank])));
    assert.strictEqual(library.counts.distinctPapers, 2);
  });

  test('a re-run day merges: reworded briefs, a title in other case and width, an empty title, a doubled title', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    assert.deepStrictEqual(library.counts, { digests: 3, papers: 10, distinctPapers: 6 });
    const appearances = (title: string) =>
      [...library.entries()]
        .find((e) => e.title.toLowerCase().startsWith(title))
        ?.appearances.map((a) => `${a.report}#${a.index}`);
    assert.deepStrictEqual(appearances('pagedkv'), [`${DAY1}#1`, `${RERUN}#1`, `${DAY2}#2`]);
    // The re-run lost B's title; its abstract (with a doubled space) still finds the entry.
    assert.deepStrictEqual(appearances('ternary weights'), [`${DAY1}#2`, `${RERUN}#2`]);
    assert.deepStrictEqual(appearances('draft trees'), [`${DAY1}#3`, `${RERUN}#3`]);
  });

  test('an entry keyed by title is found by its abstract whichever digest comes first', () => {
    for (const order of [
      [RERUN, DAY1],
      [DAY1, RERUN],
    ]) {
      const library = fixtureLibrary(...order);
      assert.strictEqual(library.counts.distinctPapers, 4, order.join(' then '));
      const untitled = library.entryAt(RERUN, 1)!;
      assert.strictEqual(untitled, library.entryAt(DAY1, 1));
      assert.strictEqual(untitled.title, 'Ternary Weights at Scale: 1.58-bit Quantization for Edge Inference');
      assert.strictEqual(untitled.key, 't:ternary weights at scale 1 58 bit quantization for edge inference');
      for (const key of untitled.keys) assert.strictEqual(library.entry(key), untitled);
    }
  });

  test('a paper linking two entries merges them', () => {
    const library = new Library();
    const add = (path: string, title: string, abstract: string) =>
      library.addDigest({ path, size: 1, mtime: 1 }, parseDigest(digestText([{ title, brief: '简报。', abstract }])));
    add('1.md', 'Title One', '');
    add('2.md', '', 'Abstract two.');
    assert.strictEqual(library.counts.distinctPapers, 2);
    add('3.md', 'Title One', 'Abstract two.');
    assert.strictEqual(library.counts.distinctPapers, 1);
    // Without the link, they part again.
    library.removeDigest('3.md');
    assert.strictEqual(library.counts.distinctPapers, 2);
  });
});

suite('library: the digest date', () => {
  test('the file name gives the day', () => {
    assert.strictEqual(digestDate('x/2025-10_10-10_ai_inference_report_20251017_121347.md', ''), '2025-10-10');
    assert.strictEqual(digestDate('reports/2025-10-09_report.md', '2025-10-11 08:00:00'), '2025-10-09');
    assert.strictEqual(digestDate('ai_inference_report_20251017_121347.md', ''), '2025-10-17');
    assert.strictEqual(digestDate('C:\\d\\2024-02-29.md', ''), '2024-02-29');
  });

  test('without a date in the name, the 生成时间 header gives it', () => {
    assert.strictEqual(digestDate('report.md', '2025-10-17 12:13:47'), '2025-10-17');
    assert.strictEqual(digestDate('report.md', '2025年9月4日 10:30'), '2025-09-04');
    assert.strictEqual(digestDate('report.md', 'yesterday'), '');
    assert.strictEqual(digestDate('2025-13-40.md', ''), '');
  });
});
