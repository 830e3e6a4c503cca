import { PAPER_HEADING_LINE, SECTION_HEADING_LINE } from './headings';
import { normaliseText } from './source';

/** How far into a document the detector looks; a digest's first section comes early. */
const DETECT_WINDOW = 64 * 1024;

/** Decides cheaply, by its layout and not its name, whether a document is a digest. */
export function looksLikeDigest(text: string): boolean {
  const head = normaliseText(text.length > DETECT_WINDOW ? text.slice(0, DETECT_WINDOW) : text);
  return SECTION_HEADING_LINE.test(head) && PAPER_HEADING_LINE.test(head);
}
