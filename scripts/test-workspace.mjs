// The folder the integration suite opens: copies of the sample digests and an ordinary
// Markdown file, and under library/ the corpus and the library's re-run fixtures, in a
// scratch folder so that tests may edit and create files freely.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(repoRoot, 'media', 'samples');
const rerunFixtures = path.join(repoRoot, 'test', 'fixtures', 'library');
const corpus = process.env.DIGEST_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');

/** Copies the Markdown files of `from` (if it exists) into `to`: the library's digests. */
function copyDigests(from, to) {
  if (!fs.existsSync(from)) return;
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from).filter((name) => name.endsWith('.md') && name !== 'README.md'))
    fs.copyFileSync(path.join(from, f), path.join(to, f));
}

export function createTestWorkspace(workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-workspace-'))) {
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  for (const f of fs.readdirSync(samples)) fs.copyFileSync(path.join(samples, f), path.join(workspace, f));
  fs.writeFileSync(
    path.join(workspace, 'notes.md'),
    '# Meeting notes\n\n## Agenda\n\n### 1. Budget\n\nNothing here is a digest.\n',
  );
  copyDigests(corpus, path.join(workspace, 'library', 'corpus'));
  copyDigests(rerunFixtures, path.join(workspace, 'library', 'rerun'));
  return workspace;
}

// `node scripts/test-workspace.mjs <folder>` fills a fixed folder: the F5 "Extension Tests" launch opens it.
if (process.argv[1] === fileURLToPath(import.meta.url)) createTestWorkspace(path.resolve(process.argv[2]));
