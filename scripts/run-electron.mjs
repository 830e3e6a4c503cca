// Runs the integration suite through @vscode/test-electron, on machines that can download
// VS Code. Here (offline) use npm run test:integration, which runs the same suite in code-server.
import * as fs from 'fs';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './code-server.mjs';
import { createTestWorkspace } from './test-workspace.mjs';

const workspace = createTestWorkspace();
try {
  await runTests({
    version: '1.90.0',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
