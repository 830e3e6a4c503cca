import type * as vscode from 'vscode';
import type { DigestPaper } from '../digest';
import { identityKeysOf } from '../library';
import type { ReadingStateSource } from '../preview/readingState';
import type { LibraryService } from './libraryService';
import type { ReadingStateStore } from './readingStateStore';

/**
 * Reading state for the Markdown preview. The preview gives text, not a file, so a paper is
 * found by its identity alone (title, then abstract), which is how the library keys state.
 */
export function previewReadingState(
  library: LibraryService,
  states: ReadingStateStore,
): ReadingStateSource & { readonly onDidChange: vscode.Event<void> } {
  return {
    readingStateOf(paper: DigestPaper) {
      const { titleKey, abstractKey } = identityKeysOf(paper);
      const keys = [titleKey, abstractKey].filter((key): key is string => key !== undefined);
      if (!keys.length) return undefined;
      const entry = keys.map((key) => library.library.entry(key)).find((e) => e !== undefined) ?? {
        key: keys[0],
        keys,
      };
      const state = states.of(entry);
      return { read: state.read === true, starred: state.starred === true };
    },
    onDidChange: states.onDidChange,
  };
}
