import type { Digest, DigestPaper, DigestProblem } from './model';

/** One paper within its report: its number and which of the papers with that number it is (0 unless numbers repeat). */
export interface DigestPaperRef {
  readonly index: number;
  readonly occurrence: number;
}

/**
 * Lookups by paper, built once per parse (digests are immutable) and each only when first
 * asked for: an edit makes a new digest, and CodeLens needs only the repeats.
 */
const memo = <T>(build: (digest: Digest) => T) => {
  const built = new WeakMap<Digest, T>();
  return (digest: Digest): T => {
    let value = built.get(digest);
    if (value === undefined) built.set(digest, (value = build(digest)));
    return value;
  };
};

/** Papers whose number an earlier paper already has, with their occurrence (1, 2…); the others are 0. */
const repeatsOf = memo((digest) => {
  const repeats = new Map<DigestPaper, number>();
  occurrences(digest.papers).forEach((occurrence, i) => occurrence && repeats.set(digest.papers[i], occurrence));
  return repeats;
});

const byKeyOf = memo(
  (digest) =>
    new Map(
      withOccurrences(digest).map(({ paper, occurrence }) => [paperKey({ index: paper.index, occurrence }), paper]),
    ),
);

const problemsByPaperOf = memo((digest) => {
  const byLine = new Map<number, DigestPaper>();
  for (const paper of digest.papers)
    for (const line of [
      paper.brief?.line,
      paper.brief?.textLine,
      paper.details?.line,
      paper.details?.abstractLine,
      paper.details?.institutionsLine,
    ])
      if (line !== undefined && line !== null) byLine.set(line, paper);
  const problems = new Map<DigestPaper, DigestProblem[]>();
  for (const problem of digest.problems) {
    const paper = byLine.get(problem.line);
    if (paper && problem.paperIndex === paper.index) problems.set(paper, [...(problems.get(paper) ?? []), problem]);
  }
  return problems;
});

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

export function findPaper(digest: Digest, ref: DigestPaperRef): DigestPaper | undefined {
  return byKeyOf(digest).get(paperKey(ref));
}

/** The reference of a paper of a digest. */
export function paperRef(digest: Digest, paper: DigestPaper): DigestPaperRef {
  return { index: paper.index, occurrence: repeatsOf(digest).get(paper) ?? 0 };
}

/** The problems found on a paper's own lines (its headings, brief and fields). */
export function problemsOf(digest: Digest, paper: DigestPaper): readonly DigestProblem[] {
  return problemsByPaperOf(digest).get(paper) ?? [];
}

/** The paper whose brief or details block holds `line`. */
export function paperAtLine(digest: Digest, line: number): DigestPaper | undefined {
  return digest.papers.find(
    (p) =>
      (p.brief && line >= p.brief.line && line <= p.brief.endLine) ||
      (p.details && line >= p.details.line && line <= p.details.endLine),
  );
}
