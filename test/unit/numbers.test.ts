import * as assert from 'assert';
import fc from 'fast-check';
import { findHeadlineNumbers } from '../../src/digest/numbers';
import { compareStrength, numberPhrase, strongestNumber } from '../../src/digest';

const texts = (text: string) => findHeadlineNumbers(text).map((n) => n.text);
const read = (text: string) =>
  findHeadlineNumbers(text).map(({ text, kind, value, low, unit }) => ({
    text,
    kind,
    value,
    unit,
    ...(low !== undefined ? { low } : {}),
  }));

suite('headline numbers', () => {
  test('speedups in every written shape', () => {
    assert.deepStrictEqual(read('速度提升2.15倍'), [{ text: '2.15倍', kind: 'speedup', value: 2.15, unit: '×' }]);
    assert.deepStrictEqual(read('is 2.15x faster'), [{ text: '2.15x', kind: 'speedup', value: 2.15, unit: '×' }]);
    assert.deepStrictEqual(read('加速31 ×'), [{ text: '31 ×', kind: 'speedup', value: 31, unit: '×' }]);
    assert.deepStrictEqual(read('提速10×，'), [{ text: '10×', kind: 'speedup', value: 10, unit: '×' }]);
    assert.deepStrictEqual(read('加速8-28倍'), [{ text: '8-28倍', kind: 'speedup', value: 28, low: 8, unit: '×' }]);
    assert.deepStrictEqual(read('速度达最先进架构三倍'), [{ text: '三倍', kind: 'speedup', value: 3, unit: '×' }]);
  });

  test('percentages, ranges and percentage points, typed by the words around them', () => {
    assert.deepStrictEqual(read('内存减少48%'), [{ text: '48%', kind: 'reduction', value: 48, unit: '%' }]);
    assert.deepStrictEqual(read('开销降低50%-70%'), [
      { text: '50%-70%', kind: 'reduction', value: 70, low: 50, unit: '%' },
    ]);
    assert.deepStrictEqual(read('准确率达79.14%'), [{ text: '79.14%', kind: 'accuracy', value: 79.14, unit: '%' }]);
    assert.deepStrictEqual(read('性能提升17%'), [{ text: '17%', kind: 'improvement', value: 17, unit: '%' }]);
    assert.deepStrictEqual(read('准确率提升10.2个百分点'), [
      { text: '10.2个百分点', kind: 'points', value: 10.2, unit: 'pp' },
    ]);
    assert.deepStrictEqual(read('压缩至<5%令牌'), [{ text: '<5%', kind: 'reduction', value: 5, unit: '%' }]);
  });

  test('throughput, scores and other units', () => {
    assert.deepStrictEqual(read('HumanEval达1100+ tokens/秒'), [
      { text: '1100+ tokens/秒', kind: 'throughput', value: 1100, unit: 'tokens/s' },
    ]);
    assert.deepStrictEqual(read('单H100 8 FPS实时'), [{ text: '8 FPS', kind: 'throughput', value: 8, unit: 'FPS' }]);
    assert.deepStrictEqual(read('AP50 35.7的SOTA'), [{ text: 'AP50 35.7', kind: 'score', value: 35.7, unit: '' }]);
    assert.deepStrictEqual(read('LongVideoBench+4.30等'), [{ text: '+4.30', kind: 'score', value: 4.3, unit: '' }]);
    assert.deepStrictEqual(read('PSNR提升达5.79dB'), [{ text: '5.79dB', kind: 'quantity', value: 5.79, unit: 'dB' }]);
  });

  test('model sizes, hardware counts, years and identifiers are not results', () => {
    assert.deepStrictEqual(read('在8×H800 GPU上运行Qwen2.5-3B与7B模型（2025年）'), []);
    assert.deepStrictEqual(read('激活参数降至5.2B、4B'), []);
    assert.deepStrictEqual(read('竞品0%'), [], 'a zero is no headline');
  });

  test("a number's phrase is its clause of the brief", () => {
    const brief = '达成了保留90%性能、模型小48%且速度提升2.15倍的效果';
    const phrases = findHeadlineNumbers(brief).map((n) => [n.kind, numberPhrase(brief, n)]);
    assert.deepStrictEqual(phrases, [
      ['accuracy', '保留90%性能'],
      ['reduction', '模型小48%'],
      ['speedup', '速度提升2.15倍的效果'],
    ]);
  });

  test('the words after a list say what each of its items is', () => {
    const kinds = (text: string) => findHeadlineNumbers(text).map((n) => [n.text, n.kind]);
    assert.deepStrictEqual(kinds('达成了1.44%-5.46%及0.35%-5.37%的提升'), [
      ['1.44%-5.46%', 'improvement'],
      ['0.35%-5.37%', 'improvement'],
    ]);
    assert.deepStrictEqual(kinds('达成了2倍、3倍的KV缓存压缩'), [
      ['2倍', 'ratio'],
      ['3倍', 'ratio'],
    ]);
    assert.deepStrictEqual(
      kinds('延迟降低40%，精度提升2%'),
      [
        ['40%', 'reduction'],
        ['2%', 'improvement'],
      ],
      'an item with its own cue keeps it',
    );
    assert.strictEqual(
      strongestNumber(findHeadlineNumbers('上1.44%-5.46%及0.35%-5.37%的精度提升'))?.text,
      '1.44%-5.46%',
    );
  });

  test('offsets point at the exact text', () => {
    const text = '达成了保留90%性能、速度提升2.15倍的效果';
    for (const n of findHeadlineNumbers(text)) assert.strictEqual(text.substr(n.offset, n.text.length), n.text);
    assert.deepStrictEqual(
      findHeadlineNumbers('标题2倍，达成3倍', 5).map((n) => n.text),
      ['3倍'],
      'text before `from` is not searched',
    );
  });

  test('bare decimals stated as results, and the metrics that name them', () => {
    assert.deepStrictEqual(texts('达成了F1分数0.46的效果'), ['0.46'], 'a metric joined by words: the value alone');
    assert.deepStrictEqual(texts('单数据集Dice=0.855'), ['0.855']);
    assert.deepStrictEqual(texts('宏F1分数至0.8707'), ['0.8707']);
    assert.deepStrictEqual(texts('Pearson Correlation达0.9187'), ['0.9187']);
    assert.deepStrictEqual(texts('SSIM 0.796、FID 6.98'), ['SSIM 0.796', 'FID 6.98'], 'name, space, value: one item');
    assert.deepStrictEqual(texts('达成了F1 0.705、CSI 0.452的效果'), ['F1 0.705', 'CSI 0.452']);
    assert.deepStrictEqual(texts('39.0 mAP检测、1.08 minADE运动预测'), ['39.0 mAP', '1.08 minADE']);
    assert.deepStrictEqual(texts('0.32碰撞率'), ['0.32']);
    assert.deepStrictEqual(texts('困惑度增加0.09'), ['0.09']);
    assert.deepStrictEqual(texts('Dice分数分别达0.76、0.80、0.85'), ['0.76', '0.80', '0.85'], 'a list of results');
    assert.deepStrictEqual(texts('平均0.285±0.015'), ['0.285±0.015']);
    assert.deepStrictEqual(texts('跨数据集平均Dice 0.734/0.761'), ['0.734/0.761']);
    assert.deepStrictEqual(texts('AP@.5>0.85和实时效率（FPS>30）'), ['AP@.5>0.85', 'FPS>30']);
    assert.deepStrictEqual(texts('质量评价4.5/5'), ['4.5/5']);
    assert.deepStrictEqual(texts('achieving an F1 of 0.705 and perplexity down to 15.4'), ['0.705', '15.4']);
    assert.deepStrictEqual(
      texts('an F1 of 0.705, a BLEU of 31.2 and 1,024 tokens'),
      ['0.705', '31.2'],
      'an English comma ends it',
    );
  });

  test('bare numbers that are conditions, qualifiers, counts or identifiers are not results', () => {
    assert.deepStrictEqual(texts('温度为0.7时准确率达90%'), ['90%'], 'a condition');
    assert.deepStrictEqual(texts('AP 0.5达35.8%'), ['35.8%'], 'the 0.5 qualifies the metric, whose value follows');
    assert.deepStrictEqual(texts('16:32模式性能接近非结构化稀疏'), []);
    assert.deepStrictEqual(texts('在LLaMA 3.2上，2025年'), []);
    assert.deepStrictEqual(texts('超过TSN单独使用的0.77'), [], 'no metric and no verb');
  });

  test('a baseline is not a result: the number after 从, vs or 竞品', () => {
    assert.deepStrictEqual(texts('困惑度从22.1降至15.4'), ['15.4']);
    assert.deepStrictEqual(texts('推理速度从26 FPS提升至45 FPS'), ['45 FPS']);
    assert.deepStrictEqual(texts('保留率82.4%（竞品0%）'), ['82.4%']);
    assert.deepStrictEqual(texts('每层仅路由10%令牌'), ['10%'], '由 inside a word is no 从');
  });

  test('signs, arrows and slashes as written', () => {
    assert.deepStrictEqual(texts('小数据集精度提升达+2%'), ['+2%']);
    assert.deepStrictEqual(read('GSM8K 58%→67%'), [{ text: '58%→67%', kind: 'ratio', value: 67, low: 58, unit: '%' }]);
    assert.deepStrictEqual(texts('16.67倍/22倍无损加速'), ['16.67倍', '22倍']);
    assert.deepStrictEqual(texts('延迟降低24%/23%'), ['24%', '23%']);
  });

  test('step, layer and size counts only when they are the saving', () => {
    assert.deepStrictEqual(texts('在8步内生成高质量图像'), ['8步']);
    assert.deepStrictEqual(texts('节省5层'), ['5层']);
    assert.deepStrictEqual(texts('采样步数从50步降至1步'), ['1步'], 'the count it starts from is a baseline');
    assert.deepStrictEqual(texts('generating within 8 steps'), ['8 steps']);
    assert.deepStrictEqual(texts('模型仅需49kB'), ['49kB']);
    assert.deepStrictEqual(texts('使用50步采样、24层Transformer'), [], 'steps and layers set as conditions');
    assert.deepStrictEqual(texts('轻量化（0.42MB内存）'), [], 'a model size');
  });

  test('rates per second or per item, orders of magnitude and halves', () => {
    assert.deepStrictEqual(read('达到50k pairs per second'), [
      { text: '50k pairs per second', kind: 'throughput', value: 50000, unit: 'pairs/s' },
    ]);
    assert.deepStrictEqual(read('推理速度超100 TPS'), [
      { text: '100 TPS', kind: 'throughput', value: 100, unit: 'TPS' },
    ]);
    assert.deepStrictEqual(read('处理8.8 WSIs/分钟'), [
      { text: '8.8 WSIs/分钟', kind: 'throughput', value: 8.8, unit: 'WSIs/min' },
    ]);
    assert.deepStrictEqual(texts('处理速度（0.17秒/图）且成本0.70美元/百万输出tokens'), [
      '0.17秒/图',
      '0.70美元/百万输出tokens',
    ]);
    assert.deepStrictEqual(read('推断能量降低超四个数量级'), [
      { text: '四个数量级', kind: 'reduction', value: 10000, unit: '×' },
    ]);
    assert.deepStrictEqual(read('推理时间减半'), [{ text: '减半', kind: 'reduction', value: 50, unit: '%' }]);
    assert.deepStrictEqual(texts('节省约一半GPU成本，一半的样本'), ['一半']);
    assert.deepStrictEqual(texts('精度提升1点、3点，点云'), ['1点', '3点']);
    assert.deepStrictEqual(texts('MSD=0.993px，误差3.36°'), ['0.993px', '3.36°']);
    assert.deepStrictEqual(texts('计算量51.1M FLOPs'), ['51.1M FLOPs']);
  });

  test('on any text: numbers are exact substrings after `from`, in order, never overlapping', () => {
    // Pieces of the shapes the rules read, shuffled into text no report writes.
    const piece = fc.constantFrom(
      ...['0.5', '12', '3', '2.15', '1,024', '.', '%', '倍', '×', 'x', '+', '<', '-', '→', '/', '±', ' ', '、', '，'],
      ...['达成了', '从', '降至', '提升', '减少', '压缩', '速度', '率', 'F1', 'mAP', 'SSIM', '分数', '步', '层', 'kB'],
      ...['tokens/秒', 'FPS', '个', '年', '时', 'per second', '四个数量级', '减半', '一半', '点', 'vs', '基线'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(20), (pieces, from) => {
        const text = pieces.join('');
        let end = from;
        for (const n of findHeadlineNumbers(text, from)) {
          assert.strictEqual(text.substr(n.offset, n.text.length), n.text);
          assert.ok(n.offset >= end, `${n.text} overlaps the number before it or starts before from`);
          assert.ok(Number.isFinite(n.value) && (n.low === undefined || n.low <= n.value));
          end = n.offset + n.text.length;
        }
      }),
      { numRuns: 1000 },
    );
  });

  // What each phrase measures, from the labelling conventions: speedups, reductions, compression
  // ratios, absolute rates (accuracy), gains (improvement), points, throughput.
  const KINDS: readonly [string, string][] = [
    ['实现8倍KV缓存压缩', 'ratio'],
    ['KV缓存压缩比达8倍', 'ratio'],
    ['推理速度提升120×', 'speedup'],
    ['显存降低并且推理速度提升120×', 'speedup'],
    ['速度快1.51倍', 'speedup'],
    ['is 2.15x faster', 'speedup'],
    ['推理速度提升50%', 'speedup'],
    ['延迟降低5.6倍', 'reduction'],
    ['内存减少48%', 'reduction'],
    ['a 41% reduction in memory', 'reduction'],
    ['模型小48%', 'reduction'],
    ['代码有效率69.8%', 'accuracy'],
    ['性能提升、代码有效率69.8%', 'accuracy'],
    ['准确率提升至92.87%', 'accuracy'],
    ['保留90%性能', 'accuracy'],
    ['准确率提升10%', 'improvement'],
    ['性能提升17%', 'improvement'],
    ['准确率提升10.2个百分点', 'points'],
    ['吞吐1100 tokens/s', 'throughput'],
    ['仅用2%预训练token', 'ratio'],
  ];
  test('the kind of a number, phrase by phrase', () => {
    for (const [phrase, kind] of KINDS) {
      const numbers = findHeadlineNumbers(phrase);
      assert.strictEqual(numbers.at(-1)?.kind, kind, phrase);
    }
  });

  test('the strongest result compares like with like', () => {
    const strongest = (text: string) => strongestNumber(findHeadlineNumbers(text))?.text;
    assert.strictEqual(strongest('实现8倍KV缓存压缩且推理加速2倍'), '2倍', 'a compression ratio is no speedup');
    assert.strictEqual(strongest('代码有效率69.8%、性能提升5%'), '5%', 'a rate is no gain');
    assert.strictEqual(strongest('内存减少2倍、显存降低70%'), '70%', 'halving is a 50% reduction, less than 70%');
    assert.strictEqual(strongest('速度提升50%、加速1.2倍'), '50%', 'a 50% speedup is 1.5×, more than 1.2×');
    const decibels = { kind: 'quantity', value: 5.79, unit: 'dB' } as const;
    const seconds = { kind: 'quantity', value: 240, unit: 's' } as const;
    assert.ok(
      compareStrength(decibels, seconds) * compareStrength(seconds, decibels) < 0,
      'other scales: a fixed order',
    );
  });

  test('the strongest result is the largest speedup, then other kinds', () => {
    const numbers = findHeadlineNumbers('保留90%性能、模型小48%且速度提升2.15倍、吞吐1100 tokens/s、加速3倍');
    assert.strictEqual(strongestNumber(numbers)!.text, '3倍');
    assert.strictEqual(strongestNumber(findHeadlineNumbers('减少48%、提升10%'))!.text, '48%');
    assert.strictEqual(strongestNumber([]), undefined);
  });
});
