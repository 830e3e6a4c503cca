import { parseDigest } from '../src/digest';
import { createInstitutionNames } from '../src/library/institutionAliases';
import { trendPapersOf } from '../src/library/trendPapers';
import type { TrendPaper } from '../src/library/trends';

const DAY_MS = 86_400_000;

/**
 * A library-sized list of trend papers built from real reports: their papers, cycled over
 * `digests` daily digests of `perDigest` papers each, each with a key of its own. What the
 * trends benchmarks measure on until the library's workspace generator is on main.
 */
export function buildTrendLibrary(reportTexts: readonly string[], digests = 1000, perDigest = 30): TrendPaper[] {
  const names = createInstitutionNames();
  const papers = reportTexts.flatMap((text, i) => trendPapersOf(parseDigest(text), `corpus:${i}`, names));
  const start = Date.UTC(2023, 0, 2);
  const library: TrendPaper[] = [];
  for (let d = 0; d < digests; d++) {
    const date = new Date(start + d * DAY_MS).toISOString().slice(0, 10);
    const uri = `library:/${date}.md`;
    for (let n = 0; n < perDigest; n++) {
      const paper = papers[(d * perDigest + n) % papers.length];
      library.push({
        ...paper,
        key: `${uri}#${n + 1}#0`,
        date,
        location: { uri, index: n + 1, occurrence: 0 },
      });
    }
  }
  return library;
}
