import * as assert from 'assert';
import { looksLikeDigest, parseDigest } from '../../src/digest';

const digestWith = (heading: string, section = '## 论文技术简报'): string =>
  ['# 报告', '', section, '', heading, '', 'A发布了B。', ''].join('\n');

/** Inputs on which the detector and the parser must agree, with whether each is a digest. */
const CASES: [string, string, boolean][] = [
  ['### 1. Title', digestWith('### 1. Title'), true],
  ['### 1: Title (a colon)', digestWith('### 1: Title'), true],
  ['### 1：Title (a full-width colon)', digestWith('### 1：Title'), true],
  ['### 1、Title', digestWith('### 1、Title'), true],
  ['### 1．Title (a full-width full stop)', digestWith('### 1．Title'), true],
  ['### 12 . Title (a space before the full stop)', digestWith('### 12 . Title'), true],
  ['an indented heading', digestWith('   ### 3. Title'), true],
  ['an English section', digestWith('### 1. Title', '## Paper Briefs'), true],
  ['a closed section heading', digestWith('### 1. Title', '## 论文详细信息 ##'), true],
  ['a section heading in other case', digestWith('### 1. Title', '## paper details'), true],
  ['CRLF line endings', digestWith('### 1: Title').replace(/\n/g, '\r\n'), true],
  ['### 1 Title (no separator)', digestWith('### 1 Title'), false],
  ['### One. Title', digestWith('### One. Title'), false],
  ['####  1. Title (level 4)', digestWith('#### 1. Title'), false],
  ['a paper heading under another section', digestWith('### 1. Title', '## Related work'), false],
  ['no heading at all', '# 报告\n\n## 论文技术简报\n\nText only.\n', false],
];

suite('digest detection', () => {
  for (const [name, text, isDigest] of CASES) {
    test(`${name}: detector and parser both say ${isDigest ? 'digest' : 'not a digest'}`, () => {
      assert.strictEqual(looksLikeDigest(text), isDigest, 'detector');
      assert.strictEqual(parseDigest(text).papers.length > 0, isDigest, 'parser');
    });
  }

  test('only the start of a long document is read', () => {
    const padding = 'x\n'.repeat(40_000);
    assert.strictEqual(looksLikeDigest(padding + digestWith('### 1. Title')), false);
    assert.strictEqual(looksLikeDigest(digestWith('### 1. Title') + padding), true);
  });
});
