import { PUBLISHED_WORDS, SOLVING_WORDS, USING_WORDS } from './labels';

/** What the generator wrote when it produced no brief. */
export type PlaceholderKind = 'failure' | 'template' | 'refusal';

const FAILURE = /简报生成失败|brief generation failed/i;
const TEMPLATE =
  /\[(?:请补充)?[^\]]{0,10}(?:机构|标题|技术|问题|效果|institution|title|technique|problem|result)[^\]]{0,10}\]/i;
const REFUSAL_ASK =
  /请(?:提供|补充)|无法(?:生成|提取)|未提供|缺少|please provide|cannot generate|unable to generate|no paper (?:information|details)/i;
const REFUSAL_TOPIC = /简报|论文|摘要|brief|paper|abstract/i;

export function placeholderKind(brief: string): PlaceholderKind | null {
  if (FAILURE.test(brief)) return 'failure';
  if (TEMPLATE.test(brief)) return 'template';
  if (REFUSAL_ASK.test(brief) && REFUSAL_TOPIC.test(brief) && !PUBLISHED_WORDS.some((w) => brief.includes(w)))
    return 'refusal';
  return null;
}

/** Subjects that name nobody: "研究团队发布了…". */
const ANONYMOUS_SUBJECT =
  /^(?:相关|该|某|一个|多个|未知|匿名)?(?:研究|科研)?(?:团队|机构|人员|小组|学者|作者|单位|研究者)$|^(?:the )?(?:research )?(?:team|authors?|researchers|institutions?)$/i;
const MAX_SUBJECT_LENGTH = 120;

export interface BriefParts {
  /** The institution the brief names before 发布了; empty when it names none. */
  readonly institutionShort: string;
  /** The 使用…技术 clause, or '' when the brief has none. */
  readonly techniqueClause: string;
  /** Where the results part starts (the 解决了 clause, else the end of the title part). */
  readonly resultsOffset: number;
  /** The brief without its subject, title and technique clause: the problem and results. */
  readonly results: string;
  /** The paper's name as the brief writes it ("…发布了<name>论文"), without 《》; '' when it gives none. */
  readonly paperName: string;
}

function indexOfAny(text: string, words: readonly string[], from: number): { index: number; word: string } | null {
  let best: { index: number; word: string } | null = null;
  for (const word of words) {
    const index = text.indexOf(word, from);
    if (index >= 0 && (!best || index < best.index)) best = { index, word };
  }
  return best;
}

/** Splits "X发布了Y论文，使用Z技术，解决了P问题，达成了E效果" into its parts. */
export function readBrief(text: string): BriefParts {
  const published = indexOfAny(text, PUBLISHED_WORDS, 0);
  let institutionShort = '';
  let titleEnd = 0;
  let paperName = '';
  if (published && published.index <= MAX_SUBJECT_LENGTH) {
    const subject = text.slice(0, published.index).trim();
    institutionShort = ANONYMOUS_SUBJECT.test(subject) || subject.includes('[') ? '' : subject;
    const nameStart = published.index + published.word.length;
    const paperWord = indexOfAny(text, ['论文', ' paper'], nameStart);
    titleEnd = paperWord ? paperWord.index + paperWord.word.length : nameStart;
    if (paperWord && paperWord.index - nameStart <= MAX_SUBJECT_LENGTH)
      paperName = cleanPaperName(text.slice(nameStart, paperWord.index));
  }
  const using = indexOfAny(text, USING_WORDS, titleEnd);
  const solving = indexOfAny(text, SOLVING_WORDS, using ? using.index : titleEnd);
  const clauseEnd = solving ? solving.index : using ? findClauseEnd(text, using.index) : 0;
  const techniqueClause =
    using && clauseEnd > using.index ? text.slice(using.index + using.word.length, clauseEnd) : '';
  const resultsOffset = solving ? solving.index : Math.max(titleEnd, clauseEnd);
  return { institutionShort, techniqueClause, resultsOffset, results: text.slice(resultsOffset), paperName };
}

/** "《X》" → "X"; "the X" → "X"; names that name nothing ("相关", "[论文标题]") → "". */
function cleanPaperName(raw: string): string {
  const name = raw
    .trim()
    .replace(/^[《“"']+|[》”"']+$/g, '')
    .replace(/^the\s+/i, '')
    .trim();
  return /^(?:相关|该|一篇|关于)?$/.test(name) || name.includes('[') ? '' : name;
}

function findClauseEnd(text: string, from: number): number {
  const end = text.slice(from).search(/[，。,;；]/);
  return end < 0 ? text.length : from + end;
}
