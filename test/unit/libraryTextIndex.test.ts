import * as assert from 'assert';
import { TextIndex } from '../../src/library/textIndex';

const ids = (index: TextIndex, query: string, combineWith: 'AND' | 'OR' = 'AND') =>
  index.search(query, combineWith, 10_000, new Set()).map((m) => m.id);

suite('library: the brief and abstract index', () => {
  test('finds documents by brief and abstract words, briefs first, rare words above common ones', () => {
    const index = new TextIndex();
    index.add(1, '清华大学发布了缓存论文。', 'We page the cache.');
    index.add(2, '北京大学发布了论文。', 'The cache of a cache, paged elastically.');
    index.add(3, '北京大学发布了调度论文。', 'Scheduling.');
    assert.deepStrictEqual(ids(index, '缓存'), [1]);
    assert.deepStrictEqual(index.search('缓存', 'AND', 10, new Set())[0].fields, ['brief']);
    assert.deepStrictEqual(ids(index, 'cache').sort(), [1, 2]);
    assert.deepStrictEqual(ids(index, '北京大学 调度'), [3]);
    assert.deepStrictEqual(ids(index, 'elastically cache'), [2]);
  });

  test('the last word matches as a prefix from three letters; the others whole', () => {
    const index = new TextIndex();
    index.add(1, '', 'Scheduling requests.');
    index.add(2, '', 'A schedule.');
    assert.deepStrictEqual(ids(index, 'sched').sort(), [1, 2]);
    assert.deepStrictEqual(ids(index, 'schedule'), [2]);
    assert.deepStrictEqual(ids(index, 'sc'), []);
    assert.deepStrictEqual(ids(index, 'sched requests'), [], 'a word before the last is whole');
    assert.deepStrictEqual(ids(index, 'scheduling requ'), [1]);
  });

  test('AND needs every word; OR ranks documents by the words they hold', () => {
    const index = new TextIndex();
    index.add(1, '', 'alpha beta');
    index.add(2, '', 'alpha');
    assert.deepStrictEqual(ids(index, 'alpha beta'), [1]);
    assert.deepStrictEqual(ids(index, 'alpha beta gamma'), []);
    assert.deepStrictEqual(ids(index, 'alpha beta gamma', 'OR'), [1, 2]);
  });

  test('keeps the best documents up to the limit, leaving out those excluded', () => {
    const index = new TextIndex();
    // Rarer words score higher: document n holds words shared by n+1 documents.
    for (let id = 0; id < 20; id++)
      index.add(id, '', ['common', ...Array.from({ length: 20 - id }, (_, k) => `w${k}`)].join(' '));
    const all = ids(index, 'common w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19', 'OR');
    assert.deepStrictEqual(
      all,
      Array.from({ length: 20 }, (_, id) => id),
    );
    const best = index.search(
      'common w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19',
      'OR',
      3,
      new Set([1]),
    );
    assert.deepStrictEqual(
      best.map((m) => m.id),
      [0, 2, 3],
    );
  });

  test('a removed document stays removed, and one added again is found once', () => {
    const index = new TextIndex();
    index.add(1, '', 'old words');
    index.add(1, '', 'new words');
    assert.deepStrictEqual(ids(index, 'old'), []);
    assert.deepStrictEqual(ids(index, 'words'), [1]);
    index.remove(1);
    assert.deepStrictEqual(ids(index, 'words'), []);
  });

  test('many removals compact the postings without losing live documents', () => {
    const index = new TextIndex();
    for (let id = 0; id < 3000; id++) index.add(id, '', `shared term${id}`);
    for (let id = 0; id < 2500; id++) index.remove(id);
    assert.strictEqual(ids(index, 'shared').length, 500);
    assert.deepStrictEqual(ids(index, 'term2999'), [2999]);
    assert.deepStrictEqual(ids(index, 'term0'), []);
  });
});
