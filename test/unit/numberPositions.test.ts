import * as assert from 'assert';
import { parseDigest } from '../../src/digest';
import { inlineDigest } from '../inlineDigest';

suite('headline numbers: where they are in the document', () => {
  // A brief over several lines and paragraphs, with leading spaces: each number's line and
  // column are counted here by hand from the text below.
  const brief = [
    '华为发布了X论文，使用量化技术，',
    '  解决了显存问题，达成了速度提升2.15倍、',
    '',
    '内存减少48%的效果',
  ].join('\n');
  const text = inlineDigest([{ title: 'X', brief, institutions: 'Huawei', authors: 3, abstract: 'A.' }]);
  const lines = text.split('\n');
  const briefLine = lines.indexOf('华为发布了X论文，使用量化技术，');

  test('a number on a continuation line and one in a later paragraph', () => {
    const numbers = parseDigest(text).papers[0].headlineNumbers;
    assert.deepStrictEqual(
      numbers.map(({ text, line, column }) => ({ text, line, column })),
      [
        { text: '2.15倍', line: briefLine + 1, column: 17 },
        { text: '48%', line: briefLine + 3, column: 4 },
      ],
    );
    for (const n of numbers) assert.strictEqual(lines[n.line].substr(n.column, n.text.length), n.text);
  });
});
