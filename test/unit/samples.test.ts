import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDigest, type Digest, type ProblemCode } from '../../src/digest';
import { samplesDir } from '../corpus';

const read = (name: string) => fs.readFileSync(path.join(samplesDir, name), 'utf8');
const problemsOf = (digest: Digest, code: ProblemCode) => digest.problems.filter((p) => p.code === code);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.startsWith(needle));

suite('the bundled sample digests (every defect class)', () => {
  const zhText = read('sample-digest.zh.md');
  const zh = parseDigest(zhText);
  const enText = read('sample-digest.en.md');
  const en = parseDigest(enText);

  test('the declared count differs from the count found', () => {
    const [mismatch] = problemsOf(zh, 'count-mismatch');
    assert.strictEqual(mismatch.line, lineOf(zhText, '分析论文数量'));
    assert.strictEqual(mismatch.foundCount, 8);
    assert.strictEqual(zh.declaredCount, 9);
  });

  test('a brief without details and details without a brief', () => {
    assert.deepStrictEqual(
      problemsOf(zh, 'missing-details').map((p) => [p.paperIndex, p.line]),
      [[7, lineOf(zhText, '### 7.')]],
    );
    const detailsOnly = problemsOf(zh, 'missing-brief');
    assert.deepStrictEqual(
      detailsOnly.map((p) => p.paperIndex),
      [8],
    );
    assert.strictEqual(zh.papers.find((p) => p.index === 8)!.brief, null);
  });

  test('duplicate paper numbers pair in order and both papers are kept', () => {
    assert.strictEqual(problemsOf(zh, 'duplicate-number').length, 2);
    const sixes = zh.papers.filter((p) => p.index === 6);
    assert.strictEqual(sixes.length, 2);
    assert.match(sixes[0].details!.abstract, /MoE-Lite/);
    assert.match(sixes[1].details!.abstract, /FastSteps/);
  });

  test('titles that differ between brief and details, empty titles, missing fields', () => {
    assert.deepStrictEqual(
      problemsOf(en, 'title-mismatch').map((p) => p.paperIndex),
      [2],
    );
    assert.deepStrictEqual([...new Set(problemsOf(zh, 'empty-title').map((p) => p.paperIndex))], [3]);
    assert.deepStrictEqual(
      problemsOf(zh, 'missing-field').map((p) => p.subject),
      ['abstract'],
    );
  });

  test('placeholder briefs of every kind', () => {
    assert.deepStrictEqual(
      problemsOf(zh, 'placeholder-brief').map((p) => [p.paperIndex, p.variant]),
      [
        [3, 'refusal'],
        [4, 'template'],
        [6, 'failure'],
      ],
    );
    assert.deepStrictEqual(
      problemsOf(en, 'placeholder-brief').map((p) => p.variant),
      ['refusal'],
    );
  });

  test('a level-3 heading without a number is reported, not read as a paper', () => {
    assert.deepStrictEqual(
      problemsOf(en, 'unnumbered-heading').map((p) => p.line),
      [lineOf(enText, '### Notes')],
    );
    assert.ok(!en.papers.some((p) => /Notes/.test(p.title)));
  });

  test('an English-labelled digest parses with the same model', () => {
    assert.strictEqual(en.title, 'Research Digest: Efficient Inference');
    assert.strictEqual(en.generatedAt, '2026-11-21 08:00:00');
    assert.strictEqual(en.declaredCount, 5);
    assert.deepStrictEqual(
      en.papers.map((p) => p.index),
      [1, 2, 3, 4],
    );
    const serve = en.papers[0];
    assert.strictEqual(serve.institutionShort, 'Northwind University');
    assert.deepStrictEqual(serve.details!.affiliations, [
      { name: 'Northwind University', units: ['Department of Computer Science'] },
      { name: 'Pinecrest AI', units: [] },
    ]);
    assert.deepStrictEqual(serve.details!.institutions, ['Northwind University', 'Pinecrest AI']);
    assert.strictEqual(serve.details!.authorCount, 9);
    assert.match(serve.details!.abstract, /^We present NanoServe/);
    assert.strictEqual(serve.techniques[0].id, 'serving-systems');
    assert.deepStrictEqual(
      serve.headlineNumbers.map((n) => [n.text, n.kind]),
      [
        ['2.3x', 'speedup'],
        ['41%', 'reduction'],
      ],
    );
    assert.strictEqual(en.papers[1].techniques[0].id, 'low-rank');
    assert.strictEqual(en.papers[3].institutionShort, '', '"The research team" names nobody');
    assert.deepStrictEqual(
      problemsOf(en, 'empty-institutions').map((p) => p.paperIndex),
      [3],
    );
  });

  test('text that looks like markup stays text in the model', () => {
    const injected = zh.papers.filter((p) => p.index === 6)[1];
    assert.strictEqual(
      injected.title,
      'Fast[Steps](command:workbench.action.quit): One-Step Diffusion via `Consistency` **Distillation** <img src=x onerror=alert(1)> $(alert)',
    );
  });
});
