// Runs a real VS Code (code-server, with its Node extension host) on 127.0.0.1, and
// drives its workbench with headless Debian chromium through playwright-core.
// See ../shared/design/real-vscode-testing.md for why each flag is here.
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs (once, into a cache outside the repository) Node 24 and code-server. */
export function installCodeServer() {
  const output = execFileSync('bash', [path.join(repoRoot, 'scripts', 'install-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const value = (key) => new RegExp(`^${key}=(.*)$`, 'm').exec(output)[1];
  return { node: value('NODE24'), entry: value('CODE_SERVER') };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url, child, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('code-server did not become healthy in time');
}

/**
 * Starts code-server with its own user data and settings. Returns its URL, a stop()
 * and the folders it uses. `extensionsDir` may hold installed extensions.
 */
export async function startCodeServer({ settings = {}, extensionsDir, log = () => {} } = {}) {
  const { node, entry } = installCodeServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-vscode-'));
  const userDir = path.join(dataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDir, 'settings.json'),
    JSON.stringify(
      {
        'chat.disableAIFeatures': true,
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(dataDir, 'config.yaml'), 'auth: none\ncert: false\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const exts = extensionsDir ?? path.join(dataDir, 'exts');
  const child = spawn(
    node,
    [
      entry,
      '--config',
      path.join(dataDir, 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      dataDir,
      '--extensions-dir',
      exts,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  await waitForHealth(url, child);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        child.once('exit', r);
        setTimeout(r, 5000);
      });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, port, node, entry, dataDir, extensionsDir: exts, stop };
}

/** Installs a VSIX into an extensions folder with code-server's own CLI. */
export function installVsix(vsix, extensionsDir) {
  const { node, entry } = installCodeServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-install-'));
  fs.writeFileSync(path.join(dataDir, 'config.yaml'), 'auth: none\ncert: false\n');
  execFileSync(
    node,
    [
      entry,
      '--config',
      path.join(dataDir, 'config.yaml'),
      '--user-data-dir',
      dataDir,
      '--install-extension',
      vsix,
      '--extensions-dir',
      extensionsDir,
      '--force',
    ],
    { stdio: 'inherit' },
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`No chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The workbench URL that loads a development extension and, optionally, a test suite. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
