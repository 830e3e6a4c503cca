import { paperProblems } from './lint';
import type { Digest, DigestPaper, DigestProblem, HeadlineNumber } from './model';
import { buildPaper, emptyDigest, readBlocks, type PaperBlock, type ParseOptions } from './parse';
import { defaultClassifier } from './techniques';
import { LABELS } from './labels';
import { SourceLines, linesOf, type TextLines } from './source';

/** One edit, in lines: old lines [startLine, oldEndLine] became new lines [startLine, newEndLine]. */
export interface LineChange {
  readonly startLine: number;
  readonly oldEndLine: number;
  readonly newEndLine: number;
}

/** A line that can change the block structure: a heading, a code fence or indented code. */
const STRUCTURAL = /^(?: {0,3}(?:#|```|~~~)| {4}|\t)/;

const shiftLine = (line: number, after: number, delta: number) => (line > after ? line + delta : line);
const shiftNullable = (line: number | null, after: number, delta: number) =>
  line === null ? null : shiftLine(line, after, delta);

function shiftPaper(paper: DigestPaper, after: number, delta: number): DigestPaper {
  const { brief, details } = paper;
  // Unmoved papers stay the same objects, so that views can tell what an edit changed.
  if (delta === 0 || ((!brief || brief.line <= after) && (!details || details.line <= after))) return paper;
  return {
    ...paper,
    brief: brief && {
      ...brief,
      line: shiftLine(brief.line, after, delta),
      textLine: shiftLine(brief.textLine, after, delta),
      endLine: shiftLine(brief.endLine, after, delta),
    },
    details: details && {
      ...details,
      line: shiftLine(details.line, after, delta),
      institutionsLine: shiftNullable(details.institutionsLine, after, delta),
      authorCountLine: shiftNullable(details.authorCountLine, after, delta),
      abstractLine: shiftNullable(details.abstractLine, after, delta),
      endLine: shiftLine(details.endLine, after, delta),
    },
    headlineNumbers: paper.headlineNumbers.map((n): HeadlineNumber => ({
      ...n,
      line: shiftLine(n.line, after, delta),
    })),
  };
}

/** Re-reads the block under a paper heading from the new text: its paragraphs, at their new lines. */
function rereadBlock(text: TextLines, line: number, endLine: number): PaperBlock | undefined {
  // The block alone, under a section heading, read by the same reader as a whole digest.
  const block = new SourceLines([`## ${LABELS.zh.briefsSection[0]}`, ...linesOf(text, line, endLine + 1)].join('\n'));
  const [read] = readBlocks(block, emptyDigest(block.count)).briefs;
  if (!read) return undefined;
  const offset = line - 1;
  return {
    ...read,
    line: read.line + offset,
    endLine: read.endLine + offset,
    paragraphs: read.paragraphs.map((p) => ({ ...p, line: p.line + offset })),
  };
}

/**
 * The digest after an edit inside one paper's brief or details, read from the edited
 * document's lines without parsing the whole document again: that paper is rebuilt, later
 * lines shift. Returns undefined when the edit could change the document's structure (a
 * heading, a fence or indented code in the edited block, or an edit outside a paper's
 * block), and the caller parses in full. The result equals a full parse of the new text.
 *
 * Only the new lines need checking: a paper block ends at the next heading of level 3 or
 * less, so any fence in it closed inside it (or it runs to the end of the document, and the
 * check covers every line after the fence); once the edited block holds no structural
 * line, what the edit removed could only have changed the block itself.
 */
export function updateDigest(
  previous: Digest,
  text: TextLines,
  change: LineChange,
  options: ParseOptions = {},
): Digest | undefined {
  const { startLine, oldEndLine, newEndLine } = change;
  const inside = (block: { line: number; endLine: number } | null) =>
    block !== null && startLine > block.line && oldEndLine <= block.endLine;
  const paper = previous.papers.find((p) => inside(p.brief) || inside(p.details));
  if (!paper || previous.problems.some((p) => p.code === 'internal-error')) return undefined;

  const delta = newEndLine - oldEndLine;
  if (text.count !== previous.lineCount + delta) return undefined;
  const changedBlock = inside(paper.brief) ? paper.brief! : paper.details!;
  if (linesOf(text, changedBlock.line + 1, changedBlock.endLine + delta + 1).some((l) => STRUCTURAL.test(l)))
    return undefined;

  const reread = (part: { line: number; endLine: number } | null, changed: boolean) => {
    if (!part) return null;
    const line = shiftLine(part.line, oldEndLine, delta);
    return rereadBlock(text, line, changed ? part.endLine + delta : shiftLine(part.endLine, oldEndLine, delta)) ?? null;
  };
  const briefBlock = reread(paper.brief, paper.brief === changedBlock);
  const detailsBlock = reread(paper.details, paper.details === changedBlock);
  if ((paper.brief && !briefBlock) || (paper.details && !detailsBlock)) return undefined;
  // The block reader gives the heading's title as written; the model keeps the paper's own.
  const rebuilt = buildPaper(
    briefBlock && { ...briefBlock, title: paper.brief!.title },
    detailsBlock && { ...detailsBlock, title: paper.details!.title },
    options.classifier ?? defaultClassifier(),
  );

  const ownLines = (line: number) => [paper.brief, paper.details].some((b) => b && line >= b.line && line <= b.endLine);
  const oldContent = new Set(paperProblems(paper).map((p) => `${p.code}@${p.line}`));
  const problems: DigestProblem[] = previous.problems
    .filter((p) => !(p.paperIndex === paper.index && ownLines(p.line) && oldContent.has(`${p.code}@${p.line}`)))
    .map((p) => (delta !== 0 && p.line > oldEndLine ? { ...p, line: p.line + delta } : p));
  problems.push(...paperProblems(rebuilt));
  problems.sort((a, b) => a.line - b.line);

  return {
    ...previous,
    titleLine: shiftNullable(previous.titleLine, oldEndLine, delta),
    declaredCountLine: shiftNullable(previous.declaredCountLine, oldEndLine, delta),
    briefsLine: shiftNullable(previous.briefsLine, oldEndLine, delta),
    detailsLine: shiftNullable(previous.detailsLine, oldEndLine, delta),
    lineCount: text.count,
    papers: previous.papers.map((p) => (p === paper ? rebuilt : shiftPaper(p, oldEndLine, delta))),
    problems,
  };
}
