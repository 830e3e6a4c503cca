import * as assert from 'assert';
import { createClassifier, DEFAULT_TAXONOMY, type PaperText, type TechniqueModel } from '../../src/digest';
import { literalStem } from '../../src/digest/techniques';

const classifier = createClassifier();
const paper = (text: Partial<PaperText>): PaperText => ({
  title: '',
  technique: '',
  results: '',
  abstract: '',
  ...text,
});
const primary = (text: Partial<PaperText>) => classifier.classify(paper(text))[0].id;

/** Two toy techniques and other, for the classifier's mechanics under a hand-set model. */
const toyTaxonomy = [
  { id: 'a', label: { en: 'A', zh: 'A' }, keywords: ['alpha'] },
  { id: 'b', label: { en: 'B', zh: 'B' }, keywords: ['beta'] },
  { id: 'other', label: { en: 'Other', zh: '其他' }, keywords: [] },
];
const toyModel = (features: string[], weights: number[][], settings: Partial<TechniqueModel>): TechniqueModel => ({
  classes: ['a', 'b', 'other'],
  features,
  weights,
  bias: [0, 0, 0],
  margin: 0,
  secondary: 0.99,
  ...settings,
});

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
    assert.strictEqual(
      primary({
        title: 'LatticeQuant: 4-bit Weight Quantization for LLMs',
        technique: '基于格点码本的低比特权重量化',
        abstract: 'We propose a post-training quantization method that compresses weights to 4 bits.',
      }),
      'quantization',
    );
    assert.strictEqual(
      primary({
        title: 'Tree-Structured Speculative Decoding',
        technique: '基于草稿树的推测解码',
        abstract: 'A small draft model proposes tokens that the target model verifies.',
      }),
      'speculative-decoding',
    );
    assert.strictEqual(
      primary({
        title: 'An FPGA Accelerator for Transformer Inference',
        technique: 'FPGA硬件加速器设计',
        abstract: 'We design a hardware accelerator on FPGA.',
      }),
      'hardware-compilers',
    );
  });

  test('a diffusion model that distils its sampling steps is diffusion acceleration, not distillation', () => {
    assert.strictEqual(
      primary({
        title: 'Few-Step Distillation of Video Diffusion Models',
        technique: '扩散模型的步数蒸馏',
        results: '解决了采样慢的问题，达成了10倍加速',
        abstract: 'We distill a video diffusion model into a 4-step student, reducing sampling steps.',
      }),
      'diffusion-acceleration',
    );
    assert.strictEqual(
      primary({
        title: 'Distilling Large Language Models into Small Students',
        technique: '知识蒸馏技术（教师模型到学生模型）',
        abstract: 'A teacher LLM distills its knowledge into a student model.',
      }),
      'distillation',
    );
  });

  test('a decoding strategy for a diffusion language model is speculative and parallel decoding', () => {
    assert.strictEqual(
      primary({
        title: 'Fast Parallel Decoding for Diffusion Language Models',
        technique: '扩散语言模型的并行解码策略',
        abstract: 'Diffusion LLMs decode tokens in parallel; our confidence-aware decoding accelerates generation.',
      }),
      'speculative-decoding',
    );
  });

  test('LoRA fine-tuning is not low-rank compression; SVD compression is', () => {
    assert.strictEqual(
      primary({
        title: 'Efficient LoRA Fine-Tuning for Domain Adaptation',
        technique: 'LoRA低秩适配微调',
        abstract: 'We fine-tune LLMs with low-rank adaptation (LoRA) adapters for medical QA.',
      }),
      'other',
    );
    assert.strictEqual(
      primary({
        title: 'SVD-Based Low-Rank Compression of LLM Weights',
        technique: '基于奇异值分解的低秩权重压缩',
        abstract: 'We compress weight matrices with truncated SVD to low-rank factors.',
      }),
      'low-rank',
    );
  });

  test('a Mamba backbone is efficient attention and architectures', () => {
    assert.strictEqual(
      primary({
        title: 'VisionMamba-Lite: A Lightweight State Space Backbone',
        technique: '基于Mamba状态空间模型的轻量级骨干网络',
        abstract: 'We introduce a new backbone built on selective state space models.',
      }),
      'efficient-attention',
    );
  });

  test('token merging is token reduction; KV eviction and prompt compression are KV cache', () => {
    assert.strictEqual(
      primary({
        title: 'Token Merging for Vision Transformers',
        technique: '视觉token合并',
        abstract: 'We merge redundant visual tokens between transformer blocks.',
      }),
      'token-reduction',
    );
    assert.strictEqual(
      primary({
        title: 'H2O-Lite: Heavy-Hitter KV Cache Eviction',
        technique: '基于注意力分数的KV缓存驱逐',
        abstract: 'We evict KV cache entries with low accumulated attention.',
      }),
      'kv-cache',
    );
    assert.strictEqual(
      primary({
        title: 'Prompt Compression for Long-Context LLM Inference',
        technique: '基于语义锚点的提示压缩技术',
        abstract: 'We compress long prompts and contexts into a few anchor tokens.',
      }),
      'kv-cache',
    );
  });

  test('a benchmark or a planner with no efficiency technique is other', () => {
    assert.strictEqual(
      primary({
        title: 'MedBench: A Benchmark for Clinical Reasoning of LLMs',
        technique: '构建涵盖多科室的临床推理基准数据集',
        abstract: 'We introduce a benchmark dataset and evaluate 20 models.',
      }),
      'other',
    );
    assert.strictEqual(
      primary({
        title: 'LLM-Based Task Planner for Household Robots',
        technique: '基于大语言模型的任务规划器',
        abstract: 'Our planner decomposes instructions into sub-goals for a robot agent.',
      }),
      'other',
    );
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
        technique: '残差向量量化技术',
        abstract: 'vector quantization with a learned codebook',
      }),
      'other',
    );
    assert.strictEqual(
      primary({ technique: 'pruning the search tree of a planner', abstract: 'beam pruning' }),
      'other',
    );
  });

  test('techniques come primary first, each with the words that raised it and where they were found', () => {
    const [first] = classifier.classify(
      paper({
        title: 'Sparse Mixture-of-Experts with Adaptive Routing',
        technique: '混合专家路由技术',
        abstract: 'We route tokens to experts adaptively.',
      }),
    );
    assert.strictEqual(first.id, 'moe');
    assert.ok(first.score > 0.5 && first.score <= 1);
    assert.ok(first.reasons.some((r) => r.field === 'title' && r.text === 'Mixture-of-Experts'));
    assert.ok(first.reasons.some((r) => r.field === 'technique' && r.text === '混合专家'));
    assert.deepStrictEqual(
      first.evidence,
      first.reasons.map((r) => `${r.field}: ${r.text}`),
    );
  });

  test('the why names what raised the technique over its rival, not what raised both alike or little', () => {
    // "faster" (efficiency) raises a and b alike; "video" (visual) raises a a little.
    const model = toyModel(
      ['a@title', 'b@title', 'ctx:efficiency@title', 'ctx:visual@title'],
      [
        [3, 0, 1, 0.5],
        [0, 2, 1, 0],
        [0, 0, 0, 0],
      ],
      { margin: 1 },
    );
    const [first, second] = createClassifier(toyTaxonomy, model).classify(paper({ title: 'alpha beta faster video' }));
    assert.deepStrictEqual([first.id, first.reasons], ['a', [{ field: 'title', text: 'alpha' }]]);
    // The alternative's why: what raises it over the primary.
    assert.deepStrictEqual(
      [second.id, second.alternative, second.reasons],
      ['b', true, [{ field: 'title', text: 'beta' }]],
    );
  });

  test('when the best two are closer than the margin, the second is marked as the alternative', () => {
    const model = toyModel(
      ['a@title', 'b@title'],
      [
        [2, 0],
        [0, 2],
        [0, 0],
      ],
      { margin: 0.2 },
    );
    const close = createClassifier(toyTaxonomy, model).classify(paper({ title: 'alpha and beta' }));
    assert.deepStrictEqual(
      close.map((t) => [t.id, t.alternative]),
      [
        ['a', false],
        ['b', true],
      ],
    );
    const clear = createClassifier(toyTaxonomy, model).classify(paper({ title: 'alpha' }));
    assert.deepStrictEqual(
      clear.map((t) => t.id),
      ['a'],
    );
  });

  test('the title and brief decide when they are sure; the abstract is read when they leave doubt', () => {
    const model = toyModel(
      ['a@title', 'b@abstract'],
      [
        [4, 0],
        [0, 5],
        [0, 0],
      ],
      { headConfidence: 0.9 },
    );
    const sure = paper({ title: 'alpha', abstract: 'beta' });
    const [decided] = createClassifier(toyTaxonomy, model).classify(sure);
    assert.strictEqual(decided.id, 'a');
    assert.deepStrictEqual(decided.reasons, [{ field: 'title', text: 'alpha' }]);
    // Without the threshold the abstract is always read, and here it outweighs the title.
    const { headConfidence, ...alwaysReads } = model;
    assert.ok(headConfidence);
    assert.strictEqual(createClassifier(toyTaxonomy, alwaysReads).classify(sure)[0].id, 'b');
    const [doubt] = createClassifier(toyTaxonomy, model).classify(paper({ title: 'gamma', abstract: 'beta' }));
    assert.deepStrictEqual([doubt.id, doubt.reasons], ['b', [{ field: 'abstract', text: 'beta' }]]);
  });

  test("a user's groups pull papers in: alone, added to the defaults, or replacing one", () => {
    const robots = {
      id: 'robots',
      label: { en: 'Robots', zh: '机器人' },
      keywords: ['robot\\w*', '机器人'],
    };
    const other = DEFAULT_TAXONOMY.find((d) => d.id === 'other')!;
    const grasping = paper({
      title: 'Robotic grasping with vision',
      technique: '机器人抓取技术',
      abstract: 'A robot grasps objects.',
    });
    const quantized = paper({
      title: 'LatticeQuant: 4-bit Weight Quantization for LLMs',
      technique: '低比特权重量化',
      abstract: 'post-training quantization',
    });
    const alone = createClassifier([robots, other]);
    assert.strictEqual(alone.classify(grasping)[0].id, 'robots');
    assert.strictEqual(alone.classify(quantized)[0].id, 'other');
    const added = createClassifier([...DEFAULT_TAXONOMY.filter((d) => d !== other), robots, other]);
    assert.strictEqual(added.classify(grasping)[0].id, 'robots');
    assert.strictEqual(added.classify(quantized)[0].id, 'quantization');
    const replaced = createClassifier(
      DEFAULT_TAXONOMY.map((d) => (d.id === 'quantization' ? { ...d, keywords: ['binari[sz]\\w*', '二值化'] } : d)),
    );
    const binarized = paper({
      title: 'Binarized Transformers',
      technique: '权重二值化技术',
      abstract: 'We binarize weights; binarization keeps accuracy.',
    });
    assert.strictEqual(replaced.classify(binarized)[0].id, 'quantization');
  });

  test('a keyword must start with a literal', () => {
    assert.throws(() => createClassifier([{ id: 'x', label: { en: 'X', zh: 'X' }, keywords: ['\\w+'] }]), /literal/);
    assert.strictEqual(literalStem('KV[- ]?cach\\w*'), 'kv');
    assert.strictEqual(literalStem('experts?\\b'), 'expert');
  });
});
