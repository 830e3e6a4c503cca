import * as assert from 'assert';
import { parseDigest, toCsv, toExportRows, type ExportRow } from '../../src/digest';
import { parseCsv } from '../csv';
import { inlineDigest } from '../inlineDigest';

const digest = parseDigest(
  inlineDigest([
    {
      title: 'QuantX: 4-bit LLMs',
      brief: 'Tsinghua University发布了QuantX论文，使用4-bit量化技术，解决了显存不足问题，达成了3倍加速和40%延迟降低。',
      institutions: 'Tsinghua University, Department of EE; Futurewei Technologies, Inc.',
      authors: 5,
      abstract: 'We quantize weights to 4 bits.',
    },
    { title: 'No details', brief: 'A发布了B。' },
  ]),
);

const row = (overrides: Partial<ExportRow>): ExportRow => ({
  report: 'r.md',
  number: 1,
  title: 'T',
  institutions: '',
  authors: null,
  primaryTechnique: 'other',
  headlineNumbers: '',
  strongestResult: '',
  ...overrides,
});

suite('export', () => {
  test('one row per paper, with its institutions, authors, technique and numbers', () => {
    const [quant, bare] = toExportRows('2025-10-10.md', digest);
    assert.deepStrictEqual(quant, {
      report: '2025-10-10.md',
      number: 1,
      title: 'QuantX: 4-bit LLMs',
      institutions: 'Tsinghua University; Futurewei Technologies, Inc.',
      authors: 5,
      primaryTechnique: 'quantization',
      headlineNumbers: '3倍; 40%',
      strongestResult: '3倍',
    });
    assert.deepStrictEqual([bare.number, bare.institutions, bare.authors], [2, '', null]);
  });

  test('CSV: a byte-order mark, a header, every field quoted, CRLF rows', () => {
    const csv = toCsv([row({ title: 'A "quoted", title', authors: 3 })]);
    assert.strictEqual(
      csv,
      '\uFEFF"report","number","title","institutions","authors","primaryTechnique","headlineNumbers","strongestResult"\r\n' +
        '"r.md","1","A ""quoted"", title","","3","other","",""\r\n',
    );
  });

  test('CSV: a field a spreadsheet would run as a formula is prefixed with a quote', () => {
    for (const title of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx']) {
      assert.strictEqual(parseCsv(toCsv([row({ title })]).slice(1))[1][2], `'${title}`, title);
    }
    assert.strictEqual(parseCsv(toCsv([row({ title: 'a=b' })]).slice(1))[1][2], 'a=b');
  });

  test('CSV: line breaks and commas inside a field read back as written', () => {
    const title = 'Line one\nline two, with a comma\r\nand "quotes"';
    assert.strictEqual(parseCsv(toCsv([row({ title })]).slice(1))[1][2], title);
  });

  test('no rows: only the header, which names every field of a row in order', () => {
    assert.deepStrictEqual(parseCsv(toCsv([]).slice(1)), [Object.keys(row({}))]);
  });
});
