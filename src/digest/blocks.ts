import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { linesOf, type SourceLines } from './source';

/** A block of a document: a heading with its text, or a paragraph or code block as its source lines. */
export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly line: number; readonly text: string }
  | { readonly kind: 'paragraph' | 'code'; readonly line: number; readonly lines: string[] };

/**
 * Block structure is all a digest needs, so the engine runs only the block rules that
 * decide where headings and paragraphs are (code blocks keep `###` inside them from
 * being read as papers) and skips inline parsing, the costly part of markdown-it.
 */
const engine = new MarkdownIt('zero').enable(['heading', 'code', 'fence']);
engine.core.ruler.disable(['inline', 'text_join']);

type Nesting = Token['nesting'];

/**
 * A token with markdown-it's fields, set by plain assignment. markdown-it's own Token
 * defines each of its thirteen fields with Object.defineProperty (how its build compiles
 * class fields), and making tokens was most of the engine's time. The rules enabled here
 * (heading, code, fence, paragraph) only set tokens' fields, never call their methods.
 */
class BlockToken {
  type: string;
  tag: string;
  nesting: Nesting;
  attrs: [string, string][] | null = null;
  map: [number, number] | null = null;
  level = 0;
  children: Token[] | null = null;
  content = '';
  markup = '';
  info = '';
  meta: unknown = null;
  block = true;
  hidden = false;

  constructor(type: string, tag: string, nesting: Nesting) {
    this.type = type;
    this.tag = tag;
    this.nesting = nesting;
  }
}

/**
 * markdown-it's block state, making BlockTokens (the same steps as StateBlock.push). The
 * reader needs only the tokens that open blocks and a heading's text: closing tokens and a
 * paragraph's text (read from the source instead) are made for their rule to fill in, but
 * not kept, so that they die young instead of being copied by each garbage collection.
 */
class BlockState extends engine.block.State {
  override push(type: string, tag: string, nesting: Nesting): Token {
    const token = new BlockToken(type, tag, nesting);
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    const paragraphText = type === 'inline' && this.tokens[this.tokens.length - 1]?.type === 'paragraph_open';
    if (nesting >= 0 && !paragraphText) this.tokens.push(token as Token);
    return token as Token;
  }
}
engine.block.State = BlockState;

/** How a line can take part in the block structure, read from its first characters. */
const BLANK = 0;
/** Text that can only be in a paragraph or a code block: it neither starts nor ends one. */
const PLAIN = 1;
/** A line that starts with '#', '`', '~', a space or a tab: it may open or close a block. */
const STRUCTURAL = 2;

/** The document's blocks in order, with 0-based lines, as markdown-it reads them. */
export function readBlockList(source: SourceLines): Block[] {
  const kinds = lineKinds(source);
  const skeleton = blockSkeleton(source, kinds);
  const tokens = engine.parse(skeleton.text, {});
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.map) continue;
    const from = skeleton.sourceLine[token.map[0]];
    const to = skeleton.sourceLine[token.map[1]];
    if (token.type === 'heading_open') {
      blocks.push({
        kind: 'heading',
        level: Number(token.tag.slice(1)),
        line: from,
        text: tokens[i + 1]?.content.trim() ?? '',
      });
    } else if (token.type === 'paragraph_open') {
      splitParagraphs(source, kinds, from, to, blocks);
    } else if (token.type === 'code_block' || token.type === 'fence') {
      blocks.push({ kind: 'code', line: from, lines: linesOf(source, from, to) });
    }
  }
  return blocks;
}

/** Each line of the source as BLANK, PLAIN or STRUCTURAL. */
function lineKinds(source: SourceLines): Uint8Array {
  const { text } = source;
  const kinds = new Uint8Array(source.count);
  for (let line = 0; line < source.count; line++) {
    const start = source.startOf(line);
    const end = source.endOf(line);
    let first = start;
    while (first < end && (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x09)) first++;
    const code = text.charCodeAt(start);
    kinds[line] =
      first === end ? BLANK : code === 0x23 || code === 0x60 || code === 0x7e || first > start ? STRUCTURAL : PLAIN;
  }
  return kinds;
}

/**
 * With only the heading, fence and indented-code rules on, markdown-it decides a line's
 * block role from whether it is blank, its indentation, and a leading '#', '`' or '~'.
 * Every other line becomes "x", and so does a blank line before such a line: there it
 * could only end a paragraph (only an indented line after a blank can start code). A run
 * of such lines is read alike whatever its length (one paragraph, or text in a fence), so
 * it becomes a single "x". Headings, code and their lines stay the same, and runs of
 * paragraphs become one, which splitParagraphs divides again at the source's blank lines:
 * markdown-it has a tenth of the text and half the lines to scan, and a fifth fewer tokens
 * to make. `sourceLine` maps each skeleton line back to the first source line it stands
 * for, and one past the last line to the source's line count.
 */
function blockSkeleton(source: SourceLines, kinds: Uint8Array): { text: string; sourceLine: number[] } {
  const lines: string[] = [];
  const sourceLine: number[] = [];
  let blanks = -1;
  for (let line = 0; line < kinds.length; line++) {
    const kind = kinds[line];
    if (kind === BLANK) {
      if (blanks < 0) blanks = line;
      continue;
    }
    if (kind === PLAIN) {
      // Blank lines before text join its run, which goes on to the next structural line or final blanks.
      if (lines[lines.length - 1] !== 'x') {
        lines.push('x');
        sourceLine.push(blanks >= 0 ? blanks : line);
      }
      blanks = -1;
      continue;
    }
    pushBlanks(blanks, line, lines, sourceLine);
    blanks = -1;
    lines.push(source.line(line));
    sourceLine.push(line);
  }
  pushBlanks(blanks, kinds.length, lines, sourceLine);
  sourceLine.push(kinds.length);
  return { text: lines.join('\n'), sourceLine };
}

function pushBlanks(from: number, to: number, lines: string[], sourceLine: number[]): void {
  if (from < 0) return;
  for (let line = from; line < to; line++) {
    lines.push('');
    sourceLine.push(line);
  }
}

/** Source lines [from, to) as the paragraphs their blank lines separate. */
function splitParagraphs(source: SourceLines, kinds: Uint8Array, from: number, to: number, blocks: Block[]): void {
  let lines: string[] | null = null;
  for (let line = from; line < to; line++) {
    if (kinds[line] === BLANK) lines = null;
    else if (lines) lines.push(source.line(line));
    else blocks.push({ kind: 'paragraph', line, lines: (lines = [source.line(line)]) });
  }
}
