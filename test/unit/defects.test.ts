import * as assert from 'assert';
import { parseDigest, type Digest, type ProblemCode } from '../../src/digest';
import { corpusReports, requireCorpus, readReport, reportNamed } from '../corpus';

const codes = (digest: Digest, code: ProblemCode) => digest.problems.filter((p) => p.code === code);
const paper = (digest: Digest, index: number) => digest.papers.find((p) => p.index === index)!;

suite('real-world defects, on the corpus files where they occur', () => {
  suiteSetup(function () {
    requireCorpus(this);
  });

  test('empty titles: 1–3 per affected report, and all 24 in 09-15 …112629', () => {
    const all = parseDigest(readReport(reportNamed('2025-09_09-15_ai_inference_report_20250923_112629')));
    assert.strictEqual(all.papers.filter((p) => p.title === '').length, 24);
    assert.strictEqual(codes(all, 'empty-title').length, 48, 'both headings of each paper');
    const reference = parseDigest(readReport(reportNamed('2025-10_10-10')));
    assert.deepStrictEqual(
      reference.papers.filter((p) => !p.title).map((p) => p.index),
      [20],
    );
    for (const name of corpusReports().filter((n) => !n.includes('112629'))) {
      const empty = parseDigest(readReport(name)).papers.filter((p) => !p.title).length;
      assert.ok(empty <= 3, `${name} has ${empty} empty titles`);
    }
  });

  test("placeholder briefs: refusals, unfilled templates and the generator's failure text", () => {
    const refusal = parseDigest(readReport(reportNamed('2025-09_09-02')));
    assert.strictEqual(codes(refusal, 'placeholder-brief').find((p) => p.paperIndex === 41)!.variant, 'refusal');
    const templates = parseDigest(readReport(reportNamed('2025-09_09-15_ai_inference_report_20250923_112629')));
    const byPaper = new Map(codes(templates, 'placeholder-brief').map((p) => [p.paperIndex, p.variant]));
    assert.strictEqual(byPaper.size, 24);
    for (const index of [6, 8, 10, 11, 16]) assert.strictEqual(byPaper.get(index), 'template', `paper ${index}`);
    for (const index of [1, 2, 4, 24]) assert.strictEqual(byPaper.get(index), 'refusal', `paper ${index}`);
    const failure = parseDigest(readReport(reportNamed('2025-09_09-11')));
    assert.deepStrictEqual(
      codes(failure, 'placeholder-brief').map((p) => [p.paperIndex, p.variant]),
      [[1, 'failure']],
    );
    assert.strictEqual(paper(failure, 1).institutionShort, '');
  });

  test('real briefs that merely mention failure or omit 发布了 are not placeholders', () => {
    const early = parseDigest(readReport(reportNamed('2025-09_09-01')));
    assert.match(paper(early, 4).title, /^Failure Prediction/);
    assert.ok(!codes(early, 'placeholder-brief').some((p) => p.paperIndex === 4));
    const noSubject = parseDigest(readReport(reportNamed('2025-09_09-12')));
    assert.ok(!codes(noSubject, 'placeholder-brief').some((p) => p.paperIndex === 4));
  });

  test('empty institution lines, in almost every report', () => {
    const reference = parseDigest(readReport(reportNamed('2025-10_10-10')));
    assert.deepStrictEqual(
      codes(reference, 'empty-institutions').map((p) => p.paperIndex),
      [8, 13, 15],
    );
    assert.deepStrictEqual(paper(reference, 8).details!.institutions, []);
    const withEmpty = corpusReports().filter((n) => codes(parseDigest(readReport(n)), 'empty-institutions').length > 0);
    assert.ok(withEmpty.length >= 20, `${withEmpty.length} reports`);
  });

  test('empty abstracts', () => {
    const reference = parseDigest(readReport(reportNamed('2025-10_10-10')));
    assert.deepStrictEqual(
      codes(reference, 'empty-abstract').map((p) => p.paperIndex),
      [10],
    );
    assert.strictEqual(paper(reference, 10).details!.abstract, '');
    assert.notStrictEqual(paper(reference, 10).details!.abstractLine, null);
  });

  test('titles written twice in one heading are shown once', () => {
    const reference = parseDigest(readReport(reportNamed('2025-10_10-10')));
    assert.strictEqual(paper(reference, 15).title, 'StreamingVLM: Real-Time Understanding for Infinite Video Streams');
    assert.deepStrictEqual(
      codes(reference, 'repeated-title').map((p) => p.paperIndex),
      [15, 15],
    );
    assert.match(codes(reference, 'repeated-title')[0].message, /\bpaper 15\b/, 'the message names its paper');
    assert.ok(!codes(reference, 'title-mismatch').length);
  });

  test('institutions are split where names end, not at every comma', () => {
    const reference = parseDigest(readReport(reportNamed('2025-10_10-10')));
    assert.deepStrictEqual(paper(reference, 1).details!.institutions, [
      'Northeastern University',
      'NLP Lab',
      'Kunming University of Science and Technology',
    ]);
    assert.deepStrictEqual(paper(reference, 2).details!.institutions, ['CNRS', 'LORIA']);
    const withInc = parseDigest(readReport(reportNamed('2025-09_09-19')));
    assert.deepStrictEqual(paper(withInc, 18).details!.institutions, [
      'Santa Clara University Santa Clara',
      'Futurewei Technologies, Inc. San Jose',
    ]);
    // A name that lists fields keeps its commas.
    assert.deepStrictEqual(paper(withInc, 6).details!.institutions, [
      'University of Electronic, Science and Technology',
    ]);
    assert.deepStrictEqual(paper(parseDigest(readReport(reportNamed('2025-09_09-02'))), 9).details!.institutions, [
      'Institute of High Performance Computing (IHPC)',
      'Agency for Science, Technology and Research (A*STAR)',
      'Centre for Frontier AI Research (CFAR)',
    ]);
    // Departments go with the nearest university: the one after them when the line starts with one.
    assert.deepStrictEqual(paper(parseDigest(readReport(reportNamed('2025-09_09-23'))), 3).details!.affiliations, [
      {
        name: 'Michigan State University',
        units: [
          'Department of Agricultural and Biological Engineering',
          'Department of Electrical and Computer Engineering',
        ],
      },
      {
        name: 'Mississippi State University',
        units: ['Department of Wildlife, Fisheries and Aquaculture', 'Department of Plant and Soil Science'],
      },
    ]);
  });

  test('no department, school or college is listed as an institution of its own', () => {
    // Counted independently of the splitter: a name that starts as a part of a university and names none.
    const department = /^(?:the\s+)?(?:department|dept\.?|school|college|faculty)\s*of\b|\bdepartment$/i;
    let lines = 0;
    let withUnits = 0;
    for (const name of corpusReports()) {
      for (const { details } of parseDigest(readReport(name)).papers) {
        const listed = details!.institutions.filter((n) => department.test(n) && !/universit/i.test(n));
        assert.deepStrictEqual(listed, [], `${name}: ${details!.institutionsText}`);
        lines++;
        if (details!.affiliations.some((a) => a.units.length)) withUnits++;
      }
    }
    assert.strictEqual(lines, 586);
    assert.ok(withUnits >= 140, `${withUnits} institution lines keep a department with its university`);
  });

  test("the brief's short institution name, empty for placeholders such as 研究团队 and 相关机构", () => {
    const reference = parseDigest(readReport(reportNamed('2025-10_10-10')));
    assert.strictEqual(paper(reference, 1).institutionShort, '东北大学');
    assert.strictEqual(paper(reference, 4).institutionShort, 'Ant Group');
    assert.strictEqual(paper(reference, 15).institutionShort, '', '研究团队');
    assert.strictEqual(paper(reference, 8).institutionShort, '', 'no subject before 发布了');
    const related = parseDigest(readReport(reportNamed('2025-09_09-25')));
    assert.strictEqual(paper(related, 19).institutionShort, '', '相关机构');
  });

  test('headline numbers of the reference report, in their many shapes', () => {
    const reference = parseDigest(readReport(reportNamed('2025-10_10-10')));
    const texts = (index: number) => paper(reference, index).headlineNumbers.map((n) => n.text);
    assert.deepStrictEqual(texts(2), ['90%', '48%', '2.15倍']);
    assert.deepStrictEqual(texts(4), ['1100+ tokens/秒', '10倍', '2-3倍'], 'the 8×H800 GPU count is not a result');
    assert.deepStrictEqual(texts(7), ['AP50 35.7', '6.0×到152.2×']);
    assert.deepStrictEqual(texts(15), ['66.18%', '8 FPS', '+4.30']);
    assert.deepStrictEqual(texts(21), ['10.2个百分点', '47.1%', '48.5%']);
    assert.deepStrictEqual(texts(3), [], 'model sizes (12B, 5.2B) are not results');
  });
});
