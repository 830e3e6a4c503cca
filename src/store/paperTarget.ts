import * as vscode from 'vscode';
import { findPaper, paperRef, type Digest, type DigestPaper, type DigestPaperRef } from '../digest';
import type { DigestStore } from './digestStore';

/**
 * Names one paper of one report, as plain data: what tree nodes carry and what commands
 * from hovers and CodeLens receive as arguments.
 */
export interface PaperTarget extends DigestPaperRef {
  readonly uri: string;
}

/** The target of a paper of a digest. */
export function targetOf(uri: vscode.Uri, digest: Digest, paper: DigestPaper): PaperTarget {
  return { uri: uri.toString(), ...paperRef(digest, paper) };
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
