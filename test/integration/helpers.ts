import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DigestLensApi } from '../../src/extension';

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

export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
