import type { Digest, DigestProblem, HeadlineNumber } from '../digest';

/** Every word the preview plugin adds, in the display language: given by the extension, so the plugin needs no vscode. */
export interface PreviewText {
  techniqueLabel(id: string): string;
  /** What a number was read as: "speedup: 2.15×". */
  numberReading(number: HeadlineNumber): string;
  problemMessage(problem: DigestProblem, digest: Digest): string;
  readonly toAbstract: string;
  readonly toBrief: string;
  readonly read: string;
  readonly starred: string;
}
