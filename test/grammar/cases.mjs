// Lines from real reports, with the substrings that must carry a scope ("- scope": must not).
export const cases = [
  [
    '### 2. BALDWHISPER: FASTER WHISPER WITH HEAD SHEARING AND LAYER MERGING',
    [
      ['2', 'constant.numeric.paper-number.digest-lens'],
      ['2', 'markup.heading.markdown'],
      ['BALDWHISPER', 'entity.name.section.markdown'],
      ['BALDWHISPER', '- constant.numeric'],
    ],
  ],
  [
    '### 21. When to Reason: Semantic Router for vLLM',
    [
      ['21', 'constant.numeric.paper-number.digest-lens'],
      ['When', 'markup.heading.markdown'],
    ],
  ],
  ['## Section 2 论文详细信息', [['2', '- constant.numeric']]],
  [
    'CNRS发布了BALDWHISPER论文，使用低秩分解和特征蒸馏压缩嵌入、层合并的剪枝技术，解决了低资源语言下Whisper模型轻量化需大量重训练数据的问题，达成了保留90%性能、模型小48%且速度提升2.15倍的效果',
    [
      ['发布了', 'keyword.other.clause.digest-lens'],
      ['使用', 'keyword.other.clause.digest-lens'],
      ['解决了', 'keyword.other.clause.digest-lens'],
      ['达成了', 'keyword.other.clause.digest-lens'],
      ['90%', 'constant.numeric.headline.digest-lens'],
      ['48%', 'constant.numeric.headline.digest-lens'],
      ['2.15倍', 'constant.numeric.headline.digest-lens'],
    ],
  ],
  [
    'Ant Group发布了dInfer论文，使用模块化推理管道分解及算法创新与系统优化技术，解决了扩散语言模型（dLLMs）缺乏标准化高效推理框架的问题，达成在8×H800 GPU上batch size 1时HumanEval达1100+ tokens/秒、较Fast-dLLM提速10倍且较QWen2.5-3B（vLLM）提速2-3倍的效果。',
    [
      ['8×H800', '- constant.numeric'],
      ['1100+ tokens/秒', 'constant.numeric.headline.digest-lens'],
      ['10倍', 'constant.numeric.headline.digest-lens'],
      ['QWen2.5-3B', '- constant.numeric'],
      ['2-3倍', 'constant.numeric.headline.digest-lens'],
    ],
  ],
  [
    '字节跳动和中山大学发布了Dense2MoE论文，达成了在视觉质量接近12B FLUX.1 [dev]的同时，激活参数降至5.2B、4B、3.2B的高效生成效果。',
    [
      ['12B', '- constant.numeric'],
      ['5.2B', '- constant.numeric'],
      ['Dense2MoE', '- constant.numeric'],
    ],
  ],
  [
    '曼彻斯特大学发布了研究趋势测量论文，使用手工构建的词典，达成了分析2023-2025年26,104篇论文的效果。',
    [
      ['2023-2025', '- constant.numeric'],
      ['26,104', '- constant.numeric'],
    ],
  ],
  [
    '研究团队发布了StreamingVLM论文，达成Inf-Streams-Eval对GPT-4O mini 66.18%胜率、单H100 8 FPS实时性能及LongVideoBench+4.30等VQA能力提升。',
    [
      ['66.18%', 'constant.numeric.headline.digest-lens'],
      ['8 FPS', 'constant.numeric.headline.digest-lens'],
      ['H100', '- constant.numeric'],
    ],
  ],
  [
    'UC Berkeley、IBM Research发布了论文，使用语义路由器技术，解决了LLM推理时推理模式带来的高成本问题，达成MMLU-Pro准确率提升10.2个百分点、延迟降低47.1%的效果。',
    [
      ['10.2个百分点', 'constant.numeric.headline.digest-lens'],
      ['47.1%', 'constant.numeric.headline.digest-lens'],
    ],
  ],
  [
    '发布了《Agentic AI Reasoning for Mobile Edge General Intelligence》论文，使用联合优化框架，解决了资源受限问题，达成了延迟降低35%的效果。',
    [
      ['使用', 'keyword.other.clause.digest-lens'],
      ['35%', 'constant.numeric.headline.digest-lens'],
    ],
  ],
  [
    '**主要机构**: Northeastern University, NLP Lab, Kunming University of Science and Technology',
    [['主要机构', 'keyword.other.field.digest-lens']],
  ],
  [
    '**作者数量**: 8人',
    [
      ['作者数量', 'keyword.other.field.digest-lens'],
      ['8', 'constant.numeric.author-count.digest-lens'],
      ['人', 'keyword.other.unit.digest-lens'],
    ],
  ],
  ['**摘要**:', [['摘要', 'keyword.other.field.digest-lens']]],
  [
    'The final model preserves 90% of the original performance while being 48% smaller and 2.15x faster on a MacBook Air M1 in 2025.',
    [
      ['90%', '- constant.numeric'],
      ['2.15x', '- constant.numeric'],
      ['2025', '- constant.numeric'],
    ],
  ],
  [
    '**Authors**: 9',
    [
      ['Authors', 'keyword.other.field.digest-lens'],
      ['9', 'constant.numeric.author-count.digest-lens'],
    ],
  ],
  [
    'Northwind University published the NanoServe paper, using disaggregated scheduling, solving latency spikes, achieving 2.3x higher throughput on 7B models in 2026.',
    [
      ['published', 'keyword.other.clause.digest-lens'],
      ['using', 'keyword.other.clause.digest-lens'],
      ['2.3x', 'constant.numeric.headline.digest-lens'],
      ['7B', '- constant.numeric'],
      ['2026', '- constant.numeric'],
    ],
  ],
  [
    '加州大学发布了PTQTP论文，使用三元权重后训练量化框架（将权重分解为结构化{-1,0,1}trit-planes，2×1.58位表示）实现无乘法推理，解决了大语言模型极低比特量化中计算效率与表达能力的权衡问题，达成数学推理保留率82.4%（竞品0%）且量化仅需1小时的效果。',
    [
      ['82.4%', 'constant.numeric.headline.digest-lens'],
      ['0%', '- constant.numeric'],
      ['2×', '- constant.numeric'],
    ],
  ],
  [
    '某实验室发布了X论文，达成了误差范围0%-5%、速度提升3.7到4倍、从26 FPS提升至45 FPS且错误率从10%降至0.1%的效果。',
    [
      ['0%-5%', 'constant.numeric.headline.digest-lens'],
      ['3.7到4倍', 'constant.numeric.headline.digest-lens'],
      ['26 FPS', '- constant.numeric'],
      ['45 FPS', 'constant.numeric.headline.digest-lens'],
      ['10%', '- constant.numeric'],
      ['0.1%', 'constant.numeric.headline.digest-lens'],
    ],
  ],
  // Headline numbers as src/digest/numbers.ts reads them: bare results, rates, savings, ranges with arrows.
  [
    '某大学发布了X论文，达成了F1分数0.46、处理速度35×更快（0.17秒/图）且成本仅为LVLMs的0.01×（0.006 USD/千图）的效果。',
    [
      ['0.46', 'constant.numeric.headline.digest-lens'],
      ['F1', '- constant.numeric'],
      ['0.17秒/图', 'constant.numeric.headline.digest-lens'],
      ['0.006 USD/千图', 'constant.numeric.headline.digest-lens'],
    ],
  ],
  [
    '某团队发布了X论文，达成250帧/秒实时处理速度与高分割精度（单数据集Dice=0.855、MSD=0.993px）的效果。',
    [
      ['250帧/秒', 'constant.numeric.headline.digest-lens'],
      ['0.855', 'constant.numeric.headline.digest-lens'],
      ['Dice=', '- constant.numeric'],
      ['0.993px', 'constant.numeric.headline.digest-lens'],
    ],
  ],
  [
    '某团队发布了X论文，达成了在LLaMA-2-7B 2位量化下困惑度从22.1降至15.4、SSIM 0.796、39.0 mAP、LongVideoBench+4.30及评分4.5/5的效果。',
    [
      ['15.4', 'constant.numeric.headline.digest-lens'],
      ['22.1', '- constant.numeric'],
      ['SSIM 0.796', 'constant.numeric.headline.digest-lens'],
      ['39.0 mAP', 'constant.numeric.headline.digest-lens'],
      ['+4.30', 'constant.numeric.headline.digest-lens'],
      ['4.5/5', 'constant.numeric.headline.digest-lens'],
      ['7B', '- constant.numeric'],
    ],
  ],
  [
    '某团队发布了X论文，达成了8步内生成、节省5层、模型仅需49kB、准确率+2%、GSM8K 58%→67%、推理时间减半且节省约一半显存的效果。',
    [
      ['8步', 'constant.numeric.headline.digest-lens'],
      ['5层', 'constant.numeric.headline.digest-lens'],
      ['节省', '- constant.numeric'],
      ['49kB', 'constant.numeric.headline.digest-lens'],
      ['+2%', 'constant.numeric.headline.digest-lens'],
      ['58%→67%', 'constant.numeric.headline.digest-lens'],
      ['GSM8K', '- constant.numeric'],
      ['减半', 'constant.numeric.headline.digest-lens'],
      ['一半', 'constant.numeric.headline.digest-lens'],
    ],
  ],
  [
    'Northwind University published the X paper, achieving 50k pairs per second, an F1 of 0.705 and latency down to 15.4 ms within 8 steps, 3 percentage points higher accuracy, and a 32-layer model in 2026.',
    [
      ['50k pairs per second', 'constant.numeric.headline.digest-lens'],
      ['0.705', 'constant.numeric.headline.digest-lens'],
      ['15.4 ms', 'constant.numeric.headline.digest-lens'],
      ['8 steps', 'constant.numeric.headline.digest-lens'],
      ['3 percentage points', 'constant.numeric.headline.digest-lens'],
      ['32-layer', '- constant.numeric'],
      ['2026', '- constant.numeric'],
    ],
  ],
  [
    '某团队发布了X论文，使用32个专家和2025年的数据，达成了在batch size为8、阈值为0.7时延迟降低4倍的效果。',
    [
      ['32', '- constant.numeric'],
      ['2025', '- constant.numeric'],
      ['8', '- constant.numeric'],
      ['0.7', '- constant.numeric'],
      ['4倍', 'constant.numeric.headline.digest-lens'],
    ],
  ],
];
