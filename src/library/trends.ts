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

/** One bar segment: the papers of a technique in a day or week. */
export interface TrendCell {
  readonly bucket: string;
  readonly technique: string;
  readonly count: number;
  readonly papers: readonly string[];
}

export interface InstitutionCount {
  readonly key: string;
  readonly name: string;
  readonly count: number;
  readonly papers: readonly string[];
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
    readonly institutions: readonly Omit<InstitutionCount, 'papers'>[];
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

/** Counts papers per technique per day or week, top institutions and leaderboards, after the filter. */
export function aggregateTrends(papers: readonly TrendPaper[], filter: TrendFilter): Trends {
  const shown = papers.filter(
    (p) =>
      (!filter.from || p.date >= filter.from) &&
      (!filter.to || p.date <= filter.to) &&
      (!filter.technique || p.technique === filter.technique) &&
      (!filter.institution || p.institutions.some((i) => i.key === filter.institution)),
  );

  const cells = new Map<string, { bucket: string; technique: string; papers: string[] }>();
  const byTechnique = new Map<string, Map<string, { name: string; papers: string[] }>>();
  const techniqueCounts = new Map<string, number>();
  for (const paper of shown) {
    const bucket = bucketOf(paper.date, filter.bucket);
    const id = `${bucket}\u0000${paper.technique}`;
    const cell = cells.get(id) ?? { bucket, technique: paper.technique, papers: [] };
    cell.papers.push(paper.key);
    cells.set(id, cell);
    techniqueCounts.set(paper.technique, (techniqueCounts.get(paper.technique) ?? 0) + 1);
    const institutions = byTechnique.get(paper.technique) ?? new Map<string, { name: string; papers: string[] }>();
    byTechnique.set(paper.technique, institutions);
    for (const { key, name } of paper.institutions) {
      const entry = institutions.get(key) ?? { name, papers: [] };
      entry.papers.push(paper.key);
      institutions.set(key, entry);
    }
  }

  return {
    total: shown.length,
    cells: [...cells.values()]
      .sort((a, b) => compareText(a.bucket, b.bucket) || compareText(a.technique, b.technique))
      .map((c) => ({ ...c, count: c.papers.length })),
    topInstitutions: [...techniqueCounts]
      .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
      .map(([technique]) => ({
        technique,
        institutions: ranked(byTechnique.get(technique)!).slice(0, TOP_INSTITUTIONS),
      })),
    leaderboards: (Object.keys(LEADERBOARD_KINDS) as LeaderboardId[]).map((id) => ({
      id,
      entries: leaderboard(shown, LEADERBOARD_KINDS[id]),
    })),
    choices: trendChoices(papers),
  };
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
  return entries.sort((a, b) => b.value - a.value || compareText(a.title, b.title)).slice(0, LEADERBOARD_SIZE);
}

/** What the filters can choose from: every technique, the institutions with most papers, the date span. */
export function trendChoices(papers: readonly TrendPaper[]): Trends['choices'] {
  const institutions = new Map<string, { name: string; papers: string[] }>();
  const techniques = new Set<string>();
  let from = '';
  let to = '';
  for (const paper of papers) {
    techniques.add(paper.technique);
    if (paper.date && (!from || paper.date < from)) from = paper.date;
    if (paper.date > to) to = paper.date;
    for (const { key, name } of paper.institutions) {
      const entry = institutions.get(key) ?? { name, papers: [] };
      entry.papers.push(paper.key);
      institutions.set(key, entry);
    }
  }
  return {
    techniques: [...techniques].sort(compareText),
    institutions: ranked(institutions)
      .slice(0, INSTITUTION_CHOICES)
      .map(({ key, name, count }) => ({ key, name, count })),
    from,
    to,
  };
}

function ranked(institutions: Map<string, { name: string; papers: string[] }>): InstitutionCount[] {
  return [...institutions]
    .map(([key, { name, papers }]) => ({ key, name, count: papers.length, papers }))
    .sort((a, b) => b.count - a.count || compareText(a.name, b.name));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
