// What tests Digest Lens as a web extension (see ../shared/design/real-vscode-testing.md):
// Digest Lens as a web-only VSIX, with `browser` and no `main`, so that only the web-worker
// host can run it; and a small Node extension that carries the test suite, which runs in
// the Node host. The VSIX is installed rather than loaded for development: the workbench
// passes only one development path on to code-server.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './code-server.mjs';

const output = path.join(repoRoot, '.test-output');

/** What the VSIX ships, minus the Node entry. */
const SHIPPED = ['media', 'l10n', 'syntaxes', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md'];

/** Returns the web-only VSIX and the carrier's folder. */
export function createWebExtensionPackages() {
  const web = path.join(output, 'web-extension');
  fs.rmSync(web, { recursive: true, force: true });
  fs.mkdirSync(path.join(web, 'dist'), { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  // No Node entry; and no scripts: vsce would run the repository's build from the copy.
  delete manifest.main;
  delete manifest.scripts;
  fs.writeFileSync(path.join(web, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.copyFileSync(path.join(repoRoot, manifest.browser), path.join(web, manifest.browser));
  for (const entry of SHIPPED) fs.cpSync(path.join(repoRoot, entry), path.join(web, entry), { recursive: true });
  const vsix = path.join(output, 'digest-lens-web.vsix');
  execFileSync(
    path.join(repoRoot, 'node_modules', '.bin', 'vsce'),
    [
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '--skip-license',
      '--out',
      vsix,
    ],
    { cwd: web, stdio: ['ignore', 'ignore', 'inherit'] },
  );

  const carrier = path.join(output, 'web-test-carrier');
  fs.rmSync(carrier, { recursive: true, force: true });
  fs.mkdirSync(carrier, { recursive: true });
  fs.writeFileSync(
    path.join(carrier, 'package.json'),
    JSON.stringify({
      name: 'digest-lens-web-tests',
      publisher: 'digest-lens',
      version: '0.0.0',
      engines: { vscode: manifest.engines.vscode },
      main: './extension.js',
    }),
  );
  fs.writeFileSync(path.join(carrier, 'extension.js'), 'exports.activate = () => {};\n');
  return { vsix, carrier };
}
