import * as vscode from 'vscode';
import type { Digest } from '../digest';
import type { DigestStore } from '../store/digestStore';

/**
 * The digests open in editor tabs, the active one first: what the follow commands read, and
 * the trends in a workspace whose library holds no digest. Tabs, not loaded
 * documents: after a reload VS Code loads a background tab's document only when it is
 * shown, and a document stays loaded for a while after its tab closes.
 */
export async function openDigests(store: DigestStore): Promise<{ uri: string; digest: Digest }[]> {
  const uris = new Map<string, vscode.Uri>();
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) uris.set(active.toString(), active);
  for (const group of vscode.window.tabGroups.all)
    for (const tab of group.tabs)
      if (tab.input instanceof vscode.TabInputText) uris.set(tab.input.uri.toString(), tab.input.uri);
  const documents = await Promise.all(
    [...uris.values()].map((uri) => vscode.workspace.openTextDocument(uri).then(undefined, () => undefined)),
  );
  return documents.flatMap((document) => {
    const digest = document && store.isDigest(document) ? store.digestFor(document) : undefined;
    return digest && document ? [{ uri: document.uri.toString(), digest }] : [];
  });
}
