import * as assert from 'assert';
import { parseDigest } from '../../src/digest';
import { createInstitutionNames } from '../../src/library/institutionAliases';
import { trendPapersOf } from '../../src/library/trendPapers';
import { aggregateTrends, bucketOf, papersOfMark, type TrendPaper } from '../../src/library/trends';
import { corpusReports, readReport } from '../corpus';

const huawei = { key: 'huawei', name: 'Huawei' };
const thu = { key: 'tsinghuauniversity', name: 'Tsinghua University' };

function paper(key: string, date: string, technique: string, more: Partial<TrendPaper> = {}): TrendPaper {
  return {
    key,
    title: `Paper ${key}`,
    date,
    technique,
    institutions: [],
    numbers: [],
    location: { uri: 'file:///r.md', index: 1, occurrence: 0 },
    ...more,
  };
}

const papers: TrendPaper[] = [
  paper('a', '2025-10-06', 'quantization', {
    institutions: [huawei],
    numbers: [{ kind: 'speedup', value: 2.5, unit: '×', text: '2.5倍' }],
  }),
  paper('b', '2025-10-07', 'quantization', {
    institutions: [huawei, thu],
    numbers: [
      { kind: 'speedup', value: 4, unit: '×', text: '4x' },
      { kind: 'speedup', value: 3, unit: '×', text: '3x' },
      { kind: 'reduction', value: 48, unit: '%', text: '48%' },
    ],
  }),
  paper('c', '2025-10-07', 'kv-cache', {
    institutions: [thu],
    numbers: [{ kind: 'points', value: 10.2, unit: 'pp', text: '10.2个百分点' }],
  }),
  paper('d', '2025-10-13', 'quantization'),
];

