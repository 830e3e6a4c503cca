import * as vscode from 'vscode';
import type { DigestLookup } from '../store/digestStore';

/** Why a digest is not read, for the status bar and the Papers view. */
export function tooLargeMessage(lookup: Extract<DigestLookup, { status: 'tooLarge' }>): string {
  return vscode.l10n.t(
    '{0} MB is over the {1} MB limit (digestLens.maxFileSizeMB).',
    lookup.sizeMB.toFixed(1),
    lookup.limitMB,
  );
}

/** The command behind "Raise the Size Limit": the setting, opened in the Settings editor. */
export function registerRaiseSizeLimit(): vscode.Disposable {
  return vscode.commands.registerCommand('digestLens.raiseSizeLimit', () =>
    vscode.commands.executeCommand('workbench.action.openSettings', 'digestLens.maxFileSizeMB'),
  );
}
