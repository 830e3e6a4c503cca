// The folder the integration suite opens: copies of the sample digests and an ordinary
// Markdown file, in a scratch folder so that tests may edit and create files freely.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'media', 'samples');

export function createTestWorkspace() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-lens-workspace-'));
  for (const f of fs.readdirSync(samples)) fs.copyFileSync(path.join(samples, f), path.join(workspace, f));
  fs.writeFileSync(
    path.join(workspace, 'notes.md'),
    '# Meeting notes\n\n## Agenda\n\n### 1. Budget\n\nNothing here is a digest.\n',
  );
  return workspace;
}
