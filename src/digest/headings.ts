import { SECTION_TITLES } from './labels';

/** What may follow a paper's number in its heading: `1.`, `1、`, `1．`, `1:`, `1：`. */
const NUMBER_END = '[.、．:：]';

/** Spaces within one line. */
const SPACE = '[^\\S\\n]*';

/** A paper heading's text (after `### `): its number and its title. */
export const PAPER_HEADING_TEXT = new RegExp(`^(\\d{1,6})${SPACE}${NUMBER_END}${SPACE}([\\s\\S]*)$`);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The same headings as whole lines, for a detector that reads the raw text. An ATX heading
 * may be indented up to three spaces and closed by a run of `#`.
 */
export const PAPER_HEADING_LINE = new RegExp(`^ {0,3}###[ \\t]+\\d{1,6}${SPACE}${NUMBER_END}`, 'm');
export const SECTION_HEADING_LINE = new RegExp(
  `^ {0,3}##[ \\t]+(?:${SECTION_TITLES.map(escape).join('|')})(?:[ \\t]+#*)?[ \\t]*$`,
  'im',
);
