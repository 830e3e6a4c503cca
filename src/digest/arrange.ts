import type { Digest, DigestPaper } from './model';
import { compareStrength, strongestNumber } from './numbers';
import { withOccurrences } from './paperIndex';
import { OTHER_TECHNIQUE_ID, type TechniqueDefinition } from './taxonomy';

export type GroupBy = 'technique' | 'institution' | 'none';
export type SortBy = 'document' | 'title' | 'strongest';

export interface ArrangeOptions {
  readonly groupBy: GroupBy;
  readonly sortBy: SortBy;
  /** Case-insensitive text to find in title, institutions, technique labels or brief. */
  readonly filter?: string;
  /** Also list each paper under its secondary techniques. */
  readonly secondary?: boolean;
  readonly taxonomy: readonly TechniqueDefinition[];
  /** The institution a paper is grouped under (a normalised name); its brief's phrase when not given. */
  readonly institutionOf?: (paper: DigestPaper) => string;
  /** The reader's own technique for a paper (Move to Technique), which replaces the one read. */
  readonly techniqueOf?: (paper: DigestPaper) => string | undefined;
}

/** A paper as one entry of a group: under its primary technique, or a secondary one. */
export interface ArrangedPaper {
  readonly paper: DigestPaper;
  /** Which of the papers numbered `paper.index` this is (0 unless numbers repeat). */
  readonly occurrence: number;
  readonly secondary: boolean;
}

export interface PaperGroup {
  /** A technique id, an institution name, or '' for the single group of "none". */
  readonly key: string;
  readonly entries: readonly ArrangedPaper[];
  /** Entries that are there for their primary technique. */
  readonly primaryCount: number;
}

const UNKNOWN_INSTITUTION = '';

/** The name a paper is grouped under when grouping by institution. */
function paperInstitution(paper: DigestPaper): string {
  return paper.institutionShort || paper.details?.institutions[0] || UNKNOWN_INSTITUTION;
}

/** Searchable texts by taxonomy and paper: models are immutable, so typing a filter builds them once. */
const searchable = new WeakMap<readonly TechniqueDefinition[], WeakMap<DigestPaper, string>>();

function searchableText(paper: DigestPaper, taxonomy: readonly TechniqueDefinition[]): string {
  let texts = searchable.get(taxonomy);
  if (!texts) searchable.set(taxonomy, (texts = new WeakMap()));
  let text = texts.get(paper);
  if (text === undefined) texts.set(paper, (text = buildSearchableText(paper, taxonomy)));
  return text;
}

/** Every string a filter may match for a paper, lower-cased. */
function buildSearchableText(paper: DigestPaper, taxonomy: readonly TechniqueDefinition[]): string {
  const labels = paper.techniques.flatMap((t) => {
    const definition = taxonomy.find((d) => d.id === t.id);
    return definition ? [definition.label.en, definition.label.zh, t.id] : [t.id];
  });
  return [
    paper.title,
    paper.briefName,
    paper.institutionShort,
    paper.details?.institutionsText ?? '',
    ...labels,
    paper.brief?.text ?? '',
  ]
    .join('\n')
    .toLowerCase();
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortEntries(entries: ArrangedPaper[], sortBy: SortBy, order: Map<DigestPaper, number>): ArrangedPaper[] {
  const byDocument = (a: ArrangedPaper, b: ArrangedPaper) => order.get(a.paper)! - order.get(b.paper)!;
  if (sortBy === 'title')
    return entries.sort(
      (a, b) =>
        collator.compare(a.paper.title || a.paper.briefName, b.paper.title || b.paper.briefName) || byDocument(a, b),
    );
  if (sortBy === 'strongest') {
    return entries.sort((a, b) => {
      const x = strongestNumber(a.paper.headlineNumbers);
      const y = strongestNumber(b.paper.headlineNumbers);
      if (!x || !y) return (x ? -1 : y ? 1 : 0) || byDocument(a, b);
      return compareStrength(x, y) || byDocument(a, b);
    });
  }
  return entries.sort(byDocument);
}

/**
 * Groups, filters and sorts a digest's papers for a view. Groups come in taxonomy order
 * (institutions alphabetically, the unknown last), "other" last, and empty groups are left out.
 */
export function arrangePapers(digest: Digest, options: ArrangeOptions): PaperGroup[] {
  const query = options.filter?.trim().toLowerCase() ?? '';
  const all = withOccurrences(digest);
  const order = new Map(all.map(({ paper }, i) => [paper, i]));
  const shown = query ? all.filter(({ paper }) => searchableText(paper, options.taxonomy).includes(query)) : all;
  const groups = new Map<string, ArrangedPaper[]>();
  const add = (key: string, entry: ArrangedPaper) => {
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  };

  for (const { paper, occurrence } of shown) {
    if (options.groupBy === 'none') add('', { paper, occurrence, secondary: false });
    else if (options.groupBy === 'institution')
      add(options.institutionOf?.(paper) ?? paperInstitution(paper), { paper, occurrence, secondary: false });
    else {
      const own = options.techniqueOf?.(paper);
      const primary = own ?? paper.techniques[0]?.id ?? OTHER_TECHNIQUE_ID;
      add(primary, { paper, occurrence, secondary: false });
      if (options.secondary)
        for (const t of paper.techniques.slice(own ? 0 : 1))
          if (t.id !== primary) add(t.id, { paper, occurrence, secondary: true });
    }
  }

  const keys = [...groups.keys()];
  if (options.groupBy === 'technique') {
    const rank = (key: string) => {
      const i = options.taxonomy.findIndex((t) => t.id === key);
      return key === OTHER_TECHNIQUE_ID ? Number.MAX_SAFE_INTEGER : i < 0 ? options.taxonomy.length : i;
    };
    keys.sort((a, b) => rank(a) - rank(b));
  } else if (options.groupBy === 'institution') {
    keys.sort((a, b) => (a === UNKNOWN_INSTITUTION ? 1 : b === UNKNOWN_INSTITUTION ? -1 : collator.compare(a, b)));
  }
  return keys.map((key) => {
    const entries = sortEntries(groups.get(key)!, options.sortBy, order);
    return { key, entries, primaryCount: entries.filter((e) => !e.secondary).length };
  });
}
