import * as assert from 'assert';
import { DEFAULT_TAXONOMY, Digest, parseDigest, parseDigestInSlices } from '../../src/digest';
import { corpusReports, readReport, requireCorpus } from '../corpus';

suite('every corpus report', () => {
  const reports = corpusReports();

  test('read a step at a time, each report gives the same digest, with a step per paper', function () {
    requireCorpus(this);
    for (const name of reports) {
      const slices = parseDigestInSlices(readReport(name));
      let steps = 0;
      let step = slices.next();
      for (; !step.done; step = slices.next()) steps++;
      const whole = parseDigest(readReport(name));
      assert.deepStrictEqual(step.value, whole, name);
      assert.ok(steps >= whole.papers.length, `${name}: ${steps} steps for ${whole.papers.length} papers`);
    }
  });

  test('the corpus has its 24 reports and 586 papers', function () {
    requireCorpus(this);
    assert.strictEqual(reports.length, 24);
    const papers = reports.reduce((sum, name) => sum + parseDigest(readReport(name)).papers.length, 0);
    assert.strictEqual(papers, 586);
  });

  for (const name of reports) {
    suite(name, () => {
      const text = readReport(name);
      const lines = text.split('\n');
      const digest = parseDigest(text);

      test('the model matches its zod schema', () => {
        assert.doesNotThrow(() => Digest.parse(digest));
      });

      test('the papers found equal the declared count, and every pair is matched', () => {
        const declared = Number(/分析论文数量: (\d+)篇/.exec(text)?.[1]);
        assert.strictEqual(digest.declaredCount, declared);
        assert.strictEqual(digest.papers.length, declared);
        assert.deepStrictEqual(
          digest.papers.map((p) => p.index),
          Array.from({ length: declared }, (_, i) => i + 1),
        );
        for (const paper of digest.papers) assert.ok(paper.brief && paper.details, `paper ${paper.index} is paired`);
        assert.ok(
          !digest.problems.some((p) =>
            ['count-mismatch', 'missing-details', 'missing-brief', 'duplicate-number', 'internal-error'].includes(
              p.code,
            ),
          ),
        );
      });

      test("brief and details lines are the papers' headings in the file", () => {
        for (const paper of digest.papers) {
          const heading = new RegExp(`^### ${paper.index}\\. ?`);
          assert.match(lines[paper.brief!.line], heading);
          assert.match(lines[paper.details!.line], heading);
          assert.ok(paper.brief!.line < digest.detailsLine! && paper.details!.line > digest.detailsLine!);
          if (paper.brief!.text)
            assert.strictEqual(lines[paper.brief!.textLine].trim(), paper.brief!.text.split('\n')[0]);
        }
      });

      test('each field line holds its field, and the texts are trimmed', () => {
        for (const { details } of digest.papers) {
          assert.match(lines[details!.institutionsLine!], /^\*\*主要机构\*\*:/);
          assert.match(lines[details!.authorCountLine!], /^\*\*作者数量\*\*: \d+人/);
          assert.match(lines[details!.abstractLine!], /^\*\*摘要\*\*:/);
          assert.strictEqual(details!.authorCount, Number(/(\d+)人/.exec(lines[details!.authorCountLine!])![1]));
          assert.strictEqual(details!.abstract, details!.abstract.trim());
          assert.strictEqual(
            details!.institutionsText,
            lines[details!.institutionsLine!].replace('**主要机构**:', '').trim(),
          );
        }
      });

      test('every headline number is the exact text at its position in the brief and in the file', () => {
        for (const paper of digest.papers) {
          for (const n of paper.headlineNumbers) {
            assert.strictEqual(paper.brief!.text.substr(n.offset, n.text.length), n.text);
            assert.strictEqual(lines[n.line].substr(n.column, n.text.length), n.text);
            assert.ok(Number.isFinite(n.value) && n.value > 0, `${n.text} has a value`);
          }
        }
      });

      test('every paper has a primary technique from the taxonomy', () => {
        const ids = new Set(DEFAULT_TAXONOMY.map((t) => t.id));
        for (const paper of digest.papers) {
          assert.ok(paper.techniques.length >= 1);
          for (const t of paper.techniques) assert.ok(ids.has(t.id), t.id);
        }
      });
    });
  }
});
