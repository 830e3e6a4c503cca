import * as vscode from 'vscode';
import { withOccurrences, type Digest, type DigestPaper, type DigestProblem } from '../digest';
import type { DigestStore } from './digestStore';

/**
 * Names one paper of one report, as plain data: what tree nodes carry and what commands
 * from hovers and CodeLens receive as arguments.
 */
export interface PaperTarget {
  readonly uri: string;
  readonly index: number;
  /** Which of the papers numbered `index` (0 unless numbers repeat). */
  readonly occurrence: number;
}

interface DigestIndex {
  readonly byKey: Map<string, DigestPaper>;
  readonly occurrenceOf: Map<DigestPaper, number>;
  readonly problemsOf: Map<DigestPaper, DigestProblem[]>;
}

/** Lookups by paper, built once per parse (digests are immutable), so views stay linear. */
const indexes = new WeakMap<Digest, DigestIndex>();
/** A paper's key within its report: its number and which of the papers with that number it is. */
export const paperKey = (target: Pick<PaperTarget, 'index' | 'occurrence'>): string =>
  `${target.index}#${target.occurrence}`;

function indexOf(digest: Digest): DigestIndex {
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

export function findPaper(digest: Digest, target: Pick<PaperTarget, 'index' | 'occurrence'>): DigestPaper | undefined {
  return indexOf(digest).byKey.get(paperKey(target));
}

/** The target of a paper of a digest. */
export function targetOf(uri: vscode.Uri, digest: Digest, paper: DigestPaper): PaperTarget {
  return { uri: uri.toString(), index: paper.index, occurrence: indexOf(digest).occurrenceOf.get(paper) ?? 0 };
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

/** Opens the target's report and finds its paper in the cached parse. */
export async function resolveTarget(
  store: DigestStore,
  target: PaperTarget,
): Promise<{ document: vscode.TextDocument; paper: DigestPaper } | undefined> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const digest = store.digestFor(document);
  const paper = digest && findPaper(digest, target);
  return paper && { document, paper };
}

/** The text a paper is shown by: its title, else its brief's name for it, else "Untitled paper N". */
export function paperTitle(paper: DigestPaper): { text: string; fallback: boolean } {
  if (paper.title) return { text: paper.title, fallback: false };
  if (paper.briefName) return { text: paper.briefName, fallback: true };
  return { text: vscode.l10n.t('Untitled paper {0}', paper.index), fallback: true };
}
