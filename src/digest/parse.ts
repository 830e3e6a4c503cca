import { readBlockList } from './blocks';
import { readBrief } from './brief';
import { PAPER_HEADING_TEXT } from './headings';
import { readInstitutions } from './institutions';
import {
  DECLARED_COUNT_LABELS,
  GENERATED_AT_LABELS,
  fieldForLabel,
  isBriefsSectionTitle,
  isDetailsSectionTitle,
  isLabel,
} from './labels';
import { contentProblems, documentProblems } from './lint';
import type { Digest, DigestBrief, DigestDetails, DigestPaper, DigestProblem } from './model';
import { findHeadlineNumbers } from './numbers';
import { occurrences, paperKey } from './paperIndex';
import { SourceLines, normaliseText } from './source';
import { runToEnd } from './steps';
import { withoutTitleArtefacts } from './titleArtefacts';
import { defaultClassifier, paperText, type TechniqueClassifier } from './techniques';

export interface ParseOptions {
  /** A classifier for a user's own taxonomy; the default taxonomy otherwise. */
  readonly classifier?: TechniqueClassifier;
}

/** A block of text under a paper heading, as its source lines. */
interface Paragraph {
  readonly line: number;
  readonly lines: readonly string[];
}

const paragraphText = (p: Paragraph): string => p.lines.join('\n').trim();

/** One `### N. title` heading and the paragraphs under it. */
export interface PaperBlock {
  readonly index: number;
  /** The title as shown: once, without what the PDF left in it. */
  readonly title: string;
  /** The title as the heading writes it. */
  readonly rawTitle: string;
  readonly line: number;
  readonly paragraphs: Paragraph[];
  endLine: number;
}

type Section = 'none' | 'briefs' | 'details' | 'other';

const FIELD_LINE = /^\*\*\s*([^*]+?)\s*[:：]?\s*\*\*\s*[:：]?\s*([\s\S]*)$/;

/** A digest with nothing read yet: what the block reader fills in. */
export function emptyDigest(lineCount: number): Digest {
  return {
    title: '',
    titleLine: null,
    generatedAt: '',
    declaredCount: null,
    declaredCountLine: null,
    briefsLine: null,
    detailsLine: null,
    lineCount,
    papers: [],
    problems: [],
  };
}

/** Parses a digest. Never throws: whatever cannot be read becomes a problem. */
export function parseDigest(input: string, options: ParseOptions = {}): Digest {
  return runToEnd(parseDigestInSlices(input, options));
}

/**
 * parseDigest a step at a time: it yields after reading the blocks and after each paper, so
 * that a caller indexing in the background can let other work run between steps.
 */
