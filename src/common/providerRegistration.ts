import type * as vscode from 'vscode';

/**
 * A provider with what registers it: disposing the result disposes them all, so a feature
 * hands one Disposable to the composition root and still exposes its provider.
 */
export function providerRegistration<P>(
  provider: P,
  ...disposables: vscode.Disposable[]
): vscode.Disposable & { readonly provider: P } {
  return { provider, dispose: () => disposables.forEach((d) => d.dispose()) };
}
