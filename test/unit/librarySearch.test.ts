import * as assert from 'assert';
import { DEFAULT_TAXONOMY, OTHER_TECHNIQUE_ID, parseDigest } from '../../src/digest';
import { Library, tokenize } from '../../src/library';
import { DAY1, DAY2, RERUN, digestText, fixtureLibrary } from '../libraryFixtures';

const titles = (library: Library, query: string) => library.search(query).map((hit) => hit.entry.title);

suite('library: search', () => {
  test('Chinese splits into words, other text at non-letters', () => {
    assert.deepStrictEqual(tokenize('KV-cache 稀疏注意力'), ['KV', 'cache', '稀疏', '注意力']);
    assert.deepStrictEqual(tokenize('ＦＰ８量化，达成2.3倍'), ['FP8', '量化', '达成', '2.3', '倍']);
    assert.deepStrictEqual(tokenize('Speed-up: 2.3x, (FP8)'), ['Speed', 'up', '2', '3x', 'FP8']);
  });

  test('finds papers by English and Chinese words of every field', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    const pagedKV = 'PagedKV: Elastic KV Cache Paging for Long-Context LLM Serving';
    assert.strictEqual(titles(library, 'paging')[0], pagedKV, 'title');
    assert.strictEqual(titles(library, 'Microsoft Research')[0], pagedKV, 'institution');
    assert.strictEqual(titles(library, '弹性')[0], pagedKV, 'brief');
    assert.strictEqual(titles(library, 'key-value blocks')[0], pagedKV, 'abstract');
    assert.deepStrictEqual(titles(library, '投机解码'), ['DRAFT TREES THAT GROW: ADAPTIVE SPECULATIVE DECODING']);
    assert.deepStrictEqual(titles(library, '字节跳动'), ['Sparse Attention Kernels for Video Diffusion Transformers']);
  });

  test('finds papers by their technique label in English and Chinese', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    // Whatever the classifier made of each paper, its technique's labels find it.
    let checked = 0;
    for (const entry of library.entries()) {
      const technique = DEFAULT_TAXONOMY.find((t) => t.id === entry.newest.techniques[0]);
      if (!technique || technique.id === OTHER_TECHNIQUE_ID) continue;
      for (const label of [technique.label.en, technique.label.zh]) {
        const hit = library.search(label).find((h) => h.entry === entry);
        assert.ok(hit?.fields.includes('techniques'), `${entry.title} by "${label}"`);
      }
      checked++;
    }
    assert.ok(checked >= 4, `${checked} papers have a technique other than Other`);
    assert.deepStrictEqual(library.search('Other 其他'), [], 'Other is no label to search by');
  });

  test('ranks a title match over institutions, a brief and an abstract', () => {
    const library = new Library();
    const paper = (title: string, institutions: string, brief: string, abstract: string) => ({
      title,
      institutions,
      brief,
      abstract,
    });
    library.addDigest(
      { path: 'a.md', size: 1, mtime: 1 },
      parseDigest(
        digestText([
          paper('Study of Pruning', 'Lab', '某实验室发布了论文。', 'A plain abstract.'),
          paper('Faster Kernels', 'Lab', '某实验室发布了论文，使用Lattice方法。', 'A plain abstract too.'),
          paper('Sharper Models', 'Lattice Institute', '某实验室发布了论文。', 'Another plain abstract.'),
          paper('Lattice Decoding for Speed', 'Lab', '某实验室发布了论文。', 'Yet another plain abstract.'),
          paper('Slower Things', 'Lab', '某实验室发布了论文。', 'We use lattice methods in this abstract.'),
        ]),
      ),
    );
    assert.deepStrictEqual(titles(library, 'lattice'), [
      'Lattice Decoding for Speed',
      'Sharper Models',
      'Faster Kernels',
      'Slower Things',
    ]);
  });

  test('as you type: the last word is a prefix, and a long word forgives a typo', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    // The newest title of the paper is the re-run's, in capitals.
    const draftTrees = 'DRAFT TREES THAT GROW: ADAPTIVE SPECULATIVE DECODING';
    assert.strictEqual(titles(library, 'specul')[0], draftTrees);
    assert.strictEqual(titles(library, 'adaptive specluative')[0], draftTrees);
    assert.deepStrictEqual(titles(library, 'Early exi'), ['Early Exit for Reasoning Models']);
  });

  test('every word must match when some paper has them all', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    assert.deepStrictEqual(titles(library, 'kv tsinghua'), [
      'PagedKV: Elastic KV Cache Paging for Long-Context LLM Serving',
    ]);
    // No paper has both: the best partial matches come instead of nothing.
    assert.ok(titles(library, 'tsinghua bytedance').length >= 2);
  });

  test('a paper in several digests is one hit with all its appearances', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    const [hit] = library.search('ternary');
    assert.deepStrictEqual(
      hit.entry.appearances.map((a) => [a.report, a.index]),
      [
        [DAY1, 2],
        [RERUN, 2],
      ],
    );
  });

  test('an empty query, or one of punctuation only, finds nothing', () => {
    const library = fixtureLibrary(DAY1);
    assert.deepStrictEqual(library.search(''), []);
    assert.deepStrictEqual(library.search('  —，。 '), []);
  });

  test('search can be prepared a slice at a time', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    let calls = 0;
    assert.strictEqual(
      library.prepareSearch(() => ++calls > 2),
      false,
    );
    assert.strictEqual(library.prepareSearch(), true);
    assert.strictEqual(titles(library, 'prefetch')[0], 'MoE Offloading with Expert Prefetch');
  });

  test('a digest read again finds its edited paper by the new words only, and the others as before', () => {
    const papers = [
      { title: 'Lattice Kernels', brief: '某实验室发布了论文。', abstract: 'We tile the lattice.' },
      { title: 'Quiet Models', brief: '某实验室发布了论文。', abstract: 'We prune heads.' },
    ];
    const library = new Library();
    library.addDigest({ path: 'a.md', size: 1, mtime: 1 }, parseDigest(digestText(papers)));
    assert.deepStrictEqual(titles(library, 'heads'), ['Quiet Models']);
    const edited = [papers[0], { ...papers[1], abstract: 'We merge tokens.' }];
    library.addDigest({ path: 'a.md', size: 2, mtime: 2 }, parseDigest(digestText(edited)));
    assert.deepStrictEqual(titles(library, 'heads'), [], 'the old abstract is gone');
    assert.deepStrictEqual(titles(library, 'tokens'), ['Quiet Models']);
    assert.deepStrictEqual(titles(library, 'lattice'), ['Lattice Kernels'], 'the unchanged paper, once');
    const [hit] = library.search('lattice');
    assert.strictEqual(hit.entry, library.entry(hit.entry.key), 'the hit is the current entry');
    library.removeDigest('a.md');
    assert.deepStrictEqual(titles(library, 'lattice'), []);
  });
});
