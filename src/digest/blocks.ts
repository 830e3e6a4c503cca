import MarkdownIt from 'markdown-it';
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

const BLANK_LINE = /^[ \t]*$/;

/** The document's blocks in order, with 0-based lines, as markdown-it reads them. */
export function readBlockList(source: SourceLines): Block[] {
  const tokens = engine.parse(blockSkeleton(source.text), {});
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.map) continue;
    const [from, to] = token.map;
    if (token.type === 'heading_open') {
      blocks.push({
        kind: 'heading',
        level: Number(token.tag.slice(1)),
        line: from,
        text: tokens[i + 1]?.content.trim() ?? '',
      });
    } else if (token.type === 'paragraph_open') {
      splitParagraphs(source, from, to, blocks);
    } else if (token.type === 'code_block' || token.type === 'fence') {
      blocks.push({ kind: 'code', line: from, lines: linesOf(source, from, to) });
    }
  }
  return blocks;
}

/**
 * With only the heading, fence and indented-code rules on, markdown-it decides a line's
 * block role from whether it is blank, its indentation, and a leading '#', '`' or '~'.
 * Every other line is replaced by "x", and so is a blank line before such a line: there
 * it could only end a paragraph (only an indented line after a blank can start code).
 * Headings, code and their lines stay the same, and runs of paragraphs become one, which
 * splitParagraphs divides again at the source's blank lines: markdown-it has a tenth of
 * the text to scan and a fifth fewer tokens to make.
 */
export function blockSkeleton(text: string): string {
  return text
    .replace(/^[^\n#`~ \t][^\n]*/gm, 'x')
    .replace(/^(?:[ \t]*\n)+(?=x$)/gm, (blanks) => 'x\n'.repeat(blanks.split('\n').length - 1));
}

/** Source lines [from, to) as the paragraphs their blank lines separate. */
function splitParagraphs(source: SourceLines, from: number, to: number, blocks: Block[]): void {
  let lines: string[] | null = null;
  for (let line = from; line < to; line++) {
    const text = source.line(line);
    if (BLANK_LINE.test(text)) lines = null;
    else if (lines) lines.push(text);
    else blocks.push({ kind: 'paragraph', line, lines: (lines = [text]) });
  }
}
