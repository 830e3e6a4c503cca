import * as assert from 'assert';
import { findHeadlineNumbers } from '../../src/digest/numbers';
import { compareStrength, numberPhrase, strongestNumber } from '../../src/digest';

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

  test('offsets point at the exact text', () => {
    const text = '达成了保留90%性能、速度提升2.15倍的效果';
    for (const n of findHeadlineNumbers(text)) assert.strictEqual(text.substr(n.offset, n.text.length), n.text);
    assert.deepStrictEqual(
      findHeadlineNumbers('标题2倍，达成3倍', 5).map((n) => n.text),
      ['3倍'],
      'text before `from` is not searched',
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
