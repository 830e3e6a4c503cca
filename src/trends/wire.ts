import type { Trends, TrendCell } from '../library/trends';

/**
 * The trends as sent to the page: bars packed as [bucket, technique, count] index
 * triples (a library's 2,000 bars as objects are most of a message), and the choices
 * only when they changed. The page unpacks them into Trends again.
 */
export interface PackedTrends extends Omit<Trends, 'cells' | 'choices'> {
  readonly buckets: readonly string[];
  readonly cellTechniques: readonly string[];
  readonly cells: readonly number[];
  readonly choices?: Trends['choices'];
}

export function packTrends(trends: Trends, withChoices: boolean): PackedTrends {
  const buckets = new Map<string, number>();
  const techniques = new Map<string, number>();
  const index = (map: Map<string, number>, key: string) => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = map.size));
    return i;
  };
  const cells = trends.cells.flatMap((c) => [index(buckets, c.bucket), index(techniques, c.technique), c.count]);
  return {
    total: trends.total,
    topInstitutions: trends.topInstitutions,
    leaderboards: trends.leaderboards,
    buckets: [...buckets.keys()],
    cellTechniques: [...techniques.keys()],
    cells,
    ...(withChoices ? { choices: trends.choices } : {}),
  };
}

export function unpackTrends(packed: PackedTrends, choices: Trends['choices']): Trends {
  const cells: TrendCell[] = [];
  for (let i = 0; i < packed.cells.length; i += 3)
    cells.push({
      bucket: packed.buckets[packed.cells[i]],
      technique: packed.cellTechniques[packed.cells[i + 1]],
      count: packed.cells[i + 2],
    });
  return {
    total: packed.total,
    topInstitutions: packed.topInstitutions,
    leaderboards: packed.leaderboards,
    cells,
    choices: packed.choices ?? choices,
  };
}
