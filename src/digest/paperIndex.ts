import type { Digest, DigestPaper, DigestProblem } from './model';

/** One paper within its report: its number and which of the papers with that number it is (0 unless numbers repeat). */
export interface DigestPaperRef {
  readonly index: number;
  readonly occurrence: number;
}

interface PaperIndex {
  readonly byKey: Map<string, DigestPaper>;
  readonly occurrenceOf: Map<DigestPaper, number>;
  readonly problemsOf: Map<DigestPaper, DigestProblem[]>;
}

/** Lookups by paper, built once per parse (digests are immutable), so views stay linear. */
const indexes = new WeakMap<Digest, PaperIndex>();

/** A paper's key within its report, as a string: for maps and tree ids. */
export const paperKey = (ref: DigestPaperRef): string => `${ref.index}#${ref.occurrence}`;

/** For each item, which of the items with its number it is: 0, then 1, 2… where numbers repeat. */
export function occurrences(items: readonly { readonly index: number }[]): number[] {
  const seen = new Map<number, number>();
  return items.map(({ index }) => {
    const occurrence = seen.get(index) ?? 0;
    seen.set(index, occurrence + 1);
    return occurrence;
  });
}

/** Every paper with its occurrence among papers of the same number. */
export function withOccurrences(digest: Digest): { paper: DigestPaper; occurrence: number }[] {
  const counts = occurrences(digest.papers);
  return digest.papers.map((paper, i) => ({ paper, occurrence: counts[i] }));
}

function indexOf(digest: Digest): PaperIndex {
  let index = indexes.get(digest);
  if (!index) {
    index = { byKey: new Map(), occurrenceOf: new Map(), problemsOf: new Map() };
    const byLine = new Map<number, DigestPaper>();
    for (const { paper, occurrence } of withOccurrences(digest)) {
      index.byKey.set(paperKey({ index: paper.index, occurrence }), paper);
      index.occurrenceOf.set(paper, occurrence);
      for (const line of [
        paper.brief?.line,
        paper.brief?.textLine,
        paper.details?.line,
        paper.details?.abstractLine,
        paper.details?.institutionsLine,
      ]) {
        if (line !== undefined && line !== null) byLine.set(line, paper);
      }
    }
    for (const problem of digest.problems) {
      const paper = byLine.get(problem.line);
      if (paper && problem.paperIndex === paper.index)
        index.problemsOf.set(paper, [...(index.problemsOf.get(paper) ?? []), problem]);
    }
    indexes.set(digest, index);
  }
  return index;
}

export function findPaper(digest: Digest, ref: DigestPaperRef): DigestPaper | undefined {
  return indexOf(digest).byKey.get(paperKey(ref));
}

/** The reference of a paper of a digest. */
export function paperRef(digest: Digest, paper: DigestPaper): DigestPaperRef {
  return { index: paper.index, occurrence: indexOf(digest).occurrenceOf.get(paper) ?? 0 };
}

/** The problems found on a paper's own lines (its headings, brief and fields). */
export function problemsOf(digest: Digest, paper: DigestPaper): readonly DigestProblem[] {
  return indexOf(digest).problemsOf.get(paper) ?? [];
}

/** The paper whose brief or details block holds `line`. */
export function paperAtLine(digest: Digest, line: number): DigestPaper | undefined {
  return digest.papers.find(
    (p) =>
      (p.brief && line >= p.brief.line && line <= p.brief.endLine) ||
      (p.details && line >= p.details.line && line <= p.details.endLine),
  );
}
