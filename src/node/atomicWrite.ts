import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes a file so that readers see the old content or the new, never half of either: the
 * text goes to a temp file beside it, then a rename replaces the file in one step. Two
 * writers at once each rename a whole file; the last one wins.
 */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
