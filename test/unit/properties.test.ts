import * as assert from 'assert';
import fc from 'fast-check';
import {
  DEFAULT_TAXONOMY,
  Digest,
  SourceLines,
  arrangePapers,
  looksLikeDigest,
  parseDigest,
  toCsv,
  toExportRows,
  updateDigest,
  type ExportRow,
} from '../../src/digest';
import { parseCsv } from '../csv';
import { inlineDigest } from '../inlineDigest';

/** Documents per property: a modest number in `npm run test:unit`, many under `npm run fuzz`. */
const RUNS = Number(process.env.DIGEST_FUZZ_RUNS) || 150;
/** A failure prints its seed; DIGEST_FUZZ_SEED runs the same documents again. */
const SEED = Number(process.env.DIGEST_FUZZ_SEED) || undefined;

/** Lines that decide a digest's structure, and lines that look like its fields. */
const STRUCTURAL_LINES = [
  '## 论文技术简报',
  '## 论文详细信息',
  '## Paper Briefs',
  '### 7. A heading',
  '### 7: Another heading',
  '### Notes',
  '#### a sub-heading',
  '# Title',
  '```',
  '~~~',
  '    indented code',
  '\tTabbed',
  '**主要机构**: MIT; iFlytek Research',
  '**作者数量**: 3人',
  '**摘要**:',
  '分析论文数量: 9篇',
  '',
];

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    'Under review as a conference paper at ICLR 2026 MEMMAMBA: MEMORY A PREPRINT',
    'TITLE TITLE',
    '<img src=x onerror=alert(1)> [link](command:x) **bold**',
    '=HYPERLINK("x"), "quoted"\nnext line',
  ),
);

const brief = fc.oneof(
  text,
  fc.constantFrom(
    'Tsinghua University发布了QuantX论文，使用4-bit量化技术，解决了显存问题，达成了3倍加速和40%延迟降低。',
    '研究团队发布了X论文，使用KV缓存压缩，达成了2-3倍加速、1100+ tokens/秒和AP50 35.7。',
    '请提供论文的标题、主要机构和摘要信息，以便生成技术简报。',
    '[主要机构]发布了[论文标题]论文',
    '',
  ),
);

const institutions = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          'MIT',
          'Tsinghua University',
          'Department of Computer Science',
          'School of AI',
          'Futurewei Technologies, Inc.',
          'iFlytek Research',
          'Institute of Automation',
          '清华大学',
        ),
        text,
      ),
      { maxLength: 6 },
    ),
    fc.constantFrom(', ', '; ', '；', '、', ','),
  )
  .map(([names, separator]) => names.join(separator));

const paper = fc.record(
  {
    index: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constant(undefined)),
    title: text,
    brief: fc.option(brief, { nil: undefined }),
    institutions: fc.option(institutions, { nil: undefined }),
    authors: fc.option(fc.nat(40), { nil: undefined }),
    abstract: fc.option(text, { nil: undefined }),
  },
  { requiredKeys: ['title'] },
);

const digestText = fc
  .tuple(fc.array(paper, { minLength: 1, maxLength: 8 }), fc.nat(12))
  .map(([papers, declared]) => inlineDigest(papers, declared));

/** A position in a document, as a fraction of its length (fc.double clusters at the ends). */
const fraction = fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000);

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'insert'; at: number; line: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete' as const, 'duplicate' as const),
    at: fraction,
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fraction,
    line: fc.oneof(fc.constantFrom(...STRUCTURAL_LINES), text),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

