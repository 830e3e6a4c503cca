// npm start: sets up (npm ci on a fresh clone), builds and packages Digest Lens, installs
// the VSIX into a real VS Code (code-server on 127.0.0.1 only) and prints the URL that
// opens the bundled sample digest. Ctrl+C stops it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = (...args) => {
  const result = spawnSync('npm', args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!fs.existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'))) npm('ci', '--no-audit', '--no-fund');
npm('run', 'package');

const { installVsix, startCodeServer } = await import('./code-server.mjs');
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-start-exts-'));
installVsix(path.join(repoRoot, `digest-lens-${version}.vsix`), extensionsDir);

// A scratch copy, so that edits in the demo never touch the repository's samples.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-demo-'));
const samples = path.join(repoRoot, 'media', 'samples');
for (const f of fs.readdirSync(samples)) fs.copyFileSync(path.join(samples, f), path.join(workspace, f));

const server = await startCodeServer({ extensionsDir });
const sample = path.join(workspace, 'sample-digest.zh.md');
const payload = [
  ['openFile', `vscode-remote://127.0.0.1:${server.port}${sample}`],
  ['skipWelcome', 'true'],
];
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
console.log(
  `\nDigest Lens ${version} is running in VS Code (code-server) on 127.0.0.1 only. Open:\n\n  ${url}\n\nThe Digest Lens icon in the activity bar shows the papers. Press Ctrl+C to stop.\n`,
);

const stop = async () => {
  await server.stop();
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  fs.rmSync(workspace, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
