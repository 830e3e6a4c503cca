import * as assert from 'assert';
import { parseDigest, type Digest, type ProblemCode } from '../../src/digest';
import { inlineDigest, type InlinePaper } from '../inlineDigest';

const complete = (index: number, overrides: Partial<InlinePaper> = {}): InlinePaper => ({
  index,
  title: `Paper ${index}`,
  brief: `Tsinghua University发布了P${index}论文，使用量化技术，解决了显存问题，达成了2倍加速。`,
  institutions: 'Tsinghua University',
  authors: 3,
  abstract: 'An abstract.',
  ...overrides,
});

/** [code, paper, variant or subject] of every problem, in line order. */
const problems = (digest: Digest, ...codes: ProblemCode[]) =>
  digest.problems
    .filter((p) => !codes.length || codes.includes(p.code))
    .map((p) => [p.code, p.paperIndex ?? null, p.variant ?? p.subject ?? null]);

suite('lint rules, each on inline text', () => {
  test('a complete digest has no problem', () => {
    assert.deepStrictEqual(problems(parseDigest(inlineDigest([complete(1), complete(2)]))), []);
  });

  test('a brief without details, details without a brief', () => {
    const text = inlineDigest([complete(1), complete(2, { brief: undefined })]).replace(
      /### 1\. Paper 1\n\n\*\*主要机构[\s\S]*?摘要\*\*:\nAn abstract\.\n/,
      '',
    );
    assert.deepStrictEqual(problems(parseDigest(text), 'missing-details', 'missing-brief'), [
      ['missing-details', 1, null],
      ['missing-brief', 2, null],
    ]);
  });

  test('empty titles, on each heading', () => {
    const digest = parseDigest(inlineDigest([complete(1, { title: '' })]));
    assert.deepStrictEqual(problems(digest), [
      ['empty-title', 1, null],
      ['empty-title', 1, null],
    ]);
  });

  test('titles that differ between brief and details, but not by spacing alone', () => {
    const text = inlineDigest([complete(1, { title: 'Fast  Decoding' })]);
    assert.deepStrictEqual(
      problems(parseDigest(text.replace(/(## 论文详细信息\n\n### 1\. )Fast {2}Decoding/, '$1Fast Decoding'))),
      [],
    );
    assert.deepStrictEqual(
      problems(parseDigest(text.replace(/(## 论文详细信息\n\n### 1\. )Fast {2}Decoding/, '$1Slow Decoding'))),
      [['title-mismatch', 1, null]],
    );
  });

  test('placeholder briefs: empty, failure text, template, refusal; a real brief that mentions failure is not one', () => {
    const digest = parseDigest(
      inlineDigest([
        complete(1, { brief: '' }),
        complete(2, { brief: '论文《X》简报生成失败' }),
        complete(3, { brief: '[主要机构]发布了[论文标题]论文，使用[核心技术]。' }),
        complete(4, { brief: '请提供论文的标题、主要机构和摘要信息，以便生成技术简报。' }),
        complete(5, { brief: 'MIT发布了Failure Prediction论文，使用图网络技术，解决了故障预测问题。' }),
      ]),
    );
    assert.deepStrictEqual(problems(digest, 'placeholder-brief'), [
      ['placeholder-brief', 1, 'empty'],
      ['placeholder-brief', 2, 'failure'],
      ['placeholder-brief', 3, 'template'],
      ['placeholder-brief', 4, 'refusal'],
    ]);
  });

  test('missing fields are named in the subject; empty abstracts and institutions lines are their own problems', () => {
    const digest = parseDigest(
      inlineDigest([
        complete(1, { institutions: undefined, abstract: undefined }),
        complete(2, { abstract: '' }),
        complete(3, { institutions: '' }),
      ]),
    );
    assert.deepStrictEqual(problems(digest), [
      ['missing-field', 1, 'institutions,abstract'],
      ['empty-abstract', 2, null],
      ['empty-institutions', 3, null],
    ]);
    assert.deepStrictEqual(
      digest.problems.map((p) => p.severity),
      ['warning', 'warning', 'info'],
    );
  });

  test('the paper count: declared and found differ, or not declared', () => {
    const mismatch = parseDigest(inlineDigest([complete(1)], 3));
    assert.deepStrictEqual(
      mismatch.problems.map((p) => [p.code, p.foundCount]),
      [['count-mismatch', 1]],
    );
    const undeclared = parseDigest(inlineDigest([complete(1)]).replace(/分析论文数量.*\n/, ''));
    assert.deepStrictEqual(
      undeclared.problems.map((p) => [p.code, p.foundCount, p.severity]),
      [['missing-count', 1, 'info']],
    );
  });

  test('missing sections, by variant', () => {
    const text = inlineDigest([complete(1)]);
    const variants = (t: string) => problems(parseDigest(t), 'missing-section').map(([, , variant]) => variant);
    assert.deepStrictEqual(variants(text.slice(0, text.indexOf('## 论文详细信息'))), ['details']);
    assert.deepStrictEqual(variants(text.replace('## 论文技术简报', '## 前言')), ['briefs']);
    assert.deepStrictEqual(variants('# Notes\n\nNothing here.'), ['both']);
  });

  test('duplicate numbers, by section, and an unnumbered heading', () => {
    const digest = parseDigest(
      inlineDigest([complete(1), complete(1, { title: 'Again' })], 2).replace(
        '## 论文详细信息',
        '### Notes\n\n## 论文详细信息',
      ),
    );
    assert.deepStrictEqual(problems(digest, 'duplicate-number', 'unnumbered-heading', 'count-mismatch'), [
      ['count-mismatch', null, null],
      ['duplicate-number', 1, 'briefs'],
      ['unnumbered-heading', null, 'Notes'],
      ['duplicate-number', 1, 'details'],
    ]);
  });
});
