import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DigestLensApi } from '../../src/extension';
import { corpusDir, reportNamed } from '../corpus';

export const EXTENSION_ID = 'digest-lens.digest-lens';

/** The folder the launcher opened, holding copies of the samples and an ordinary notes.md. */
export const workspaceDir = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
export const workspaceFile = (name: string): vscode.Uri => vscode.Uri.file(path.join(workspaceDir(), name));

export async function api(): Promise<DigestLensApi> {
  const extension = vscode.extensions.getExtension<DigestLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  return extension.activate();
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 10000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A corpus report as a document, by the start of its file name. */
export async function openReport(prefix: string): Promise<vscode.TextEditor> {
  return open(vscode.Uri.file(path.join(corpusDir, reportNamed(prefix))));
}

/** Sets a Digest Lens setting for the workspace, and restores it when the returned function is called. */
export async function withSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const set = async (next: unknown) => {
    // The extension's own listener was registered first, so it has run once ours fires.
    const applied = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`digestLens.${key}`)) return;
        listener.dispose();
        resolve();
      });
    });
    await vscode.workspace.getConfiguration('digestLens').update(key, next, vscode.ConfigurationTarget.Global);
    await applied;
  };
  await set(value);
  return () => set(undefined);
}

/** Undoes Markdown escaping, to compare hover text with report text. */
export const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, '$1');
