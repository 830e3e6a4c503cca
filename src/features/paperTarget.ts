import * as vscode from 'vscode';
import { withOccurrences, type Digest, type DigestPaper } from '../digest';
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

export function findPaper(digest: Digest, target: Pick<PaperTarget, 'index' | 'occurrence'>): DigestPaper | undefined {
  return withOccurrences(digest).find((p) => p.paper.index === target.index && p.occurrence === target.occurrence)?.paper;
}

/** The target of a paper of a digest. */
export function targetOf(uri: vscode.Uri, digest: Digest, paper: DigestPaper): PaperTarget {
  const occurrence = withOccurrences(digest).find((p) => p.paper === paper)?.occurrence ?? 0;
  return { uri: uri.toString(), index: paper.index, occurrence };
}

/** The paper whose brief or details block holds `line`. */
export function paperAtLine(digest: Digest, line: number): DigestPaper | undefined {
  return digest.papers.find((p) => (p.brief && line >= p.brief.line && line <= p.brief.endLine) || (p.details && line >= p.details.line && line <= p.details.endLine));
}

/** Opens the target's report and finds its paper in the cached parse. */
export async function resolveTarget(store: DigestStore, target: PaperTarget): Promise<{ document: vscode.TextDocument; paper: DigestPaper } | undefined> {
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