export function* parseDigestInSlices(input: string, options: ParseOptions = {}): Generator<void, Digest> {
  const text = normaliseText(input);
  const source = new SourceLines(text);
  const digest = emptyDigest(source.count);
  yield;
  try {
    const { briefs, details } = readBlocks(source, digest);
    yield;
    digest.papers = yield* pairPapers(briefs, details, digest.problems, options.classifier ?? defaultClassifier());
    digest.problems.push(...documentProblems(digest), ...contentProblems(digest));
  } catch (error) {
    digest.problems.push({
      code: 'internal-error',
      severity: 'error',
      line: 0,
      subject: error instanceof Error ? error.message : String(error),
      message: `Digest Lens could not finish reading this file: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  digest.problems.sort((a, b) => a.line - b.line);
  return digest;
}

/** Walks the blocks once, collecting the header and every paper heading's block. */
export function readBlocks(source: SourceLines, digest: Digest): { briefs: PaperBlock[]; details: PaperBlock[] } {
  const briefs: PaperBlock[] = [];
  const details: PaperBlock[] = [];
  let section: Section = 'none';
  let block: PaperBlock | null = null;

  for (const item of readBlockList(source)) {
    const line = item.line;
    if (item.kind !== 'heading') {
      if (block) {
        block.paragraphs.push(item);
        block.endLine = item.line + item.lines.length - 1;
      } else if (section === 'none' && item.kind === 'paragraph') {
        readHeader(item, digest);
      }
      continue;
    }
    const { level, text: content } = item;
    if (level <= 3) block = null;
    if (level === 1) {
      if (digest.titleLine === null) {
        digest.title = content;
        digest.titleLine = line;
      }
    } else if (level === 2) {
      section = isBriefsSectionTitle(content) ? 'briefs' : isDetailsSectionTitle(content) ? 'details' : 'other';
      if (section === 'briefs') digest.briefsLine ??= line;
      if (section === 'details') digest.detailsLine ??= line;
    } else if (level === 3 && (section === 'briefs' || section === 'details')) {
      const heading = PAPER_HEADING_TEXT.exec(content);
      if (heading) {
        const index = Number(heading[1]);
        const rawTitle = heading[2].trim();
        const { title: withoutArtefacts, artefacts } = withoutTitleArtefacts(rawTitle);
        for (const artefact of artefacts) {
          digest.problems.push({
            code: 'title-artefact',
            severity: 'info',
            line,
            paperIndex: index,
            variant: artefact.kind,
            subject: artefact.text,
            message: `The title of paper ${index} carries "${artefact.text}" from its PDF; Digest Lens shows the title without it.`,
          });
        }
        const title = undoubledTitle(withoutArtefacts);
        if (title !== withoutArtefacts) {
          digest.problems.push({
            code: 'repeated-title',
            severity: 'info',
            line,
            paperIndex: index,
            message: `The title of paper ${index} is written twice in its heading (a PDF extraction artefact); Digest Lens shows it once.`,
          });
        }
        block = { index, title, rawTitle, line, paragraphs: [], endLine: line };
        (section === 'briefs' ? briefs : details).push(block);
      } else {
        digest.problems.push({
          code: 'unnumbered-heading',
          severity: 'warning',
          line,
          subject: content,
          message: `"${content}" is not a numbered paper heading ("### N. Title"), so it is not read as a paper.`,
        });
      }
    } else if (block) {
      block.paragraphs.push({ line, lines: [content] });
      block.endLine = line;
    }
  }
  return { briefs, details };
}

/** "Title TITLE" → "Title": the same title twice in one heading, the second often in capitals. */
function undoubledTitle(title: string): string {
  if (title.length < 3) return title;
  const text = /\s\s/.test(title) ? title.replace(/\s+/g, ' ') : title;
  const middle = (text.length - 1) / 2;
  if (
    Number.isInteger(middle) &&
    text[middle] === ' ' &&
    text.slice(0, middle).toLowerCase() === text.slice(middle + 1).toLowerCase()
  )
    return text.slice(0, middle);
  return title;
}

function readHeader(paragraph: Paragraph, digest: Digest): void {
  paragraph.lines.forEach((lineText, offset) => {
    const match = /^([^:：]+?)\s*[:：]\s*(.*)$/.exec(lineText.trim());
    if (!match) return;
    const label = match[1];
    if (isLabel(label, GENERATED_AT_LABELS)) digest.generatedAt = match[2].trim();
    if (isLabel(label, DECLARED_COUNT_LABELS)) {
      const count = /\d+/.exec(match[2]);
      digest.declaredCount = count ? Number(count[0]) : null;
      digest.declaredCountLine = paragraph.line + offset;
    }
  });
}

function toBrief(block: PaperBlock): DigestBrief {
  return {
    line: block.line,
    title: block.title,
    text: block.paragraphs.map(paragraphText).join('\n\n'),
    textLine: block.paragraphs[0]?.line ?? block.line,
    endLine: block.endLine,
  };
}

function toDetails(block: PaperBlock): DigestDetails {
  const details: DigestDetails = {
    line: block.line,
    title: block.title,
    institutionsText: '',
    institutions: [],
    affiliations: [],
    institutionsLine: null,
    authorCount: null,
    authorCountLine: null,
    abstract: '',
    abstractLine: null,
    endLine: block.endLine,
  };
  let field: 'institutions' | 'authors' | 'abstract' | null = null;
  const parts: Record<'institutions' | 'authors' | 'abstract', string[]> = {
    institutions: [],
    authors: [],
    abstract: [],
  };
  for (const paragraph of block.paragraphs) {
    paragraph.lines.forEach((lineText, offset) => {
      const match = lineText.trimStart().startsWith('**') ? FIELD_LINE.exec(lineText.trim()) : null;
      const named = match ? fieldForLabel(match[1]) : undefined;
      if (match && named) {
        field = named;
        const line = paragraph.line + offset;
        if (named === 'institutions') details.institutionsLine ??= line;
        if (named === 'authors') details.authorCountLine ??= line;
        if (named === 'abstract') details.abstractLine ??= line;
        if (match[2].trim()) parts[named].push(match[2].trim());
      } else if (field) {
        parts[field].push(lineText.trim());
      }
    });
    // A field's text runs on into the next paragraph only for the abstract.
    if (field !== 'abstract') field = null;
  }
  details.institutionsText = parts.institutions.join(' ').trim();
  details.affiliations = readInstitutions(details.institutionsText);
  details.institutions = details.affiliations.map((institution) => institution.name);
  const count = /\d+/.exec(parts.authors.join(' '));
  details.authorCount = count ? Number(count[0]) : null;
  details.abstract = parts.abstract.join('\n').trim();
  return details;
}

/** Pairs the k-th brief numbered N with the k-th details numbered N. */
function* pairPapers(
  briefs: PaperBlock[],
  details: PaperBlock[],
  problems: DigestProblem[],
  classifier: TechniqueClassifier,
): Generator<void, DigestPaper[]> {
  const detailsByKey = new Map<string, PaperBlock>();
  for (const [key, block] of keyed(details, problems, 'details')) detailsByKey.set(key, block);
  const papers: DigestPaper[] = [];
  for (const [key, block] of keyed(briefs, problems, 'briefs')) {
    papers.push(buildPaper(block, detailsByKey.get(key) ?? null, classifier));
    detailsByKey.delete(key);
    yield;
  }
  for (const block of detailsByKey.values()) {
    papers.push(buildPaper(null, block, classifier));
    yield;
  }
  return papers;
}

/** Each block under its paper key, the number and which block with that number it is; a repeated number is a problem. */
function keyed(blocks: PaperBlock[], problems: DigestProblem[], section: string): [string, PaperBlock][] {
  const counts = occurrences(blocks);
  return blocks.map((block, i) => {
    if (counts[i] > 0) {
      problems.push({
        code: 'duplicate-number',
        severity: 'error',
        line: block.line,
        paperIndex: block.index,
        variant: section,
        message: `Paper number ${block.index} appears more than once in the ${section} section; pairs are matched in order.`,
      });
    }
    return [paperKey({ index: block.index, occurrence: counts[i] }), block];
  });
}

export function buildPaper(
  briefBlock: PaperBlock | null,
  detailsBlock: PaperBlock | null,
  classifier: TechniqueClassifier,
): DigestPaper {
  const brief = briefBlock ? toBrief(briefBlock) : null;
  const details = detailsBlock ? toDetails(detailsBlock) : null;
  const briefText = brief?.text ?? '';
  const parts = readBrief(briefText);
  // The brief's heading names the paper unless it is empty.
  const named = briefBlock?.title || !detailsBlock ? briefBlock! : detailsBlock;
  const title = named.title;
  const paragraphs = briefBlock?.paragraphs ?? [];
  return {
    index: named.index,
    title,
    rawTitle: named.rawTitle,
    brief,
    details,
    institutionShort: parts.institutionShort,
    briefName: parts.paperName,
    techniques: classifier.classify(paperText(title, parts, details?.abstract ?? '')),
    // Each number is new and only ours: placing it in the document adds its line and column.
    headlineNumbers: findHeadlineNumbers(briefText, parts.resultsOffset).map((n) =>
      Object.assign(n, locate(paragraphs, n.offset)),
    ),
  };
}

/** Maps an offset in the brief text (trimmed paragraphs joined by blank lines) back to the document. */
function locate(paragraphs: readonly Paragraph[], offset: number): { line: number; column: number } {
  let start = 0;
  for (const paragraph of paragraphs) {
    const raw = paragraph.lines.join('\n');
    const trimmed = raw.trim();
    if (offset <= start + trimmed.length) {
      // Count the line breaks before the offset in the paragraph's raw text.
      const at = raw.length - raw.trimStart().length + offset - start;
      let line = paragraph.line;
      let lineStart = 0;
      for (let i = raw.indexOf('\n'); i >= 0 && i < at; i = raw.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
      }
      return { line, column: at - lineStart };
    }
    start += trimmed.length + 2;
  }
  return { line: paragraphs[0]?.line ?? 0, column: 0 };
}
