// VS Code for the Web (vscode.dev, github.dev): the same composition as extension.ts, which
// uses no Node built-ins. esbuild's browser build fails if one is imported; a feature that
// needs Node would be composed in extension.ts alone, and left out here.
export { activate, deactivate, type DigestLensApi } from './extension';
