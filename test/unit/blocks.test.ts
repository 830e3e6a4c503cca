import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { readBlockList, type Block } from '../../src/digest/blocks';
import { SourceLines, linesOf } from '../../src/digest/source';
import { readReport, requireCorpus } from '../corpus';
import { random } from '../random';

/** The blocks markdown-it finds in the whole text, with the same rules: what the skeleton must reproduce. */
function blocksOfFullText(text: string): Block[] {
  const engine = new MarkdownIt('zero').enable(['heading', 'code', 'fence']);
  const source = new SourceLines(text);
  const tokens = engine.parse(text, {});
  const blocks: Block[] = [];
  tokens.forEach((token, i) => {
    if (!token.map) return;
    const [from, to] = token.map;
    if (token.type === 'heading_open')
      blocks.push({
        kind: 'heading',
        level: Number(token.tag.slice(1)),
        line: from,
        text: tokens[i + 1].content.trim(),
      });
    if (token.type === 'paragraph_open')
      blocks.push({ kind: 'paragraph', line: from, lines: linesOf(source, from, to) });
    if (token.type === 'code_block' || token.type === 'fence')
      blocks.push({ kind: 'code', line: from, lines: linesOf(source, from, to) });
  });
  return blocks;
}

/** Lines that decide block structure, and plain ones between them. */
const LINE_KINDS = [
  'plain text',
  '另一行正文',
  '',
  '',
  '   ',
  '\t',
  '    indented code',
  '\tTabbed code',
  '  two spaces',
  '```',
  '```js',
  '~~~',
  '````',
  '### 5. A paper heading',
  '#### a sub-heading',
  '# Title',
  '## 论文技术简报',
  '### 6. Closed heading ###',
  '#hashtag',
  '###',
  '`inline` code',
  '> a quote',
  '- a list item',
  '1. a numbered line',
  '**主要机构**: X',
  '---',
  '===',
  '<div>',
  '| a | b |',
];

suite('block structure', () => {
  test('every corpus report: the skeleton gives exactly the blocks of a full markdown-it parse', function () {
    for (const name of requireCorpus(this)) {
      const text = readReport(name);
      assert.deepStrictEqual(readBlockList(new SourceLines(text)), blocksOfFullText(text), name);
    }
  });

  test('random mixes of headings, fences, indented code, blank and plain lines: the same blocks', () => {
    const next = random(7);
    for (let document = 0; document < 2000; document++) {
      const lines = Array.from(
        { length: 1 + Math.floor(next() * 40) },
        () => LINE_KINDS[Math.floor(next() * LINE_KINDS.length)],
      );
      const text = lines.join('\n');
      assert.deepStrictEqual(readBlockList(new SourceLines(text)), blocksOfFullText(text), JSON.stringify(text));
    }
  });
});
