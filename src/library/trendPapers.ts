import type { Digest } from '../digest/model';
import { withOccurrences } from '../digest/paperIndex';
import { OTHER_TECHNIQUE_ID } from '../digest/taxonomy';
import type { InstitutionNames } from './institutionNames';
import { paperInstitutions } from './paperInstitutions';
import type { TrendPaper } from './trends';

/** The papers of one digest as the trends see them, keyed by report and number until the library gives identities. */
export function trendPapersOf(digest: Digest, uri: string, names: InstitutionNames): TrendPaper[] {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(digest.generatedAt)?.[0] ?? '';
  return withOccurrences(digest).map(({ paper, occurrence }) => ({
    key: `${uri}#${paper.index}#${occurrence}`,
    title: paper.title || paper.briefName,
    date,
    technique: paper.techniques[0]?.id ?? OTHER_TECHNIQUE_ID,
    institutions: paperInstitutions(paper, names),
    numbers: paper.headlineNumbers.map(({ kind, value, unit, text }) => ({ kind, value, unit, text })),
    location: { uri, index: paper.index, occurrence },
  }));
}
