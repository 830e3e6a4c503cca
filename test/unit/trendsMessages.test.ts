import * as assert from 'assert';
import { trendsCsv } from '../../src/library/trendsCsv';
import { aggregateTrends, type TrendPaper } from '../../src/library/trends';
import { FromPage } from '../../src/trends/messages';
import { packTrends, unpackTrends } from '../../src/trends/wire';

const paper = (key: string, title: string, technique: string): TrendPaper => ({
  key,
  title,
  date: '2025-10-07',
  technique,
  institutions: [{ key: 'huawei', name: 'Huawei' }],
  numbers: [{ kind: 'speedup', value: 3, unit: '×', text: '3倍' }],
  location: { uri: 'file:///r.md', index: 1, occurrence: 0 },
});

suite('trends page messages', () => {
  test('the messages the page sends are accepted', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'ready', filter: { bucket: 'week' } },
      {
        type: 'filter',
        filter: { bucket: 'day', from: '2025-10-01', to: '', technique: 'moe', institution: 'huawei' },
      },
      { type: 'open', mark: { kind: 'cell', bucket: '2025-10-06', technique: 'moe' } },
      { type: 'open', mark: { kind: 'institution', technique: 'moe', institution: 'huawei' } },
      { type: 'open', mark: { kind: 'paper', paper: 'file:///r.md#1#0' } },
      { type: 'exportCsv', table: 'leaderboards' },
      { type: 'exportImage', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
      { type: 'exportImage', format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' },
      { type: 'rendered', seq: 3, ms: 12.5, bars: 40 },
    ])
      assert.ok(FromPage.safeParse(message).success, JSON.stringify(message));
  });

  test('anything else is refused', () => {
    for (const message of [
      null,
      'ready',
      { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'filter', filter: { bucket: 'year' } },
      { type: 'filter', filter: { bucket: 'day', from: '2025-10-01T00:00' } },
      { type: 'open', mark: { kind: 'command', id: 'x' } },
      { type: 'open', mark: { kind: 'paper', paper: 'x'.repeat(6000) } },
      { type: 'exportCsv', table: '../../etc/passwd' },
      { type: 'exportImage', format: 'svg', data: '<script>alert(1)</script>' },
      { type: 'exportImage', format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' },
      { type: 'exportImage', format: 'pdf', data: '<svg></svg>' },
    ])
      assert.ok(!FromPage.safeParse(message).success, JSON.stringify(message));
  });
});

suite('trends packed for the page', () => {
  test('unpacking gives back the trends; choices travel only when asked', () => {
    const trends = aggregateTrends(
      [paper('a', 'A', 'moe'), { ...paper('b', 'B', 'kv-cache'), date: '2025-10-09' }, paper('c', 'C', 'moe')],
      { bucket: 'day' },
    );
    const packed = packTrends(trends, true);
    assert.deepStrictEqual(packed.cells, [0, 0, 2, 1, 1, 1]);
    assert.deepStrictEqual(unpackTrends(JSON.parse(JSON.stringify(packed)), trends.choices), trends);
    const without = packTrends(trends, false);
    assert.strictEqual(without.choices, undefined);
    assert.deepStrictEqual(unpackTrends(without, trends.choices), trends);
  });
});

suite('trends as CSV', () => {
  const trends = aggregateTrends(
    [paper('a', 'One, "quoted"', 'moe'), paper('b', '=cmd()', 'moe'), paper('c', 'Three', 'kv-cache')],
    { bucket: 'day' },
  );
  const label = (id: string) => (id === 'moe' ? 'MoE' : id);
  const lines = (csv: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');

  test('the bars: one row per period and technique', () => {
    assert.deepStrictEqual(lines(trendsCsv(trends, 'bars', label)), [
      '"period","technique","technique label","papers"',
      '"2025-10-07","kv-cache","kv-cache","1"',
      '"2025-10-07","moe","MoE","2"',
    ]);
  });

  test('institutions and leaderboards, with report text quoted and formulas defused', () => {
    assert.deepStrictEqual(lines(trendsCsv(trends, 'institutions', label)).slice(1), [
      '"moe","MoE","Huawei","2"',
      '"kv-cache","kv-cache","Huawei","1"',
    ]);
    const board = lines(trendsCsv(trends, 'leaderboards', label));
    assert.ok(board.includes('"speedup","1","\'=cmd()","MoE","3","×","3倍"'), board.join('\n'));
    assert.ok(board.some((l) => l.includes('"One, ""quoted"""')));
  });
});
