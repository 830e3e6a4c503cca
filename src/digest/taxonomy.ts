/**
 * The default technique taxonomy (../shared/design/techniques.md): stable ids, labels in
 * English and Chinese, and the words that count as evidence for each group.
 */
export interface TechniqueDefinition {
  readonly id: string;
  readonly label: { readonly en: string; readonly zh: string };
  /**
   * Regular-expression sources, matched case-insensitively from the start of a word; each
   * counts once per field. Each must begin with a literal stem (two or more characters, or
   * one CJK character), which is how the scanner finds candidates quickly.
   */
  readonly keywords: readonly string[];
  /** Phrases removed before matching: look-alikes that are not this technique. */
  readonly exclude?: readonly string[];
}

export const OTHER_TECHNIQUE_ID = 'other';

export const DEFAULT_TAXONOMY: readonly TechniqueDefinition[] = [
  {
    id: 'quantization',
    label: { en: 'Quantization', zh: '量化' },
    keywords: [
      'quantiz\\w*', 'PTQ\\b', 'QAT\\b', 'low-?bit', '1-bit\\b', '2-bit\\b', '3-bit\\b', '4-bit\\b', '8-bit\\b', 'INT4\\b', 'INT8\\b', 'FP4\\b', 'FP8\\b', 'W2A\\d+\\b', 'W3A\\d+\\b', 'W4A\\d+\\b', 'W8A\\d+\\b',
      'binar(?:y|ized) (?:neural|network|weight)', 'ternary', 'mixed[- ]precision', 'bit-?width',
      '量化', '低比特', '比特', '二值化', '三值', '混合精度', '位宽',
    ],
    exclude: [
      'vector quantiz\\w*', 'residual (?:vector )?quantiz\\w*', 'VQ\\b', 'RVQ\\b', 'VQ-?VAE', 'codebook',
      '向量量化', '残差量化', '可量化', '难以量化', '定量化', '量化(?:了)?[^，。,]{0,12}(?:趋势|影响|关系|程度|差异|贡献|不确定)', '量化(?:分析|评估|研究)',
      'quantif\\w*',
    ],
  },
  {
    id: 'pruning-sparsity',
    label: { en: 'Pruning & Sparsity', zh: '剪枝与稀疏' },
    keywords: [
      'prun\\w*', 'expert pruning', 'prun\\w* (?:of )?experts', 'sparsit\\w*', 'sparsif\\w*', 'slimm\\w*', 'structur\\w* compression',
      'remov\\w* (?:redundant |unimportant |useless )?(?:\\w+ )?(?:components|channels|filters|neurons|heads|layers)', 'lottery ticket', 'N:M\\b', 'structured sparse',
      '剪枝', '专家剪枝', '稀疏化', '结构(?:化)?压缩', '移除[^，。]{0,8}(?:组件|通道|滤波器|神经元|注意力头|层)', '去除[^，。]{0,8}(?:组件|通道|滤波器|神经元|注意力头|层)', '稀疏性', '激活稀疏', '权重稀疏', '修剪',
    ],
    exclude: [
      'search(?:es)? prun\\w*', 'tree prun\\w*', 'beam prun\\w*', 'candidates? prun\\w*', 'path prun\\w*',
      'prun\\w* (?:the )?(?:search|tree|beam|candidates)', '搜索(?:树)?剪枝',
    ],
  },
  {
    id: 'distillation',
    label: { en: 'Knowledge Distillation', zh: '知识蒸馏' },
    keywords: ['distill\\w*', 'teacher', 'student model', 'knowledge transfer', '蒸馏', '教师模型', '学生模型', '师生', '知识(?:迁移|转移)'],
  },
  {
    id: 'low-rank',
    label: { en: 'Low-Rank & Weight Sharing', zh: '低秩与参数共享' },
    keywords: [
      'low-?rank', 'SVD\\b', 'singular value', 'factori[sz]\\w*', 'weight sharing', 'parameter sharing',
      'model merging', 'layer merging', 'merg\\w* (?:the )?layers', 'dictionary learning',
      '低秩', '奇异值', '参数共享', '权重共享', '模型合并', '层合并', '字典学习',
    ],
    exclude: ['low-?rank adapt\\w*', 'LoRA\\b', 'QLoRA\\b', '低秩适(?:应|配)'],
  },
  {
    id: 'kv-cache',
    label: { en: 'KV Cache & Context Compression', zh: 'KV缓存与上下文压缩' },
    keywords: [
      'KV[- ]?cach\\w*', 'key-value cach\\w*', 'KV\\b', 'cache eviction', 'context compression', 'prompt compression',
      'compress\\w* (?:long )?contexts?', 'long[- ]context', 'latent attention',
      'KV缓存', '键值缓存', '上下文压缩', '提示压缩', '长上下文', '缓存驱逐',
    ],
  },
  {
    id: 'token-reduction',
    label: { en: 'Token Reduction', zh: 'Token精简' },
    keywords: [
      'tokens? (?:pruning|merging|dropping|reduction|selection|compression|sparsification)',
      'prun\\w* (?:redundant |the )?(?:visual |vision |image |video )?tokens', 'merg\\w* (?:redundant |the )?(?:visual |vision |image |video )?tokens',
      'drop\\w* (?:redundant |the )?(?:visual |vision |image |video )?tokens', 'reduc\\w* (?:redundant |the )?(?:visual |vision |image |video )?tokens',
      'select\\w* (?:redundant |the )?(?:visual |vision |image |video )?tokens',
      'visual tokens? (?:pruning|merging|dropping|reduction|selection|compression)', 'vision tokens? (?:pruning|merging|dropping|reduction|selection|compression)',
      'image tokens? (?:pruning|merging|dropping|reduction|selection|compression)', 'video tokens? (?:pruning|merging|dropping|reduction|selection|compression)',
      'visual tokens?', 'vision tokens?', 'frame selection', 'keyframe',
      '令牌(?:剪枝|合并|选择|缩减|压缩|精简|减少|丢弃)', 'token(?:剪枝|合并|选择|缩减|压缩|精简|减少|丢弃)', '视觉(?:令牌|token)', '图像(?:令牌|token)', '视频(?:令牌|token)', '帧选择', '关键帧',
    ],
  },
  {
    id: 'speculative-decoding',
    label: { en: 'Speculative & Parallel Decoding', zh: '投机与并行解码' },
    keywords: [
      'speculative', 'draft(?:er|ing)?\\b', 'multi-token prediction', 'parallel decoding', 'jacobi', 'lookahead decoding',
      '推测解码', '投机解码', '草稿', '并行解码', '多token预测',
    ],
  },
  {
    id: 'efficient-attention',
    label: { en: 'Efficient Attention & Architectures', zh: '高效注意力与架构' },
    keywords: [
      'linear attention', 'sparse attention', 'attention sparsity', 'efficient attention', 'attention mechanism', 'attention\\b', 'attn\\b', 'state[- ]space', 'SSMs?\\b', 'mamba', 'rwkv',
      'spik\\w*', 'SNNs?\\b', 'neuromorphic', 'resonate-and-fire', 'integrate-and-fire', 'LIF\\b', 'lightweight (?:cnn|network|architecture|backbone|detector|model)', 'efficient (?:\\w+ )?(?:cnn|backbone|architecture|transformer|network)', 'resource-efficient (?:\\w+ )?(?:cnn|backbone|architecture|network)',
      'yolo', 'mobilenet', 'metaformer', 'depthwise', 'separable convolution',
      '线性注意力', '稀疏注意力', '注意力稀疏', '注意力机制', '注意力', '状态空间', '脉冲', '神经形态', '轻量(?:级|化)?(?:网络|模型|架构|CNN|骨干|检测)', '高效的?(?:CNN|网络|架构|骨干)', '可分离卷积',
    ],
  },
  {
    id: 'moe',
    label: { en: 'Mixture of Experts & Routing', zh: '混合专家与路由' },
    keywords: [
      'mixture[- ]of[- ]experts?', 'MoEs?\\b', 'experts?\\b', 'router', 'routing',
      '混合专家', '专家', '路由',
    ],
  },
  {
    id: 'dynamic-compute',
    label: { en: 'Early Exit & Dynamic Computation', zh: '早退与动态计算' },
    keywords: [
      'early[- ]exit\\w*', 'layer[- ]skip\\w*', 'skip\\w* layers', 'adaptive computation', 'dynamic (?:network|inference|depth|width|computation)',
      '早退', '早期退出', '提前退出', '层跳过', '跳层', '自适应计算', '动态计算', '动态网络', '动态推理',
    ],
  },
  {
    id: 'diffusion-acceleration',
    label: { en: 'Diffusion Acceleration', zh: '扩散模型加速' },
    keywords: [
      'feature cach\\w*', 'activation cach\\w*', 'cache[- ]reuse', 'one-step', 'single-step', 'few-step', 'fewer (?:sampling )?steps', 'sampling steps',
      'step distillation', 'samplers?\\b', 'consistency model', 'diffusion sampling',
      'accelerat\\w* (?:\\w+ ){0,2}diffusion', 'fast\\w* (?:\\w+ ){0,2}diffusion', 'speed\\w* (?:\\w+ ){0,2}diffusion', 'diffusion (?:\\w+ ){0,2}accelerat\\w*',
      '特征缓存', '缓存复用', '一步', '少步', '采样步', '采样加速', '扩散采样', '扩散(?:模型)?(?:推理)?加速', '加速扩散',
    ],
  },
  {
    id: 'reasoning-efficiency',
    label: { en: 'Efficient Reasoning', zh: '高效推理链' },
    keywords: [
      'chain[- ]of[- ]thought', 'CoT\\b', 'overthink\\w*', 'reasoning (?:length|trace|chain|mode|budget)s?', 'test-time (?:compute|scaling)',
      'thinking budget', 'when to reason', 'efficient reasoning', 'hybrid reasoning',
      '思维链', '推理链', '过度思考', '推理长度', '推理模式', '混合推理', '测试时',
    ],
  },
  {
    id: 'serving-systems',
    label: { en: 'Serving & Systems', zh: '推理服务与系统' },
    keywords: [
      'serving', 'schedul\\w*', 'batching', 'disaggregat\\w*', 'prefill', 'inference (?:framework|engine|system)s?', 'vLLM', 'SGLang',
      'distributed', 'edge[- ]cloud', 'offload\\w*', 'tensor parallelism', 'sequence parallelism', 'pipeline parallelism', 'expert parallelism', 'throughput',
      '服务', '调度', '批处理', '分布式', '边缘-?云', '边云', '端云', '卸载', '推理框架', '推理系统', '预填充', '并行策略',
    ],
  },
  {
    id: 'hardware-compilers',
    label: { en: 'Hardware & Compilers', zh: '硬件与编译' },
    keywords: [
      'accelerator', 'FPGA', 'ASIC', 'NPU', 'CIM\\b', 'compute[- ]in[- ]memory', 'processing[- ]in[- ]memory', 'kernels?\\b', 'CUDA\\b',
      'compil\\w*', 'microcontroller', 'MCUs?\\b', 'MPSoC', 'hardware', 'co-design', 'systolic', 'memristor\\w*', 'photonic\\w*', 'in-memory comput\\w*',
      '硬件', '加速器', '编译', '存内计算', '内存计算', '忆阻器', '光子', '协同设计', '微控制器', '芯片', '内核',
    ],
  },
  {
    id: OTHER_TECHNIQUE_ID,
    label: { en: 'Other', zh: '其他' },
    keywords: [],
  },
];
