import type { HeadlineNumber } from '../digest/model';
import type { InstitutionName } from './institutionNames';

/** Where a paper opens: a report and the paper's number in it (which of the papers so numbered). */
export interface PaperLocation {
  readonly uri: string;
  readonly index: number;
  readonly occurrence: number;
}

/**
 * A paper as the trends see it: plain data, built from the active digest, the open ones
 * or the library, so that the aggregation does not care where papers come from.
 */
export interface TrendPaper {
  /** The paper's identity: the same paper in two digests has one key. */
  readonly key: string;
  readonly title: string;
  /** The day of its digest, YYYY-MM-DD ('' when unknown). */
  readonly date: string;
  /** Its primary technique id. */
  readonly technique: string;
  /** Normalised, distinct. */
  readonly institutions: readonly InstitutionName[];
  readonly numbers: readonly Pick<HeadlineNumber, 'kind' | 'value' | 'unit' | 'text'>[];
  readonly location: PaperLocation;
}

export type TrendBucket = 'day' | 'week';

export interface TrendFilter {
  /** Inclusive YYYY-MM-DD bounds. */
  readonly from?: string;
  readonly to?: string;
  readonly technique?: string;
  /** An institution key. */
  readonly institution?: string;
  readonly bucket: TrendBucket;
}

/** One bar segment: how many papers of a technique in a day or week. */
export interface TrendCell {
  readonly bucket: string;
  readonly technique: string;
  readonly count: number;
}

export interface InstitutionCount {
  readonly key: string;
  readonly name: string;
  readonly count: number;
}

export type LeaderboardId = 'speedup' | 'reduction' | 'accuracy';

export interface LeaderboardEntry {
  readonly paper: string;
  readonly title: string;
  readonly technique: string;
  readonly value: number;
  readonly unit: string;
  readonly text: string;
}

/** What the user clicked: a bar segment, an institution's bar, or one paper. */
export type TrendMark =
  | { readonly kind: 'cell'; readonly bucket: string; readonly technique: string }
  | { readonly kind: 'institution'; readonly technique: string; readonly institution: string }
  | { readonly kind: 'paper'; readonly paper: string };

/**
 * Counts only: the papers behind a mark are found again when it is clicked
 * (papersOfMark), so that a library's 30,000 papers are not listed per bar on every redraw.
 */
export interface Trends {
  /** Papers that pass the filter. */
  readonly total: number;
  /** Bars: by bucket in time order, then technique; only non-empty cells. */
  readonly cells: readonly TrendCell[];
  /** Per technique (most papers first), its institutions with the most papers. */
  readonly topInstitutions: readonly { technique: string; institutions: readonly InstitutionCount[] }[];
  readonly leaderboards: readonly { id: LeaderboardId; entries: readonly LeaderboardEntry[] }[];
  /** What the filters can choose from, over every paper (not only the filtered ones). */
  readonly choices: {
    readonly techniques: readonly string[];
    readonly institutions: readonly InstitutionCount[];
    readonly from: string;
    readonly to: string;
  };
}

/** The kinds of headline numbers each leaderboard ranks, largest value first. */
export const LEADERBOARD_KINDS: Record<LeaderboardId, readonly HeadlineNumber['kind'][]> = {
  speedup: ['speedup'],
  reduction: ['reduction'],
  accuracy: ['accuracy', 'points', 'improvement'],
};

const TOP_INSTITUTIONS = 5;
const LEADERBOARD_SIZE = 10;
/** Institutions offered in the filter: a library names thousands. */
const INSTITUTION_CHOICES = 200;

