import * as assert from 'assert';
import { createClassifier, DEFAULT_TAXONOMY } from '../../src/digest';
import { literalStem } from '../../src/digest/techniques';

const classifier = createClassifier();
const primary = (text: Partial<Record<'title' | 'technique' | 'results' | 'abstract', string>>) =>
  classifier.classify({ title: '', technique: '', results: '', abstract: '', ...text })[0].id;

suite('technique classifier', () => {
  test('the default taxonomy has the documented ids, in order, with en and zh labels', () => {
    assert.deepStrictEqual(
      DEFAULT_TAXONOMY.map((t) => t.id),
      [
        'quantization',
        'pruning-sparsity',
        'distillation',
        'low-rank',
        'kv-cache',
        'token-reduction',
        'speculative-decoding',
        'efficient-attention',
        'moe',
        'dynamic-compute',
        'diffusion-acceleration',
        'reasoning-efficiency',
        'serving-systems',
        'hardware-compilers',
        'other',
      ],
    );
    for (const t of DEFAULT_TAXONOMY) assert.ok(t.label.en && t.label.zh);
  });

  test('title and technique-clause words decide, in English and Chinese', () => {
    assert.strictEqual(primary({ title: 'LatticeQuant: 4-bit Weight Quantization for LLMs' }), 'quantization');
    assert.strictEqual(primary({ technique: '基于格点码本的低比特权重量化' }), 'quantization');
    assert.strictEqual(primary({ technique: '查询感知的KV缓存驱逐' }), 'kv-cache');
    assert.strictEqual(primary({ title: 'Tree-Structured Speculative Decoding' }), 'speculative-decoding');
    assert.strictEqual(primary({ technique: '视觉令牌合并' }), 'token-reduction');
  });

  test('keyword traps count for nothing', () => {
    assert.strictEqual(
      primary({ results: '成功量化多模态VLM激增趋势', technique: '量化计算机视觉研究趋势' }),
      'other',
      '量化 meaning "to measure"',
    );
    assert.strictEqual(
      primary({
        title: 'Residual Vector Quantization for Speech Tokenizers',
        abstract: 'vector quantization with a learned codebook',
      }),
      'other',
    );
    assert.strictEqual(
      primary({ technique: 'pruning the search tree of a planner', abstract: 'beam pruning' }),
      'other',
    );
    assert.strictEqual(primary({ title: 'Efficient LoRA Fine-Tuning', abstract: 'low-rank adaptation' }), 'other');
  });

  test('a paper with only passing mentions in its abstract stays in other', () => {
    assert.strictEqual(primary({ abstract: 'Unlike distillation, our agent ...' }), 'other');
    assert.strictEqual(primary({ abstract: 'distillation, a teacher, knowledge transfer' }), 'distillation');
  });

  test('the most specific phrase wins: token pruning is token reduction, sparse attention is attention', () => {
    assert.strictEqual(primary({ title: 'Visual Token Pruning for VLMs' }), 'token-reduction');
    assert.strictEqual(primary({ technique: '稀疏注意力机制' }), 'efficient-attention');
    assert.strictEqual(primary({ title: 'Expert Pruning for MoE' }), 'pruning-sparsity');
  });

  test('techniques come primary first, each with its evidence', () => {
    const [first, ...others] = classifier.classify({
      title: 'Distilled Quantized Transformers',
      technique: '量化与知识蒸馏',
      results: '',
      abstract: '',
    });
    assert.ok(first.score >= others[0].score);
    assert.deepStrictEqual(new Set([first.id, others[0].id]), new Set(['quantization', 'distillation']));
    assert.ok(first.evidence.some((e) => e.startsWith('title: ')));
  });

  test('a user taxonomy replaces the default; a keyword must start with a literal', () => {
    const custom = createClassifier([
      { id: 'robots', label: { en: 'Robots', zh: '机器人' }, keywords: ['robot\\w*', '机器人'] },
      { id: 'other', label: { en: 'Other', zh: '其他' }, keywords: [] },
    ]);
    assert.strictEqual(
      custom.classify({ title: 'Robotic grasping', technique: '', results: '', abstract: '' })[0].id,
      'robots',
    );
    assert.strictEqual(
      custom.classify({ title: 'Quantization', technique: '', results: '', abstract: '' })[0].id,
      'other',
    );
    assert.throws(() => createClassifier([{ id: 'x', label: { en: 'X', zh: 'X' }, keywords: ['\\w+'] }]), /literal/);
    assert.strictEqual(literalStem('KV[- ]?cach\\w*'), 'kv');
    assert.strictEqual(literalStem('experts?\\b'), 'expert');
  });
});
