import * as fs from 'fs';
import * as path from 'path';
import { looksLikeDigest, parseDigest, type Digest, type ParseOptions } from '../digest';
import type { DigestFileStamp } from '../library';

/** Folders a walk never enters. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** A Markdown file found by a walk: its stamp names it by its path relative to the folder. */
export interface FoundFile extends DigestFileStamp {
  readonly absolutePath: string;
}

/** Why a file or folder was left out, for one line on stderr. */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

/**
 * The Markdown files under `folder`, sorted, with their size and mtime. Survives what real
 * folders hold: symbolic-link loops (each real folder is entered once), unreadable folders
 * and files, and files deleted during the walk; each is noted in `skipped`.
 */
export function findMarkdownFiles(folder: string, skipped: SkippedFile[]): FoundFile[] {
  const found: FoundFile[] = [];
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    let names: string[];
    try {
      real = fs.realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      names = fs.readdirSync(dir).sort();
    } catch (error) {
      skipped.push({ path: dir, reason: `cannot read the folder (${errorCode(error)})` });
      return;
    }
    for (const name of names) {
      const absolutePath = path.join(dir, name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(absolutePath);
      } catch (error) {
        // A dangling link or a file deleted since readdir.
        skipped.push({ path: absolutePath, reason: `cannot read (${errorCode(error)})` });
        continue;
      }
      if (stat.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) walk(absolutePath);
      } else if (stat.isFile() && /\.md$/i.test(name)) {
        const relative = path.relative(folder, absolutePath).split(path.sep).join('/');
        found.push({ path: relative, absolutePath, size: stat.size, mtime: stat.mtimeMs });
      }
    }
  };
  walk(folder);
  return found;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * A found file parsed, if it is a digest within the size limit; undefined otherwise, with a
 * note in `notes` when the user should know why (Markdown that is not a digest gets none).
 * Bytes that are not UTF-8 are read as U+FFFD, with a note.
 */
export function readDigest(
  file: FoundFile,
  maxSizeMB: number,
  notes: SkippedFile[],
  parseOptions: ParseOptions = {},
): Digest | undefined {
  const note = (reason: string) => notes.push({ path: file.absolutePath, reason });
  if (file.size > maxSizeMB * 1024 * 1024) {
    note(`${(file.size / 1024 / 1024).toFixed(1)} MB is over the ${maxSizeMB} MB limit; raise it with --max-size-mb`);
    return undefined;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.absolutePath);
  } catch (error) {
    note(`cannot read (${errorCode(error)})`);
    return undefined;
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    note('a binary file, not a Markdown digest');
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = utf8Lenient.decode(bytes);
    note('not valid UTF-8; the bad bytes read as U+FFFD');
  }
  if (!looksLikeDigest(text)) return undefined;
  const digest = parseDigest(text, parseOptions);
  // The detector reads raw text; the parser skips code blocks, where a README may show the format.
  return digest.briefsLine === null && digest.detailsLine === null ? undefined : digest;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
