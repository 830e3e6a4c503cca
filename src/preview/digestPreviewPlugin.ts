import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import {
  formatNumber,
  OTHER_TECHNIQUE_ID,
  strongestNumber,
  withOccurrences,
  type Digest,
  type DigestPaper,
  type HeadlineNumber,
} from '../digest';
import type { PreviewText } from './previewText';
import type { ReadingStateSource } from './readingState';

export interface DigestPreviewOptions {
  /** The digest the text is, or undefined when it is not one. Called once per render. */
  readonly digestOf: (text: string, env: unknown) => Digest | undefined;
  /** Every word the plugin adds, in the display language. */
  readonly text: PreviewText;
  /** Read and starred marks, when a library knows the papers. */
  readonly readingState?: ReadingStateSource;
}

/** The anchor of a paper's brief: `dl-brief-7`, and `dl-brief-7-2` for a second paper numbered 7. */
export const briefAnchor = (index: number, occurrence: number): string =>
  `dl-brief-${index}${occurrence ? `-${occurrence + 1}` : ''}`;
export const detailsAnchor = (index: number, occurrence: number): string =>
  `dl-details-${index}${occurrence ? `-${occurrence + 1}` : ''}`;

/** Report text the plugin adds (an institution, a number): escaped like a text token. */
const TEXT = 'digest_lens_text';

/**
 * A markdown-it plugin for digests: a technique chip and a link to the abstract beside each
 * brief heading, a link back beside each details heading, headline numbers marked with
 * what they were read as, and the report's problems as notes under the headings they
 * concern. It only adds tokens: report text stays text, and attributes are escaped by
 * markdown-it.
 */
export function digestPreviewPlugin(md: MarkdownIt, options: DigestPreviewOptions): void {
  // Our own text type, not 'text': VS Code's preview builds a heading's anchor from the
  // heading's text tokens, and the chip must not change it.
  md.renderer.rules[TEXT] = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content);
  // After 'inline', so that brief paragraphs have their text tokens to mark numbers in.
  md.core.ruler.push('digest_lens', (state) => {
    const digest = options.digestOf(state.src, state.env);
    if (!digest) return;
    try {
      decorate(state, digest, options);
    } catch (error) {
      // A fault of ours must not cost the reader the page: it shows as far as it was decorated.
      console.error('Digest Lens could not decorate the preview:', error);
    }
  });
}

function decorate(state: StateCore, digest: Digest, options: DigestPreviewOptions): void {
  const briefs = new Map<number, { paper: DigestPaper; occurrence: number }>();
  const details = new Map<number, { paper: DigestPaper; occurrence: number }>();
  const briefTexts = new Map<number, DigestPaper>();
  for (const entry of withOccurrences(digest)) {
    if (entry.paper.brief) {
      briefs.set(entry.paper.brief.line, entry);
      if (entry.paper.headlineNumbers.length) briefTexts.set(entry.paper.brief.textLine, entry.paper);
    }
    if (entry.paper.details) details.set(entry.paper.details.line, entry);
  }
  const notes = notesByHeading(state.tokens, digest, options.text);
  const out: Token[] = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    out.push(token);
    if (token.type === 'heading_close' && notes.has(i)) out.push(...noteTokens(state, notes.get(i)!));
    if (!token.map) continue;
    const line = token.map[0];
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      const brief = briefs.get(line);
      const detail = details.get(line);
      if (brief && inline?.children) inline.children.push(...briefChip(state, brief.paper, brief.occurrence, options));
      else if (detail && inline?.children)
        inline.children.push(...detailsMark(state, detail.paper, detail.occurrence, options.text));
    } else if (token.type === 'inline' && token.children) {
      for (let l = token.map[0]; l < token.map[1]; l++) {
        const paper = briefTexts.get(l);
        if (paper) markNumbers(state, token, paper, options.text);
      }
    }
  }
  state.tokens = out;
}

/** A token of our own: `type` names it for other plugins, `attrs` are escaped on render. */
function element(state: StateCore, type: string, tag: string, nesting: 1 | 0 | -1, attrs: [string, string][] = []) {
  const token = new state.Token(type, tag, nesting);
  for (const [name, value] of attrs) token.attrSet(name, value);
  return token;
}

function text(state: StateCore, content: string): Token {
  const token = new state.Token(TEXT, '', 0);
  token.content = content;
  return token;
}

/** `<span class=…>text</span>`, the text escaped. */
function span(state: StateCore, attrs: [string, string][], content: string): Token[] {
  return [
    element(state, 'digest_lens_open', 'span', 1, attrs),
    text(state, content),
    element(state, 'digest_lens_close', 'span', -1),
  ];
}

