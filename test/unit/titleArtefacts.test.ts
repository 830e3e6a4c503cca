import * as assert from 'assert';
import { parseDigest, toExportRows } from '../../src/digest';
import { withoutTitleArtefacts } from '../../src/digest/titleArtefacts';
import { corpusReports, requireCorpus, readReport } from '../corpus';

const CASES: [string, string, [string, string][]][] = [
  [
    'Under review as a conference paper at ICLR 2026 MEMMAMBA: RETHINKING MEMORY PATTERNS',
    'MEMMAMBA: RETHINKING MEMORY PATTERNS',
    [['venue-notice', 'Under review as a conference paper at ICLR 2026']],
  ],
  [
    'Under review as a conference paper SPECVLM: FAST SPECULATIVE DECODING',
    'SPECVLM: FAST SPECULATIVE DECODING',
    [['venue-notice', 'Under review as a conference paper']],
  ],
  [
    'Published as a conference paper at ICLR 2025 Sparse Attention Revisited',
    'Sparse Attention Revisited',
    [['venue-notice', 'Published as a conference paper at ICLR 2025']],
  ],
  [
    'FLOW MARCHING FOR A GENERATIVE PDE FOUNDATION MODEL A PREPRINT',
    'FLOW MARCHING FOR A GENERATIVE PDE FOUNDATION MODEL',
    [['preprint', 'A PREPRINT']],
  ],
  ['Preprint. Under review. Fast Decoding', 'Fast Decoding', [['preprint', 'Preprint. Under review.']]],
  [
    'Fast Decoding arXiv:2510.01234v2 [cs.CL] 3 Oct 2025',
    'Fast Decoding',
    [['arxiv-id', 'arXiv:2510.01234v2 [cs.CL] 3 Oct 2025']],
  ],
];

/** Titles that only look like artefacts. */
const CLEAN = [
  'A Preprint Server for Everyone',
  'Reviewing Conference Papers at Scale',
  'PREPRINT',
  'Under review as a conference paper',
  'Free Draft-and-Verification: Toward Lossless Parallel Decoding',
];

suite('PDF artefacts in titles', () => {
  for (const [raw, title, artefacts] of CASES) {
    test(`"${raw}"`, () => {
      const result = withoutTitleArtefacts(raw);
      assert.strictEqual(result.title, title);
      assert.deepStrictEqual(
        result.artefacts.map((a) => [a.kind, a.text]),
        artefacts,
      );
    });
  }

  test('titles that only look like artefacts are kept as written', () => {
    for (const raw of CLEAN) assert.deepStrictEqual(withoutTitleArtefacts(raw), { title: raw, artefacts: [] }, raw);
  });

  test('the paper shows the clean title, keeps the raw one, and each heading gets a title-artefact problem', () => {
    const raw = 'Under review as a conference paper at ICLR 2026 MEMMAMBA: MEMORY A PREPRINT';
    const text = [
      '## 论文技术简报',
      '',
      `### 1. ${raw}`,
      '',
      'A发布了B。',
      '',
      '## 论文详细信息',
      '',
      `### 1. ${raw}`,
      '',
      '**主要机构**: MIT',
    ].join('\n');
    const digest = parseDigest(text);
    const [paper] = digest.papers;
    assert.strictEqual(paper.title, 'MEMMAMBA: MEMORY');
    assert.strictEqual(paper.rawTitle, raw);
    assert.strictEqual(toExportRows('r.md', digest)[0].title, 'MEMMAMBA: MEMORY');
    const problems = digest.problems.filter((p) => p.code === 'title-artefact');
    assert.deepStrictEqual(
      problems.map((p) => [p.line, p.paperIndex, p.severity, p.variant]),
      [
        [2, 1, 'info', 'venue-notice'],
        [2, 1, 'info', 'preprint'],
        [8, 1, 'info', 'venue-notice'],
        [8, 1, 'info', 'preprint'],
      ],
    );
    assert.ok(!digest.problems.some((p) => p.code === 'title-mismatch'));
  });

  test('the corpus: the 11 titles with a review notice or "A PREPRINT" are flagged and cleaned, no other', function () {
    requireCorpus(this);
    let flagged = 0;
    for (const name of corpusReports()) {
      const digest = parseDigest(readReport(name));
      for (const paper of digest.papers) {
        const expected = /^Under review as a conference paper|\bA PREPRINT$/.test(paper.rawTitle);
        const problems = digest.problems.filter((p) => p.code === 'title-artefact' && p.paperIndex === paper.index);
        assert.strictEqual(problems.length > 0, expected, `${name}: ${paper.rawTitle}`);
        if (!expected) continue;
        flagged++;
        assert.doesNotMatch(paper.title, /under review|preprint/i);
        assert.ok(paper.rawTitle.includes(paper.title), paper.title);
      }
    }
    assert.strictEqual(flagged, 11);
  });
});
