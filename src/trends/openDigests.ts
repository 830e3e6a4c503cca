import * as vscode from 'vscode';
import type { Digest } from '../digest';
import type { DigestStore } from '../store/digestStore';

/**
 * The digests open in the editor, the active one first: what the trends and the follow
 * commands read until the library (every digest of the workspace) lands.
 */
export function openDigests(store: DigestStore): { uri: string; digest: Digest }[] {
  const active = vscode.window.activeTextEditor?.document;
  const documents = vscode.workspace.textDocuments.filter((d) => d !== active);
  if (active) documents.unshift(active);
  return documents.flatMap((document) => {
    const digest = store.isDigest(document) ? store.digestFor(document) : undefined;
    return digest ? [{ uri: document.uri.toString(), digest }] : [];
  });
}