function briefChip(state: StateCore, paper: DigestPaper, occurrence: number, options: DigestPreviewOptions): Token[] {
  const { text: words, readingState } = options;
  const technique = paper.techniques[0]?.id ?? OTHER_TECHNIQUE_ID;
  const strongest = strongestNumber(paper.headlineNumbers);
  const parts = [
    span(state, [['class', 'dl-technique']], words.techniqueLabel(technique)),
    paper.institutionShort ? span(state, [['class', 'dl-institution']], paper.institutionShort) : [],
    strongest
      ? span(
          state,
          [
            ['class', 'dl-result'],
            ['title', words.numberReading(strongest)],
          ],
          formatNumber(strongest),
        )
      : [],
  ].flat();
  const reading = readingState?.readingStateOf(paper);
  const marks = [
    reading?.read
      ? span(
          state,
          [
            ['class', 'dl-mark dl-read'],
            ['title', words.read],
          ],
          '✓',
        )
      : [],
    reading?.starred
      ? span(
          state,
          [
            ['class', 'dl-mark dl-starred'],
            ['title', words.starred],
          ],
          '★',
        )
      : [],
  ].flat();
  const link = paper.details
    ? [
        element(state, 'digest_lens_open', 'a', 1, [
          ['class', 'dl-jump'],
          ['href', `#${detailsAnchor(paper.index, occurrence)}`],
        ]),
        text(state, `↓ ${words.toAbstract}`),
        element(state, 'digest_lens_close', 'a', -1),
      ]
    : [];
  return [
    element(state, 'digest_lens_open', 'span', 1, [
      ['class', 'dl-paper'],
      ['id', briefAnchor(paper.index, occurrence)],
    ]),
    element(state, 'digest_lens_open', 'span', 1, [
      ['class', 'dl-chip'],
      ['data-technique', technique],
    ]),
    ...parts,
    element(state, 'digest_lens_close', 'span', -1),
    ...marks,
    ...link,
    element(state, 'digest_lens_close', 'span', -1),
  ];
}

function detailsMark(state: StateCore, paper: DigestPaper, occurrence: number, words: PreviewText): Token[] {
  const link = paper.brief
    ? [
        element(state, 'digest_lens_open', 'a', 1, [
          ['class', 'dl-jump'],
          ['href', `#${briefAnchor(paper.index, occurrence)}`],
        ]),
        text(state, `↑ ${words.toBrief}`),
        element(state, 'digest_lens_close', 'a', -1),
      ]
    : [];
  return [
    element(state, 'digest_lens_open', 'span', 1, [
      ['class', 'dl-paper'],
      ['id', detailsAnchor(paper.index, occurrence)],
    ]),
    ...link,
    element(state, 'digest_lens_close', 'span', -1),
  ];
}

/**
 * Wraps each headline number of the brief in a `<mark>` titled with its reading. A number
 * is found as the same occurrence of its text in the paragraph's text tokens as in the brief,
 * so that an earlier "2倍" in a title does not take the mark.
 */
function markNumbers(state: StateCore, inline: Token, paper: DigestPaper, words: PreviewText): void {
  const brief = paper.brief!.text;
  const children = inline.children!;
  const cuts = new Map<number, { start: number; number: HeadlineNumber }[]>();
  for (const number of paper.headlineNumbers) {
    let wanted = occurrencesBefore(brief, number.text, number.offset);
    for (let c = 0; c < children.length; c++) {
      if (children[c].type !== 'text') continue;
      const content = children[c].content;
      let at = content.indexOf(number.text);
      while (at >= 0 && wanted > 0) {
        wanted--;
        at = content.indexOf(number.text, at + number.text.length);
      }
      if (at < 0) continue;
      if (!cuts.has(c)) cuts.set(c, []);
      cuts.get(c)!.push({ start: at, number });
      break;
    }
  }
  if (!cuts.size) return;
  const out: Token[] = [];
  children.forEach((child, c) => {
    const here = cuts.get(c)?.sort((a, b) => a.start - b.start);
    if (!here) {
      out.push(child);
      return;
    }
    let from = 0;
    for (const { start, number } of here) {
      if (start < from) continue;
      if (start > from) out.push(plainText(state, child.content.slice(from, start)));
      out.push(
        element(state, 'digest_lens_open', 'mark', 1, [
          ['class', 'dl-number'],
          ['data-kind', number.kind],
          ['title', words.numberReading(number)],
        ]),
        plainText(state, number.text),
        element(state, 'digest_lens_close', 'mark', -1),
      );
      from = start + number.text.length;
    }
    if (from < child.content.length) out.push(plainText(state, child.content.slice(from)));
  });
  inline.children = out;
}

/** Brief text stays a text token, as markdown-it made it. */
function plainText(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

function occurrencesBefore(text: string, part: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0 && at + part.length <= end; at = text.indexOf(part, at + part.length))
    count++;
  return count;
}

interface Note {
  readonly severity: string;
  readonly message: string;
}

/** Each problem goes under the last heading at or before its line; those before any heading, under the first. */
function notesByHeading(tokens: Token[], digest: Digest, words: PreviewText): Map<number, Note[]> {
  const headings: { line: number; close: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'heading_open' || !token.map) continue;
    let close = i + 1;
    while (close < tokens.length && tokens[close].type !== 'heading_close') close++;
    headings.push({ line: token.map[0], close });
  }
  const notes = new Map<number, Note[]>();
  if (!headings.length) return notes;
  for (const problem of digest.problems) {
    let h = 0;
    for (let lo = 0, hi = headings.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      if (headings[mid].line <= problem.line) {
        h = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const close = headings[h].close;
    if (!notes.has(close)) notes.set(close, []);
    notes.get(close)!.push({ severity: problem.severity, message: words.problemMessage(problem, digest) });
  }
  return notes;
}

function noteTokens(state: StateCore, notes: Note[]): Token[] {
  return [
    element(state, 'digest_lens_notes_open', 'div', 1, [
      ['class', 'dl-notes'],
      ['role', 'note'],
    ]),
    ...notes.flatMap((note) => [
      element(state, 'digest_lens_note_open', 'p', 1, [['class', `dl-note dl-${note.severity}`]]),
      text(state, note.message),
      element(state, 'digest_lens_note_close', 'p', -1),
    ]),
    element(state, 'digest_lens_notes_close', 'div', -1),
  ];
}
