import * as assert from 'assert';
import { findPaper, paperAtLine, paperKey, paperRef, parseDigest, problemsOf } from '../../src/digest';

// Paper 2 is numbered twice in both sections; paper 3 has a brief but no details.
const REPORT = [
  '# AI推理加速技术论文分析报告', // 0
  '分析论文数量: 4', // 1
  '',
  '## 论文技术简报', // 3
  '',
  '### 1. Alpha: Fast Decoding', // 5
  '',
  'MIT发布了Alpha论文，使用投机解码技术，解决了解码慢的问题，达成了2倍加速效果。', // 7
  '',
  '### 2. Beta: Small Caches', // 9
  '',
  'MIT发布了Beta论文，使用KV缓存压缩技术，解决了显存占用的问题，达成了4倍压缩效果。', // 11
  '',
  '### 2. Gamma: Sparse Attention', // 13
  '',
  'MIT发布了Gamma论文，使用稀疏注意力技术，解决了长上下文的问题，达成了3倍加速效果。', // 15
  '',
  '### 3. Delta: Quantization', // 17
  '',
  'MIT发布了Delta论文，使用量化技术，解决了模型大的问题，达成了50%压缩效果。', // 19
  '',
  '## 论文详细信息', // 21
  '',
  '### 1. Alpha: Fast Decoding', // 23
  '',
  '**主要机构**: MIT', // 25
  '**作者数量**: 3',
  '',
  '**摘要**:',
  'We decode twice as fast.',
  '',
  '### 2. Beta: Small Caches', // 31
  '',
  '**主要机构**: MIT',
  '**作者数量**: 2',
  '',
  '**摘要**:',
  'We shrink the cache.',
  '',
  '### 2. Gamma: Sparse Attention', // 39
  '',
  '**主要机构**: MIT',
  '**作者数量**: 2',
  '',
  '**摘要**:',
  'We attend sparsely.',
].join('\n');

suite('paper lookups: keys, references, the paper at a line, its problems', () => {
  const digest = parseDigest(REPORT);

  test('a key names the number and the occurrence, so repeated numbers stay apart', () => {
    assert.strictEqual(paperKey({ index: 2, occurrence: 1 }), '2#1');
    assert.notStrictEqual(paperKey({ index: 2, occurrence: 0 }), paperKey({ index: 2, occurrence: 1 }));
  });

  test('findPaper finds each occurrence of a repeated number, and nothing for an unknown one', () => {
    assert.strictEqual(findPaper(digest, { index: 1, occurrence: 0 })?.title, 'Alpha: Fast Decoding');
    assert.strictEqual(findPaper(digest, { index: 2, occurrence: 0 })?.title, 'Beta: Small Caches');
    assert.strictEqual(findPaper(digest, { index: 2, occurrence: 1 })?.title, 'Gamma: Sparse Attention');
    assert.strictEqual(findPaper(digest, { index: 2, occurrence: 2 }), undefined);
    assert.strictEqual(findPaper(digest, { index: 9, occurrence: 0 }), undefined);
  });

  test('paperRef is the inverse of findPaper for every paper', () => {
    for (const paper of digest.papers) assert.strictEqual(findPaper(digest, paperRef(digest, paper)), paper);
    const gamma = digest.papers.find((p) => p.title.startsWith('Gamma'))!;
    assert.deepStrictEqual(paperRef(digest, gamma), { index: 2, occurrence: 1 });
  });

  test('paperAtLine finds the paper from its brief or its details, and none between sections', () => {
    const titleAt = (line: number) => paperAtLine(digest, line)?.title;
    assert.strictEqual(titleAt(5), 'Alpha: Fast Decoding');
    assert.strictEqual(titleAt(7), 'Alpha: Fast Decoding');
    assert.strictEqual(titleAt(15), 'Gamma: Sparse Attention');
    assert.strictEqual(titleAt(19), 'Delta: Quantization');
    assert.strictEqual(titleAt(25), 'Alpha: Fast Decoding');
    assert.strictEqual(titleAt(39), 'Gamma: Sparse Attention');
    assert.strictEqual(titleAt(0), undefined);
    assert.strictEqual(titleAt(3), undefined);
  });

  test("problemsOf gives a paper the problems on its own lines and not the report's", () => {
    const delta = digest.papers.find((p) => p.index === 3)!;
    assert.deepStrictEqual(
      problemsOf(digest, delta).map((p) => p.code),
      ['missing-details'],
    );
    const alpha = digest.papers.find((p) => p.index === 1)!;
    assert.deepStrictEqual(problemsOf(digest, alpha), []);
    const reportWide = digest.problems.filter((p) => p.paperIndex === undefined).map((p) => p.code);
    for (const paper of digest.papers)
      for (const problem of problemsOf(digest, paper)) assert.ok(!reportWide.includes(problem.code));
  });
});
