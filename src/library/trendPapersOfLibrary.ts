import { occurrences } from '../digest/paperIndex';
import { OTHER_TECHNIQUE_ID } from '../digest/taxonomy';
import type { InstitutionNames } from './institutionNames';
import type { Library } from './library';
import type { TrendPaper } from './trends';

/**
 * The library's papers as the trends see them: one per library entry, so that a paper
 * reported on two days counts once, on the day it first appeared. What it is about (title,
 * technique, institutions, numbers) and where it opens come from its newest appearance.
 */
export function trendPapersOfLibrary(library: Library, names: InstitutionNames): TrendPaper[] {
  // A paper's occurrence among the papers of its digest with the same number, by report.
  const occurrencesOf = new Map<string, number[]>();
  const occurrenceOf = (report: string, position: number) => {
    let counts = occurrencesOf.get(report);
    if (!counts) occurrencesOf.set(report, (counts = occurrences(library.digest(report)?.papers ?? [])));
    return counts[position] ?? 0;
  };
  return [...library.entries()].map(({ key, title, appearances, newest }) => ({
    key,
    title,
    date: appearances[0].date,
    technique: newest.techniques[0] ?? OTHER_TECHNIQUE_ID,
    institutions: names.normalizeAll(newest.institutions),
    numbers: newest.numbers,
    location: { uri: newest.report, index: newest.index, occurrence: occurrenceOf(newest.report, newest.position) },
  }));
}
