/**
 * The library core: every digest of a workspace as one library of papers, with identity across
 * days, ranked search and a persisted index. Pure like src/digest (no `vscode`, no Node `fs`):
 * the caller reads files and says what changed.
 *
 * Typical use (settings: the custom taxonomy, if any, as a string; taxonomy: its groups):
 *   const { library } = loadIndex(cachedText, { settings, taxonomy }); // never throws; 'rebuild' when unusable
 *   for (const file of files) if (!library.isCurrent(file)) library.addDigest(file, parseDigest(text));
 *   for (const path of removedPaths) library.removeDigest(path);
 *   write(serialiseIndex(library, { settings }));        // atomically: temp file, then rename
 *   library.search('kv cache 量化');                       // best first
 *
 * The persisted index leaves out briefs and abstracts (it stays a fifth of the digests' size),
 * so a library loaded from it finds papers by title, institution and technique at once, and
 * by brief and abstract once the digests of digestsWithoutText() are parsed and added again.
 * prepareSearch(outOfTime) indexes for search in slices, for a host that must not block.
 */
export {
  Library,
  compareDigests,
  toLibraryDigest,
  toLibraryDigestInSlices,
  type DigestFileStamp,
  type LibraryCounts,
  type LibraryDigest,
  type LibraryEntry,
  type LibraryOptions,
  type LibraryPaper,
  type PaperAppearance,
} from './library';
export {
  abstractKey,
  identityKeysOf,
  normaliseText,
  paperKeys,
  titleKey,
  type IdentityKeys,
  type PaperKeys,
} from './identity';
export { digestDate } from './digestDate';
export { type SearchHit, type SearchOptions } from './search';
export { tokenize } from './tokenize';
export {
  INDEX_FORMAT_VERSION,
  loadIndex,
  loadIndexInSlices,
  serialiseIndex,
  serialiseIndexInSlices,
  type IndexLoadResult,
  type IndexOptions,
  type IndexRebuildReason,
} from './persist';
export {
  exportStates,
  mergeStates,
  parseExportedStates,
  stateOf,
  withState,
  type PaperState,
  type ReadingStates,
} from './readingState';
export { arrangeEntries, type ArrangeEntriesOptions, type EntryGroup, type LibraryGroupBy } from './arrange';