function mutate(document: string, mutations: readonly Mutation[]): string {
  let lines = document.split('\n');
  for (const m of mutations) {
    const at = Math.floor(m.at * lines.length);
    if (m.kind === 'delete') lines.splice(at, 1);
    else if (m.kind === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
    else if (m.kind === 'insert') lines.splice(at, 0, m.line);
    else
      lines = lines
        .join('\n')
        .slice(0, Math.floor(m.at * lines.join('\n').length))
        .split('\n');
  }
  return lines.join('\n');
}

const encoded = (document: string, lineBreak: string, bom: boolean) =>
  (bom ? '\uFEFF' : '') + document.replace(/\n/g, lineBreak);

/** Any document: a mutated digest in any encoding, random text, or random bytes read as UTF-8. */
const anyDocument = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(digestText, fc.array(mutation, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
      .map(([document, mutations, lineBreak, bom]) => encoded(mutate(document, mutations), lineBreak, bom)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8')) },
);

const plain = (digest: Digest) => JSON.parse(JSON.stringify(digest)) as Digest;

suite('core properties (fast-check)', function () {
  this.timeout(0);
  suiteSetup(() => fc.configureGlobal({ numRuns: RUNS, seed: SEED }));
  suiteTeardown(() => fc.resetConfigureGlobal());

  test('any document: partial results and problems, never an exception or an internal error', () => {
    fc.assert(
      fc.property(anyDocument, (document) => {
        const digest = parseDigest(document);
        Digest.parse(digest);
        assert.deepStrictEqual(
          digest.problems.filter((p) => p.code === 'internal-error'),
          [],
        );
        for (const problem of digest.problems) assert.ok(problem.line < digest.lineCount, problem.code);
        for (const p of digest.papers) {
          for (const part of [p.brief, p.details])
            if (part) assert.ok(part.line <= part.endLine && part.endLine < digest.lineCount);
          for (const n of p.headlineNumbers) assert.strictEqual(p.brief!.text.substr(n.offset, n.text.length), n.text);
        }
        looksLikeDigest(document);
        for (const groupBy of ['technique', 'institution', 'none'] as const)
          arrangePapers(digest, {
            groupBy,
            sortBy: 'strongest',
            filter: 'a',
            secondary: true,
            taxonomy: DEFAULT_TAXONOMY,
          });
        toCsv(toExportRows('r.md', digest));
      }),
    );
  });

  test('CRLF, lone CR and a byte-order mark give the same model as LF', () => {
    fc.assert(
      fc.property(
        digestText,
        fc.array(mutation, { maxLength: 4 }),
        fc.constantFrom('\r\n', '\r'),
        fc.boolean(),
        (document, mutations, lineBreak, bom) => {
          const lf = mutate(document, mutations).replace(/\r\n?/g, '\n');
          assert.deepStrictEqual(plain(parseDigest(encoded(lf, lineBreak, bom))), plain(parseDigest(lf)));
        },
      ),
    );
  });

  test('an incremental update after a line edit equals a full parse of the edited text', () => {
    let updates = 0;
    fc.assert(
      fc.property(
        digestText,
        fraction,
        fc.nat(2),
        // Mostly the text a reader types, sometimes a line that changes the structure.
        fc.array(
          fc.oneof(
            { weight: 4, arbitrary: text.map((t) => t.replace(/[\r\n]/g, ' ')) },
            { weight: 1, arbitrary: fc.constantFrom(...STRUCTURAL_LINES) },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        (raw, where, span, replacement) => {
          // Lines as VS Code gives them: \r\n and a lone \r end a line too.
          const document = raw.replace(/\r\n?/g, '\n');
          const lines = document.split('\n');
          const startLine = Math.floor(where * lines.length);
          const oldEndLine = Math.min(lines.length - 1, startLine + span);
          const edited = [...lines.slice(0, startLine), ...replacement, ...lines.slice(oldEndLine + 1)].join('\n');
          const change = { startLine, oldEndLine, newEndLine: startLine + replacement.length - 1 };
          const updated = updateDigest(parseDigest(document), new SourceLines(edited), change);
          if (!updated) return;
          updates++;
          assert.deepStrictEqual(plain(updated), plain(parseDigest(edited)));
        },
      ),
    );
    // About one edit in six lands inside a paper and is applied as an update; the rest need a full parse.
    assert.ok(updates > RUNS / 10, `${updates} edits were applied as updates`);
  });

  test('export: CSV read back gives every field, JSON round-trips', () => {
    const field = fc.string({ unit: 'binary', maxLength: 30 });
    const row: fc.Arbitrary<ExportRow> = fc.record({
      report: field,
      number: fc.integer(),
      title: field,
      institutions: field,
      authors: fc.option(fc.nat(), { nil: null }),
      primaryTechnique: field,
      headlineNumbers: field,
      strongestResult: field,
    });
    // A field a spreadsheet would run as a formula is written with a leading quote.
    const asWritten = (value: string | number | null) => {
      const text = value === null ? '' : String(value);
      return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    };
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const [header, ...read] = parseCsv(toCsv(rows).slice(1));
        assert.strictEqual(header.length, 8);
        assert.deepStrictEqual(
          read,
          rows.map((r) => Object.values(r).map(asWritten)),
        );
      }),
    );
    fc.assert(
      fc.property(anyDocument, (document) => {
        const rows = toExportRows('r.md', parseDigest(document));
        assert.deepStrictEqual(JSON.parse(JSON.stringify(rows)), rows);
      }),
    );
  });
});
