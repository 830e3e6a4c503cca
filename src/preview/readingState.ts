import type { DigestPaper } from '../digest';

export interface ReadingState {
  readonly read: boolean;
  readonly starred: boolean;
}

/** What the preview asks of the library: a paper's reading state, or undefined when the library does not know it. */
export interface ReadingStateSource {
  readingStateOf(paper: DigestPaper): ReadingState | undefined;
}
