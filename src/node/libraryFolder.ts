import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ParseOptions } from '../digest';
import { Library, loadIndex, serialiseIndex, type IndexLoadResult } from '../library';
import { writeFileAtomic } from './atomicWrite';
import { findMarkdownFiles, readDigest, type SkippedFile } from './digestFiles';

export interface IndexedFolder {
  readonly library: Library;
  /** Files and folders left out, and files read with a caveat. */
  readonly notes: SkippedFile[];
  /** How many digests were read and parsed (the rest came from the persisted index). */
  readonly parsed: number;
  /** What became of the persisted index: 'loaded', or why it was rebuilt; 'none' without one. */
  readonly index: 'loaded' | 'none' | Exclude<IndexLoadResult, { status: 'loaded' }>['reason'];
}

/** Where the CLI keeps a folder's persisted index: the user's cache folder, not the folder itself. */
export function defaultIndexFile(folder: string): string {
  const id = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 16);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'digest-lens', 'library', `${id}.json`);
}

export interface IndexFolderOptions {
  readonly maxSizeMB: number;
  /** A custom taxonomy's classifier; the persisted index is rebuilt when it changes. */
  readonly parseOptions?: ParseOptions;
  /** The persisted index to reuse and update; none: parse every digest. */
  readonly indexFile?: string;
}

/**
 * The digests under `folder` as a library. With `indexFile`, unchanged files come from the
 * persisted index and the updated index is written back (atomically); without, every digest
 * is parsed and the library has the text that full-text search needs.
 */
export function indexFolder(folder: string, { maxSizeMB, parseOptions, indexFile }: IndexFolderOptions): IndexedFolder {
  const notes: SkippedFile[] = [];
  const taxonomy = parseOptions?.classifier?.taxonomy;
  const libraryOptions = { taxonomy, settings: taxonomy ? JSON.stringify(taxonomy) : '' };
  const loaded = indexFile ? loadIndex(readIfExists(indexFile), libraryOptions) : undefined;
  const library = loaded?.library ?? new Library(libraryOptions);
  const versionAtLoad = library.version;
  const found = findMarkdownFiles(folder, notes);
  let parsed = 0;
  const present = new Set<string>();
  for (const file of found) {
    if (library.isCurrent(file)) {
      present.add(file.path);
      continue;
    }
    const digest = readDigest(file, maxSizeMB, notes, parseOptions);
    if (!digest) continue;
    library.addDigest(file, digest);
    present.add(file.path);
    parsed++;
  }
  for (const digest of library.digests()) if (!present.has(digest.path)) library.removeDigest(digest.path);
  if (indexFile && (loaded?.status !== 'loaded' || library.version !== versionAtLoad)) {
    writeFileAtomic(indexFile, serialiseIndex(library, libraryOptions));
  }
  return { library, notes, parsed, index: !loaded ? 'none' : loaded.status === 'loaded' ? 'loaded' : loaded.reason };
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
