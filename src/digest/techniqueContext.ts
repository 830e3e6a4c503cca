import type { PhraseGroup } from './phraseScanner';

/**
 * Words that are no technique on their own but change what a technique word means, as the
 * labellers' conventions read them (../shared/labels/README.md): distillation *of a
 * diffusion model's steps* is diffusion acceleration, LoRA *fine-tuning* is not low-rank
 * compression, a *benchmark* with no efficiency technique is other. The model learns their
 * weights; each is a feature per field, and PAIRS below are features where both are found.
 */
export interface ContextWords extends PhraseGroup {
  readonly id: string;
}

export const CONTEXT_WORDS: readonly ContextWords[] = [
  { id: 'diffusion', keywords: ['diffusion', 'DiTs?\\b', 'denois\\w*', 'flow matching', '扩散', '去噪'] },
  {
    id: 'diffusion-lm',
    keywords: [
      'diffusion (?:large )?language models?',
      'diffusion LLMs?',
      'dLLMs?\\b',
      'DLMs?\\b',
      'masked diffusion',
      '扩散(?:大)?语言模型',
    ],
  },
  { id: 'steps', keywords: ['steps?\\b', 'NFEs?\\b', 'timesteps?', '步', '时间步'] },
  {
    id: 'generation',
    keywords: ['text-to-image', 'image generation', 'video generation', '文生图', '图像生成', '视频生成'],
  },
  {
    id: 'lora',
    keywords: [
      'LoRA\\b',
      'QLoRA\\b',
      'low-?rank adapt\\w*',
      'adapters?\\b',
      'PEFT\\b',
      'parameter-efficient',
      '低秩适',
      '适配器',
      '参数高效',
    ],
  },
  { id: 'fine-tuning', keywords: ['fine-?tun\\w*', '微调'] },
  { id: 'compression', keywords: ['compress\\w*', '压缩'] },
  { id: 'backbone', keywords: ['backbones?', 'architectures?', 'hybrid model', '骨干', '架构', '主干'] },
  { id: 'token', keywords: ['tokens?\\b', 'token', '令牌'] },
  { id: 'merging', keywords: ['merg\\w*', 'aggregat\\w*', '合并', '聚合'] },
  {
    id: 'visual',
    keywords: [
      'visual',
      'vision',
      'image',
      'video',
      'VLMs?\\b',
      'MLLMs?\\b',
      'multimodal',
      '视觉',
      '图像',
      '视频',
      '多模态',
    ],
  },
  { id: 'cache', keywords: ['cach\\w*', '缓存'] },
  { id: 'eviction', keywords: ['evict\\w*', 'retention', '驱逐', '淘汰', '保留'] },
  { id: 'context', keywords: ['contexts?\\b', 'prompts?\\b', '上下文', '提示'] },
  { id: 'decoding', keywords: ['decod\\w*', 'generation speed', '解码'] },
  { id: 'parallel', keywords: ['parallel\\w*', '并行'] },
  { id: 'reasoning', keywords: ['reason\\w*', 'think\\w*', '思考', '推理链', '思维'] },
  { id: 'layers', keywords: ['layers?\\b', 'depth', '层'] },
  {
    id: 'evaluation',
    keywords: [
      'benchmark\\w*',
      'datasets?\\b',
      'evaluat\\w*',
      'survey',
      'empirical study',
      '基准',
      '数据集',
      '评测',
      '评估',
      '综述',
    ],
  },
  { id: 'agent', keywords: ['agent\\w*', 'planner', 'planning', 'robot\\w*', '智能体', '规划', '机器人'] },
  {
    id: 'efficiency',
    keywords: [
      'efficien\\w*',
      'accelerat\\w*',
      'speed\\w*',
      'faster',
      'latency',
      'lightweight',
      '加速',
      '高效',
      '延迟',
      '轻量',
    ],
  },
  { id: 'training', keywords: ['training', 'pre-?train\\w*', '训练'] },
  { id: 'hardware-words', keywords: ['GPUs?\\b', 'edge devices?', 'mobile', 'on-device', '边缘设备', '移动', '端侧'] },
];

/**
 * Pairs of a technique id or context word with another, found together in the title or
 * the technique clause: the combinations the conventions decide by.
 */
export const PAIRS: readonly (readonly [string, string])[] = [
  ['diffusion', 'distillation'],
  ['diffusion', 'steps'],
  ['diffusion', 'cache'],
  ['diffusion', 'quantization'],
  ['diffusion', 'pruning-sparsity'],
  ['diffusion', 'token-reduction'],
  ['diffusion-lm', 'decoding'],
  ['diffusion-lm', 'parallel'],
  ['diffusion-lm', 'cache'],
  ['lora', 'fine-tuning'],
  ['lora', 'compression'],
  ['lora', 'low-rank'],
  ['token', 'merging'],
  ['token', 'pruning-sparsity'],
  ['visual', 'token'],
  ['visual', 'pruning-sparsity'],
  ['cache', 'eviction'],
  ['context', 'compression'],
  ['reasoning', 'kv-cache'],
  ['reasoning', 'compression'],
  ['reasoning', 'efficiency'],
  ['backbone', 'efficiency'],
  ['efficient-attention', 'backbone'],
  ['evaluation', 'efficiency'],
  ['layers', 'merging'],
  ['layers', 'pruning-sparsity'],
];