suite('trends aggregation', () => {
  test('a week starts on its Monday; a day is itself', () => {
    assert.strictEqual(bucketOf('2025-10-12', 'week'), '2025-10-06'); // a Sunday
    assert.strictEqual(bucketOf('2025-10-13', 'week'), '2025-10-13'); // a Monday
    assert.strictEqual(bucketOf('2025-10-12', 'day'), '2025-10-12');
    assert.strictEqual(bucketOf('', 'week'), '');
  });

  test('papers are counted per technique per day', () => {
    const trends = aggregateTrends(papers, { bucket: 'day' });
    assert.strictEqual(trends.total, 4);
    assert.deepStrictEqual(
      trends.cells.map((c) => [c.bucket, c.technique, c.count]),
      [
        ['2025-10-06', 'quantization', 1],
        ['2025-10-07', 'kv-cache', 1],
        ['2025-10-07', 'quantization', 1],
        ['2025-10-13', 'quantization', 1],
      ],
    );
  });

  test('a mark gives back its papers, under the filter it was drawn with', () => {
    const keys = (found: TrendPaper[]) => found.map((p) => p.key);
    const week = { bucket: 'week' } as const;
    assert.deepStrictEqual(
      keys(papersOfMark(papers, week, { kind: 'cell', bucket: '2025-10-06', technique: 'quantization' })),
      ['a', 'b'],
    );
    assert.deepStrictEqual(
      keys(
        papersOfMark(
          papers,
          { ...week, to: '2025-10-06' },
          { kind: 'cell', bucket: '2025-10-06', technique: 'quantization' },
        ),
      ),
      ['a'],
    );
    assert.deepStrictEqual(
      keys(
        papersOfMark(papers, week, {
          kind: 'institution',
          technique: 'quantization',
          institution: 'tsinghuauniversity',
        }),
      ),
      ['b'],
    );
    assert.deepStrictEqual(keys(papersOfMark(papers, week, { kind: 'paper', paper: 'c' })), ['c']);
    assert.deepStrictEqual(keys(papersOfMark(papers, week, { kind: 'paper', paper: 'missing' })), []);
  });

  test('weeks add up the days', () => {
    const trends = aggregateTrends(papers, { bucket: 'week' });
    assert.deepStrictEqual(
      trends.cells.map((c) => [c.bucket, c.technique, c.count]),
      [
        ['2025-10-06', 'kv-cache', 1],
        ['2025-10-06', 'quantization', 2],
        ['2025-10-13', 'quantization', 1],
      ],
    );
  });

  test('top institutions per technique, the technique with most papers first', () => {
    const trends = aggregateTrends(papers, { bucket: 'day' });
    assert.deepStrictEqual(
      trends.topInstitutions.map((t) => [t.technique, t.institutions.map((i) => `${i.name}:${i.count}`)]),
      [
        ['quantization', ['Huawei:2', 'Tsinghua University:1']],
        ['kv-cache', ['Tsinghua University:1']],
      ],
    );
  });

  test("leaderboards rank each paper's largest number of their kinds", () => {
    const boards = Object.fromEntries(
      aggregateTrends(papers, { bucket: 'day' }).leaderboards.map((b) => [
        b.id,
        b.entries.map((e) => `${e.paper}:${e.text}`),
      ]),
    );
    assert.deepStrictEqual(boards, {
      speedup: ['b:4x', 'a:2.5倍'],
      reduction: ['b:48%'],
      accuracy: ['c:10.2个百分点'],
    });
  });

  test('filters by date range, technique and institution; choices stay those of every paper', () => {
    const byDate = aggregateTrends(papers, { bucket: 'day', from: '2025-10-07', to: '2025-10-07' });
    assert.strictEqual(byDate.total, 2);
    assert.deepStrictEqual(byDate.choices.techniques, ['kv-cache', 'quantization']);
    assert.deepStrictEqual([byDate.choices.from, byDate.choices.to], ['2025-10-06', '2025-10-13']);
    assert.strictEqual(aggregateTrends(papers, { bucket: 'day', technique: 'kv-cache' }).total, 1);
    const byInstitution = aggregateTrends(papers, { bucket: 'day', institution: 'tsinghuauniversity' });
    assert.deepStrictEqual(
      byInstitution.cells.map((c) => [c.bucket, c.technique, c.count]),
      [
        ['2025-10-07', 'kv-cache', 1],
        ['2025-10-07', 'quantization', 1],
      ],
    );
    assert.deepStrictEqual(
      byInstitution.choices.institutions.map((i) => [i.name, i.count]),
      [
        ['Huawei', 2],
        ['Tsinghua University', 2],
      ],
    );
  });

  test('no papers, no bars', () => {
    const trends = aggregateTrends([], { bucket: 'week' });
    assert.deepStrictEqual([trends.total, trends.cells.length, trends.choices.from], [0, 0, '']);
  });
});

suite('trends on the corpus', () => {
  const reports = corpusReports();

  test('every paper of every report is in exactly one bar, under its primary technique', function () {
    if (!reports.length) this.skip();
    const names = createInstitutionNames();
    const all = reports.flatMap((report) => trendPapersOf(parseDigest(readReport(report)), report, names));
    assert.strictEqual(all.length, 586);
    const trends = aggregateTrends(all, { bucket: 'week' });
    assert.strictEqual(
      trends.cells.reduce((sum, c) => sum + c.count, 0),
      all.length,
    );
    // Every bar's papers, found again from the bar, are of its technique; together they are every paper once.
    const found = trends.cells.flatMap((c) => {
      const marked = papersOfMark(all, { bucket: 'week' }, { kind: 'cell', bucket: c.bucket, technique: c.technique });
      assert.strictEqual(marked.length, c.count);
      assert.ok(marked.every((p) => p.technique === c.technique));
      return marked.map((p) => p.key);
    });
    assert.strictEqual(new Set(found).size, all.length);
    assert.ok(trends.leaderboards.every((b) => b.entries.length === 10));
    const speedups = trends.leaderboards.find((b) => b.id === 'speedup')!.entries.map((e) => e.value);
    assert.deepStrictEqual(
      speedups,
      [...speedups].sort((a, b) => b - a),
    );
  });
});
