import * as assert from 'assert';
import { trendChoices, type TrendFilter, type TrendPaper } from '../../src/library/trends';
import type { TrendsPanel, TrendSource } from '../../src/trends/trendsPanel';
import { corpusReports, readReport } from '../corpus';
import { buildTrendLibrary } from '../trendLibrary';
import { api } from './helpers';

/**
 * The Trends panel in the real workbench on a library of 1,000 digests of 30 corpus papers:
 * the time from Show to the page's first drawing, and from a filter change to the page's
 * redrawing (aggregation in the extension host, the message, Plot's drawing in the webview).
 * The baseline, in the same run, is the same panel on one digest's papers. Prints only.
 */
const RUNS = 3;

const fixed = (papers: readonly TrendPaper[]): TrendSource => ({
  papers: async () => papers,
  onDidChange: () => ({ dispose() {} }),
});
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

async function timedOpen(papers: readonly TrendPaper[]): Promise<[TrendsPanel, number]> {
  const { trends } = await api();
  trends.current?.dispose();
  const start = performance.now();
  const panel = trends.show(fixed(papers));
  const drawn = await new Promise<{ bars: number }>((resolve) => panel.onDidRender(resolve));
  assert.ok(drawn.bars > 0);
  return [panel, performance.now() - start];
}

async function timedRedraw(
  panel: TrendsPanel,
  filter: TrendFilter,
): Promise<{ total: number; page: number; host: number }> {
  const start = performance.now();
  const drawn = panel.applyFilter(filter);
  const { ms } = await drawn;
  const host = panel.lastAggregateMs;
  return { total: performance.now() - start, page: ms, host };
}

suite('Trends panel: speed', () => {
  suiteSetup(function () {
    if (!corpusReports().length) this.skip();
  });
  suiteTeardown(async () => (await api()).trends.current?.dispose());

  test('time to open and to redraw after a filter change on 30,000 papers, against one digest', async () => {
    const library = buildTrendLibrary(corpusReports().map(readReport));
    const oneDigest = library.slice(0, 30);
    const { to } = trendChoices(library);
    const institution = trendChoices(library).institutions[0].key;
    const filters: [string, TrendFilter][] = [
      ['one technique', { bucket: 'week', technique: 'kv-cache' }],
      ['one institution', { bucket: 'week', institution }],
      [
        'last 90 days, per day',
        { bucket: 'day', from: new Date(Date.parse(to) - 90 * 86_400_000).toISOString().slice(0, 10) },
      ],
      ['all, per week', { bucket: 'week' }],
    ];
    const opens: Record<string, number[]> = { baseline: [], library: [] };
    const redraws: Record<string, { total: number[]; page: number[]; host: number[] }> = {};
    for (let run = 0; run < RUNS; run++) {
      for (const [name, papers] of [
        ['baseline', oneDigest],
        ['library', library],
      ] as const) {
        const [panel, ms] = await timedOpen(papers);
        opens[name].push(ms);
        for (const [label, filter] of filters) {
          const key = `${name}: ${label}`;
          const times = await timedRedraw(panel, filter);
          redraws[key] ??= { total: [], page: [], host: [] };
          redraws[key].total.push(times.total);
          redraws[key].page.push(times.page);
          redraws[key].host.push(times.host);
        }
      }
    }
    console.log(
      `    trends on ${library.length} papers (${RUNS} runs, medians; baseline: one digest of ${oneDigest.length})`,
    );
    console.log(
      `      open: library ${median(opens.library).toFixed(0)} ms, baseline ${median(opens.baseline).toFixed(0)} ms, ×${(median(opens.library) / median(opens.baseline)).toFixed(1)}`,
    );
    for (const [label] of filters) {
      const lib = redraws[`library: ${label}`];
      const base = redraws[`baseline: ${label}`];
      console.log(
        `      redraw ${label.padEnd(24)} library ${median(lib.total).toFixed(0)} ms (host ${median(lib.host).toFixed(1)}, page ${median(lib.page).toFixed(0)}), baseline ${median(base.total).toFixed(0)} ms, ×${(median(lib.total) / median(base.total)).toFixed(1)}`,
      );
    }
  });
});
