// The folder the integration suite opens: copies of the sample digests and an ordinary
// Markdown file, in a scratch folder so that tests may edit and create files freely.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'samples');

export function createTestWorkspace(workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-workspace-'))) {
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  for (const f of fs.readdirSync(samples)) fs.copyFileSync(path.join(samples, f), path.join(workspace, f));
  fs.writeFileSync(
    path.join(workspace, 'notes.md'),
    '# Meeting notes\n\n## Agenda\n\n### 1. Budget\n\nNothing here is a digest.\n',
  );
  return workspace;
}

// `node scripts/test-workspace.mjs <folder>` fills a fixed folder: the F5 "Extension Tests" launch opens it.
if (process.argv[1] === fileURLToPath(import.meta.url)) createTestWorkspace(path.resolve(process.argv[2]));
