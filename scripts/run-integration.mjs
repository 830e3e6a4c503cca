// Runs the integration suite (test/integration, built to out/test/integration) inside a
// real VS Code: code-server's Node extension host (and, for DIGEST_LENS_SUITE=web, its
// web-worker host), driven by headless chromium.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { format } from 'util';
import { installVsix, launchBrowser, repoRoot, startCodeServer, workbenchUrl } from './code-server.mjs';
import { createTestWorkspace } from './test-workspace.mjs';
import { createWebExtensionPackages } from './web-extension.mjs';

/** Workbench chatter that says nothing about the tests (see real-vscode-testing.md). */
const NOISE =
  /vsda|open-vsx|AgentHost|AccountPolicyGate|connection token|Creating a socket|grace time|Service Worker|builtin extensions cache/;
const TIMEOUT_MS = Number(process.env.DIGEST_LENS_TEST_TIMEOUT_MS) || 20 * 60 * 1000;

const workspace = createTestWorkspace();
// DIGEST_LENS_SUITE=web: Digest Lens installed as a web-only extension, which runs in the
// web-worker host, and the tests carried by a Node extension.
let extensionsDir;
let developmentPath = repoRoot;
if (process.env.DIGEST_LENS_SUITE === 'web') {
  const { vsix, carrier } = createWebExtensionPackages();
  extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-web-exts-'));
  installVsix(vsix, extensionsDir);
  developmentPath = carrier;
}

const server = await startCodeServer({
  extensionsDir,
  log: (line) => process.env.DIGEST_LENS_VERBOSE && process.stderr.write(line),
});
const browser = await launchBrowser();
let exitCode = 1;
try {
  const page = await browser.newPage();
  const done = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!NOISE.test(text)) console.log(text);
    });
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  await page.goto(
    workbenchUrl(server, {
      folder: workspace,
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    }),
  );
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS));
  const result = await Promise.race([done, timeout]);
  if (result === 'timeout') console.error(`The integration suite did not finish in ${TIMEOUT_MS / 1000} s.`);
  else exitCode = Number(result);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  if (extensionsDir) fs.rmSync(extensionsDir, { recursive: true, force: true });
}
process.exit(exitCode);
