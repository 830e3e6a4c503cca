import { SECTION_TITLES } from './labels';

/** How far into a document the detector looks; a digest's first section comes early. */
const DETECT_WINDOW = 64 * 1024;
const SECTION_HEADING = new RegExp(`^##[ \\t]+(?:${SECTION_TITLES.map(escape).join('|')})[ \\t]*$`, 'im');
const PAPER_HEADING = /^###[ \t]+\d+\s*[.、．]/m;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Decides cheaply, by its layout and not its name, whether a document is a digest. */
export function looksLikeDigest(text: string): boolean {
  const head = text.length > DETECT_WINDOW ? text.slice(0, DETECT_WINDOW) : text;
  return SECTION_HEADING.test(head) && PAPER_HEADING.test(head);
}
