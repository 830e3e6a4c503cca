import * as assert from 'assert';
import { DEFAULT_TAXONOMY, arrangePapers, parseDigest, type ArrangeOptions } from '../../src/digest';
import { inlineDigest } from '../inlineDigest';

const digest = parseDigest(
  inlineDigest([
    {
      title: 'QuantX: 4-bit LLMs',
      brief: 'Tsinghua University发布了QuantX论文，使用4-bit量化技术，解决了显存不足问题，达成了3倍加速。',
      institutions: 'Tsinghua University',
      authors: 5,
      abstract: 'We quantize weights to 4 bits.',
    },
    {
      title: 'KVSqueeze',
      brief: 'Alibaba发布了KVSqueeze论文，使用KV缓存压缩技术，解决了长上下文问题，达成了8倍加速。',
      institutions: 'Alibaba Group',
      authors: 3,
      abstract: 'We compress the KV cache.',
    },
    {
      title: 'Zeta Loss',
      brief: '研究团队发布了Zeta论文，使用新型损失函数，解决了训练不稳定问题。',
      institutions: '',
      authors: 2,
      abstract: 'A new loss.',
    },
    {
      title: 'Beta Quant: 8-bit Quantization',
      brief: 'Alibaba发布了Beta论文，使用8-bit量化技术，解决了部署问题，达成了1.5倍加速。',
      institutions: 'Alibaba Group',
      authors: 4,
      abstract: 'Quantization again.',
    },
  ]),
);

const options = (overrides: Partial<ArrangeOptions>): ArrangeOptions => ({
  groupBy: 'technique',
  sortBy: 'document',
  taxonomy: DEFAULT_TAXONOMY,
  ...overrides,
});
const shape = (groups: ReturnType<typeof arrangePapers>) =>
  groups.map((g) => [g.key, g.entries.map((e) => e.paper.index)]);

suite('arranging papers for a view', () => {
  test('by technique: groups in taxonomy order, "other" last, papers in document order', () => {
    assert.deepStrictEqual(shape(arrangePapers(digest, options({}))), [
      ['quantization', [1, 4]],
      ['kv-cache', [2]],
      ['other', [3]],
    ]);
  });

  test('by institution: names alphabetically, papers without one last', () => {
    assert.deepStrictEqual(shape(arrangePapers(digest, options({ groupBy: 'institution' }))), [
      ['Alibaba', [2, 4]],
      ['Tsinghua University', [1]],
      ['', [3]],
    ]);
  });

  test('no grouping: one group of every paper', () => {
    assert.deepStrictEqual(shape(arrangePapers(digest, options({ groupBy: 'none' }))), [['', [1, 2, 3, 4]]]);
  });

  test('sorted by title, and by strongest result with papers without one last', () => {
    assert.deepStrictEqual(shape(arrangePapers(digest, options({ groupBy: 'none', sortBy: 'title' }))), [
      ['', [4, 2, 1, 3]],
    ]);
    assert.deepStrictEqual(shape(arrangePapers(digest, options({ groupBy: 'none', sortBy: 'strongest' }))), [
      ['', [2, 1, 4, 3]],
    ]);
  });

  test('titles with numbers sort as numbers', () => {
    const numbered = parseDigest(
      inlineDigest(['Paper 10', 'Paper 9', 'Paper 100'].map((title) => ({ title, brief: 'A发布了B。' }))),
    );
    assert.deepStrictEqual(shape(arrangePapers(numbered, options({ groupBy: 'none', sortBy: 'title' }))), [
      ['', [2, 1, 3]],
    ]);
  });

  test('a filter matches title, institutions, technique labels in either language, or brief, in any case', () => {
    const filtered = (filter: string) =>
      arrangePapers(digest, options({ groupBy: 'none', filter }))[0]?.entries.map((e) => e.paper.index) ?? [];
    assert.deepStrictEqual(filtered('kvsQUEEZE'), [2]);
    assert.deepStrictEqual(filtered('alibaba group'), [2, 4]);
    assert.deepStrictEqual(filtered('Quantization'), [1, 4]);
    assert.deepStrictEqual(filtered('量化'), [1, 4]);
    assert.deepStrictEqual(filtered('训练不稳定'), [3]);
    assert.deepStrictEqual(filtered('  '), [1, 2, 3, 4], 'a blank filter shows all');
    assert.deepStrictEqual(arrangePapers(digest, options({ filter: 'nothing like this' })), []);
  });

  test('secondary techniques list a paper again, marked, without counting it', () => {
    const withSecondary = digest.papers.filter((p) => p.techniques.length > 1);
    const groups = arrangePapers(digest, options({ secondary: true }));
    const secondaryEntries = groups.flatMap((g) =>
      g.entries.filter((e) => e.secondary).map((e) => [g.key, e.paper.index]),
    );
    assert.deepStrictEqual(
      secondaryEntries.sort(),
      withSecondary.flatMap((p) => p.techniques.slice(1).map((t) => [t.id, p.index])).sort(),
    );
    for (const group of groups)
      assert.strictEqual(group.primaryCount, group.entries.filter((e) => !e.secondary).length);
    assert.strictEqual(
      groups.reduce((sum, g) => sum + g.primaryCount, 0),
      4,
    );
  });

  test("the reader's own technique replaces the one read; the read one stays as a secondary", () => {
    const moved = digest.papers[0];
    const read = moved.techniques[0].id;
    const own = read === 'moe' ? 'quantization' : 'moe';
    const groups = arrangePapers(
      digest,
      options({ secondary: true, techniqueOf: (p) => (p === moved ? own : undefined) }),
    );
    const where = (paper: typeof moved) =>
      groups.flatMap((g) => g.entries.filter((e) => e.paper === paper).map((e) => [g.key, e.secondary]));
    assert.deepStrictEqual(
      where(moved).filter(([, secondary]) => !secondary),
      [[own, false]],
    );
    assert.ok(where(moved).some(([key, secondary]) => key === read && secondary === true));
    for (const paper of digest.papers.slice(1))
      assert.deepStrictEqual(
        where(paper).filter(([, secondary]) => !secondary),
        [[paper.techniques[0].id, false]],
      );
  });

  test('papers that share a number are told apart by their occurrence', () => {
    const twice = parseDigest(
      inlineDigest([
        { index: 1, title: 'One', brief: 'A发布了B。' },
        { index: 1, title: 'Another one', brief: 'C发布了D。' },
      ]),
    );
    const [group] = arrangePapers(twice, options({ groupBy: 'none' }));
    assert.deepStrictEqual(
      group.entries.map((e) => [e.paper.title, e.occurrence]),
      [
        ['One', 0],
        ['Another one', 1],
      ],
    );
  });
});
