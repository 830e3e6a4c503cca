import { csvTable } from '../digest/export';
import type { Trends } from './trends';

export type TrendTable = 'bars' | 'institutions' | 'leaderboards';

/** One of the trends' tables as CSV, techniques named by `label`. */
export function trendsCsv(trends: Trends, table: TrendTable, label: (technique: string) => string): string {
  if (table === 'bars')
    return csvTable(
      ['period', 'technique', 'technique label', 'papers'],
      trends.cells.map((c) => [c.bucket, c.technique, label(c.technique), c.count]),
    );
  if (table === 'institutions')
    return csvTable(
      ['technique', 'technique label', 'institution', 'papers'],
      trends.topInstitutions.flatMap((t) =>
        t.institutions.map((i) => [t.technique, label(t.technique), i.name, i.count]),
      ),
    );
  return csvTable(
    ['leaderboard', 'rank', 'title', 'technique', 'value', 'unit', 'as written'],
    trends.leaderboards.flatMap((b) =>
      b.entries.map((e, i) => [b.id, i + 1, e.title, label(e.technique), e.value, e.unit, e.text]),
    ),
  );
}