/** The Monday of a date's ISO week, or the date itself for days. */
export function bucketOf(date: string, bucket: TrendBucket): string {
  if (bucket === 'day' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The papers that pass a filter. */
function filtered(papers: readonly TrendPaper[], filter: TrendFilter): TrendPaper[] {
  return papers.filter(
    (p) =>
      (!filter.from || p.date >= filter.from) &&
      (!filter.to || p.date <= filter.to) &&
      (!filter.technique || p.technique === filter.technique) &&
      (!filter.institution || p.institutions.some((i) => i.key === filter.institution)),
  );
}

/** Each date's bucket, computed once per date: a library has a few hundred days and thousands of papers. */
function bucketsOf(bucket: TrendBucket): (date: string) => string {
  const buckets = new Map<string, string>();
  return (date) => {
    let b = buckets.get(date);
    if (b === undefined) buckets.set(date, (b = bucketOf(date, bucket)));
    return b;
  };
}

/** Counts papers per technique per day or week, top institutions and leaderboards, after the filter. */
export function aggregateTrends(papers: readonly TrendPaper[], filter: TrendFilter): Trends {
  const shown = filtered(papers, filter);
  const bucketFor = bucketsOf(filter.bucket);
  // bucket → technique → count, and technique → institution key → count.
  const cells = new Map<string, Map<string, number>>();
  const byTechnique = new Map<string, { count: number; institutions: Map<string, InstitutionCount> }>();
  for (const paper of shown) {
    const bucket = bucketFor(paper.date);
    let row = cells.get(bucket);
    if (!row) cells.set(bucket, (row = new Map()));
    row.set(paper.technique, (row.get(paper.technique) ?? 0) + 1);
    let technique = byTechnique.get(paper.technique);
    if (!technique) byTechnique.set(paper.technique, (technique = { count: 0, institutions: new Map() }));
    technique.count++;
    for (const { key, name } of paper.institutions) {
      const entry = technique.institutions.get(key);
      technique.institutions.set(key, { key, name, count: (entry?.count ?? 0) + 1 });
    }
  }

  return {
    total: shown.length,
    cells: [...cells.keys()]
      .sort(compareText)
      .flatMap((bucket) =>
        [...cells.get(bucket)!]
          .sort(([a], [b]) => compareText(a, b))
          .map(([technique, count]) => ({ bucket, technique, count })),
      ),
    topInstitutions: [...byTechnique]
      .sort((a, b) => b[1].count - a[1].count || compareText(a[0], b[0]))
      .map(([technique, { institutions }]) => ({
        technique,
        institutions: top([...institutions.values()], TOP_INSTITUTIONS, byCount),
      })),
    leaderboards: (Object.keys(LEADERBOARD_KINDS) as LeaderboardId[]).map((id) => ({
      id,
      entries: leaderboard(shown, LEADERBOARD_KINDS[id]),
    })),
    choices: choicesOf(papers),
  };
}

/** The papers a mark stands for, under the filter it was drawn with. */
export function papersOfMark(papers: readonly TrendPaper[], filter: TrendFilter, mark: TrendMark): TrendPaper[] {
  if (mark.kind === 'paper') return papers.filter((p) => p.key === mark.paper);
  const bucketFor = bucketsOf(filter.bucket);
  return filtered(papers, filter).filter((p) =>
    mark.kind === 'cell'
      ? p.technique === mark.technique && bucketFor(p.date) === mark.bucket
      : p.technique === mark.technique && p.institutions.some((i) => i.key === mark.institution),
  );
}

/** Each paper's largest number of the kinds, the largest first. */
function leaderboard(papers: readonly TrendPaper[], kinds: readonly HeadlineNumber['kind'][]): LeaderboardEntry[] {
  const entries: LeaderboardEntry[] = [];
  for (const paper of papers) {
    let best: TrendPaper['numbers'][number] | undefined;
    for (const n of paper.numbers) if (kinds.includes(n.kind) && (!best || n.value > best.value)) best = n;
    if (best)
      entries.push({
        paper: paper.key,
        title: paper.title,
        technique: paper.technique,
        value: best.value,
        unit: best.unit,
        text: best.text,
      });
  }
  return top(entries, LEADERBOARD_SIZE, (a, b) => b.value - a.value || compareText(a.title, b.title));
}

/** Choices per list of papers: they do not depend on the filter, and a filter change keeps the list. */
const choicesCache = new WeakMap<readonly TrendPaper[], Trends['choices']>();

function choicesOf(papers: readonly TrendPaper[]): Trends['choices'] {
  let choices = choicesCache.get(papers);
  if (!choices) choicesCache.set(papers, (choices = trendChoices(papers)));
  return choices;
}

/** What the filters can choose from: every technique, the institutions with most papers, the date span. */
export function trendChoices(papers: readonly TrendPaper[]): Trends['choices'] {
  const institutions = new Map<string, InstitutionCount>();
  const techniques = new Set<string>();
  let from = '';
  let to = '';
  for (const paper of papers) {
    techniques.add(paper.technique);
    if (paper.date && (!from || paper.date < from)) from = paper.date;
    if (paper.date > to) to = paper.date;
    for (const { key, name } of paper.institutions)
      institutions.set(key, { key, name, count: (institutions.get(key)?.count ?? 0) + 1 });
  }
  return {
    techniques: [...techniques].sort(compareText),
    institutions: top([...institutions.values()], INSTITUTION_CHOICES, byCount),
    from,
    to,
  };
}

const byCount = (a: InstitutionCount, b: InstitutionCount) => b.count - a.count || compareText(a.name, b.name);

/** The first `n` items in `order`, without sorting them all: leaderboards keep 10 of thousands. */
function top<T>(items: readonly T[], n: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === n && order(item, kept[n - 1]) >= 0) continue;
    let i = kept.length;
    while (i > 0 && order(item, kept[i - 1]) < 0) i--;
    kept.splice(i, 0, item);
    if (kept.length > n) kept.pop();
  }
  return kept;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
