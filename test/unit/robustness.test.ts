import * as assert from 'assert';
import { Digest, parseDigest } from '../../src/digest';
import { corpusReports, requireCorpus, readReport, reportNamed } from '../corpus';
import { random } from '../random';

/** The model without the parts that legitimately differ between encodings of one report. */
const comparable = (digest: Digest) => JSON.stringify(digest);

suite('bad input gets partial results and problems, never an exception', () => {
  suiteSetup(function () {
    requireCorpus(this);
  });

  test('CRLF line endings give the same model', () => {
    for (const name of corpusReports()) {
      const text = readReport(name);
      assert.strictEqual(comparable(parseDigest(text.replace(/\n/g, '\r\n'))), comparable(parseDigest(text)), name);
    }
  });

  test('lone CR line endings count as line breaks, as in VS Code', () => {
    const text = readReport(reportNamed('2025-10_10-10'));
    assert.strictEqual(comparable(parseDigest(text.replace(/\n/g, '\r'))), comparable(parseDigest(text)));
  });

  test('a byte-order mark gives the same model', () => {
    for (const name of corpusReports()) {
      const text = readReport(name);
      assert.strictEqual(comparable(parseDigest('\uFEFF' + text)), comparable(parseDigest(text)), name);
    }
  });

  test('a report truncated at arbitrary points keeps every paper it still holds, and says what is missing', () => {
    const next = random(42);
    for (const name of corpusReports()) {
      const text = readReport(name);
      const full = parseDigest(text);
      for (let i = 0; i < 8; i++) {
        const cut = Math.floor(next() * text.length);
        const partial = parseDigest(text.slice(0, cut));
        const briefHeadings = (text.slice(0, cut).match(/^### \d+\./gm) ?? []).length;
        assert.ok(partial.papers.length <= full.papers.length);
        assert.ok(
          partial.papers.length >= Math.min(briefHeadings, full.papers.length),
          `${name} cut at ${cut}: no paper goes missing silently`,
        );
        if (cut < text.indexOf('## 论文详细信息')) {
          assert.ok(
            partial.problems.some((p) => p.code === 'missing-section'),
            `${name} cut at ${cut} reports the missing details section`,
          );
        }
        const unpaired = partial.papers.filter((p) => !p.brief || !p.details).length;
        assert.strictEqual(
          partial.problems.filter((p) => p.code === 'missing-details' || p.code === 'missing-brief').length,
          unpaired,
        );
      }
    }
  });

  test('random bytes give an empty digest and a clear problem', () => {
    const next = random(7);
    for (let i = 0; i < 50; i++) {
      const bytes = Buffer.from(
        Array.from({ length: 2000 + Math.floor(next() * 20000) }, () => Math.floor(next() * 256)),
      );
      const digest = parseDigest(bytes.toString('utf8'));
      assert.strictEqual(digest.papers.length, 0);
      assert.ok(digest.problems.some((p) => p.code === 'missing-section'));
    }
  });

  test('random bytes inside a real report do not lose the papers around them', () => {
    const text = readReport(reportNamed('2025-10_10-10'));
    const noise = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256)).toString('latin1');
    const middle = text.indexOf('### 11.', text.indexOf('## 论文详细信息'));
    const digest = parseDigest(text.slice(0, middle) + noise + '\n\n' + text.slice(middle));
    assert.strictEqual(digest.papers.length, 21);
  });

  test('empty and whitespace-only documents', () => {
    for (const text of ['', '\n\n', '\uFEFF', '   \t  ']) {
      const digest = parseDigest(text);
      assert.deepStrictEqual(digest.papers, []);
      assert.strictEqual(digest.problems[0].code, 'missing-section');
    }
  });
});
