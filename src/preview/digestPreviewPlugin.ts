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

/** Report text the plugin adds (a note's message): escaped like a text token. */
const TEXT = 'digest_lens_text';
/**
 * The chip and links beside a brief's heading, the link back beside a details heading, and
 * a marked number: one token each, rendered whole by the plugin's rules, so that a 5,000-paper
 * digest does not gain a dozen tokens per paper to build, walk and render.
 */
const CHIP = 'digest_lens_chip';
const BACKLINK = 'digest_lens_backlink';
const NUMBER = 'digest_lens_number';

type PaperAt = {
  readonly paper: DigestPaper;
  readonly occurrence: number;
};

/** What the plugin put in a token's `meta` (markdown-it types it as a plain record). */
const metaOf = <T>(token: Token): T => token.meta as unknown as T;

/**
 * A markdown-it plugin for digests: a technique chip and a link to the abstract beside each
 * brief heading, a link back beside each details heading, headline numbers marked with
 * what they were read as, and the report's problems as notes under the headings they
 * concern. It only adds tokens, and its rules escape every piece of report text they
 * render, as markdown-it escapes text and attributes.
 */
export function digestPreviewPlugin(md: MarkdownIt, options: DigestPreviewOptions): void {
  const html = htmlOf(md.utils.escapeHtml, options);
  // Our own token types, not 'text': VS Code's preview builds a heading's anchor from the
  // heading's text tokens, and the chip must not change it.
  md.renderer.rules[TEXT] = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content);
  md.renderer.rules[CHIP] = (tokens, idx) => safely(() => html.chip(metaOf(tokens[idx])));
  md.renderer.rules[BACKLINK] = (tokens, idx) => safely(() => html.backlink(metaOf(tokens[idx])));
  md.renderer.rules[NUMBER] = (tokens, idx) => safely(() => html.number(metaOf(tokens[idx])));
  // After 'inline', so that brief paragraphs have their text tokens to mark numbers in.
  md.core.ruler.push('digest_lens', (state) => {
    const digest = options.digestOf(state.src, state.env);
    if (!digest) return;
    safely(() => decorate(state, digest, options.text));
  });
}

/** A fault of ours must not cost the reader the page: it shows as far as it was decorated. */
function safely(work: () => string): string;
function safely(work: () => void): void;
function safely(work: () => string | void): string | void {
  try {
    return work();
  } catch (error) {
    console.error('Digest Lens could not decorate the preview:', error);
    return '';
  }
}

function decorate(state: StateCore, digest: Digest, words: PreviewText): void {
  // Papers by the line of their headings and of their brief's text: one look-up per token.
  const briefs = new Map<number, PaperAt>();
  const details = new Map<number, PaperAt>();
  const briefTexts = new Map<number, DigestPaper>();
  for (const entry of withOccurrences(digest)) {
    if (entry.paper.brief) {
      briefs.set(entry.paper.brief.line, entry);
      if (entry.paper.headlineNumbers.length) briefTexts.set(entry.paper.brief.textLine, entry.paper);
    }
    if (entry.paper.details) details.set(entry.paper.details.line, entry);
  }
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.map) continue;
    if (token.type === 'heading_open') {
      const children = tokens[i + 1]?.children;
      const brief = briefs.get(token.map[0]);
      const detail = brief ? undefined : details.get(token.map[0]);
      if (children && brief) children.push(paperToken(state, CHIP, brief));
      else if (children && detail) children.push(paperToken(state, BACKLINK, detail));
    } else if (token.type === 'inline' && token.children) {
      for (let l = token.map[0]; l < token.map[1]; l++) {
        const paper = briefTexts.get(l);
        if (paper) markNumbers(state, token, paper);
      }
    }
  }
  if (digest.problems.length) state.tokens = withNotes(state, tokens, notesByHeading(tokens, digest, words));
}

function paperToken(state: StateCore, type: string, entry: PaperAt): Token {
  const token = new state.Token(type, '', 0);
  token.meta = entry;
  return token;
}

/** The HTML of the plugin's tokens, every piece of report text escaped. */
function htmlOf(escape: (text: string) => string, { text: words, readingState }: DigestPreviewOptions) {
  const span = (className: string, content: string, title?: string) =>
    `<span class="${className}"${title === undefined ? '' : ` title="${escape(title)}"`}>${escape(content)}</span>`;
  const jump = (href: string, content: string) => `<a class="dl-jump" href="#${escape(href)}">${escape(content)}</a>`;
  // The same for every paper: escaped once.
  const readMark = span('dl-mark dl-read', '✓', words.read);
  const starredMark = span('dl-mark dl-starred', '★', words.starred);
  return {
    chip({ paper, occurrence }: PaperAt): string {
      const technique = paper.techniques[0]?.id ?? OTHER_TECHNIQUE_ID;
      const strongest = strongestNumber(paper.headlineNumbers);
      const reading = readingState?.readingStateOf(paper);
      return (
        `<span class="dl-paper" id="${escape(briefAnchor(paper.index, occurrence))}">` +
        `<span class="dl-chip" data-technique="${escape(technique)}">` +
        span('dl-technique', words.techniqueLabel(technique)) +
        (paper.institutionShort ? span('dl-institution', paper.institutionShort) : '') +
        (strongest ? span('dl-result', formatNumber(strongest), words.numberReading(strongest)) : '') +
        '</span>' +
        (reading?.read ? readMark : '') +
        (reading?.starred ? starredMark : '') +
        (paper.details ? jump(detailsAnchor(paper.index, occurrence), `↓ ${words.toAbstract}`) : '') +
        '</span>'
      );
    },
    backlink({ paper, occurrence }: PaperAt): string {
      return (
        `<span class="dl-paper" id="${escape(detailsAnchor(paper.index, occurrence))}">` +
        (paper.brief ? jump(briefAnchor(paper.index, occurrence), `↑ ${words.toBrief}`) : '') +
        '</span>'
      );
    },
    number(number: HeadlineNumber): string {
      return (
        `<mark class="dl-number" data-kind="${escape(number.kind)}" title="${escape(words.numberReading(number))}">` +
        `${escape(number.text)}</mark>`
      );
    },
  };
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

/**
 * Wraps each headline number of the brief in a `<mark>` titled with its reading. A number
 * is found as the same occurrence of its text in the paragraph's text tokens as in the brief,
 * so that an earlier "2倍" in a title does not take the mark.
 */
function markNumbers(state: StateCore, inline: Token, paper: DigestPaper): void {
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
      const mark = new state.Token(NUMBER, '', 0);
      mark.content = number.text;
      mark.meta = number;
      out.push(mark);
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

/** The tokens with each heading's notes after its close. */
function withNotes(state: StateCore, tokens: Token[], notes: Map<number, Note[]>): Token[] {
  if (!notes.size) return tokens;
  const out: Token[] = [];
  tokens.forEach((token, i) => {
    out.push(token);
    const here = notes.get(i);
    if (here) out.push(...noteTokens(state, here));
  });
  return out;
}
