import type { HeadlineNumber, HeadlineNumberKind } from './model';

/** A headline number before it is placed in the document. */
export type FoundNumber = Omit<HeadlineNumber, 'line' | 'column'>;

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SEP = String.raw`\s*(?:-|–|—|~|～|至|到)\s*`;
const CMP = String.raw`[<>≤≥≈∼~＜＞]`;
/** A number must not continue an identifier such as H800 or Qwen2.5. */
const START = String.raw`(?<![A-Za-z0-9.\-_/])`;
const TIMES = String.raw`[×xX]`;

interface Pattern {
  /** A cheap test that the text may hold a match, checked before the regular expression runs. */
  readonly mayMatch: RegExp;
  readonly regex: RegExp;
  /** The normalised unit, or a function that reads it from the match. */
  readonly unit: string | ((match: RegExpExecArray) => string);
  /** The kind, or a function that reads it from the words around the number. */
  readonly kind: HeadlineNumberKind | ((before: string, after: string) => HeadlineNumberKind);
  /** Which groups hold the low and high values (the high one may be absent). */
  readonly groups: readonly [number, number];
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** Words that say what a multiplier or a percentage measures; the one nearest the number decides. */
interface Cue {
  readonly kind: HeadlineNumberKind;
  readonly words: RegExp;
}

const COMPRESSION: Cue = { kind: 'ratio', words: /压缩|compress/ };
const SPEED: Cue = { kind: 'speedup', words: /加速|提速|速度|加快|快|faster|speed/ };
const REDUCTION: Cue = {
  kind: 'reduction',
  words: /减少|降低|节省|节约|缩减|缩短|下降|降至|减至|仅降|少|小|reduc|sav|fewer|less|lower|cut|smaller/,
};
const IMPROVEMENT: Cue = {
  kind: 'improvement',
  words: /提升|提高|增加|增长|增益|改善|超越|超过|improv|gain|boost|increas|higher|outperform/,
};
/** Nouns of an absolute rate or score: 准确率, 有效率, 精度, accuracy. */
const RATE: Cue = {
  kind: 'accuracy',
  words: /率|精度|准确|正确|性能|保留|保持|召回|accuracy|precision|recall|Dice|AP|F1|mIoU|score/,
};

/** Cues read in one pass over the words: one regular expression, a group per cue. */
interface CueSet {
  readonly cues: readonly Cue[];
  readonly regex: RegExp;
}

function cueSet(...cues: Cue[]): CueSet {
  return { cues, regex: new RegExp(cues.map((c) => `(${c.words.source})`).join('|'), 'gi') };
}

const MULTIPLIER_CUES = cueSet(COMPRESSION, REDUCTION, SPEED, IMPROVEMENT);
const PERCENT_CUES = cueSet(REDUCTION, IMPROVEMENT, RATE, COMPRESSION);
const RATE_CUES = cueSet(RATE);
const SPEED_CUES = cueSet(SPEED);

/** The cue nearest the number, before it or after it in its clause. */
function nearestCue(before: string, after: string, set: CueSet): Cue | undefined {
  const cueOf = (m: RegExpExecArray) => set.cues[m.findIndex((group, i) => i > 0 && group !== undefined) - 1];
  let best: Cue | undefined;
  let distance = Infinity;
  for (const m of before.matchAll(set.regex)) [best, distance] = [cueOf(m), before.length - m.index - m[0].length];
  set.regex.lastIndex = 0;
  const next = set.regex.exec(after);
  set.regex.lastIndex = 0;
  return next && next.index < distance ? cueOf(next) : best;
}

/** "8倍KV缓存压缩" is a compression ratio, "延迟降低3倍" a reduction, anything else faster. */
function kindOfMultiplier(before: string, after: string): HeadlineNumberKind {
  const cue = nearestCue(before, after, MULTIPLIER_CUES);
  return cue === COMPRESSION || cue === REDUCTION ? cue.kind : 'speedup';
}

/** "减少48%" a reduction, "提升17%" an improvement, "有效率69.8%" or "提升至92%" an absolute rate. */
function kindOfPercent(before: string, after: string): HeadlineNumberKind {
  const cue = nearestCue(before, after, PERCENT_CUES);
  if (cue === IMPROVEMENT && /(?:至|到)\s*\S?\s*$/.test(before))
    return nearestCue(before, '', RATE_CUES) ? 'accuracy' : 'ratio';
  if (cue === COMPRESSION) return 'reduction';
  // "推理速度提升50%" is a speedup written as a percentage.
  if (cue === IMPROVEMENT && nearestCue(before, after, SPEED_CUES)) return 'speedup';
  return cue?.kind ?? 'ratio';
}

const PATTERNS: readonly Pattern[] = [
  {
    // 2.15倍, 2.15x, 31 ×, 2-3倍, 6.0×到152.2×, 7×-125×+
    mayMatch: /[×xX倍]/,
    regex: new RegExp(
      String.raw`${START}(?:${CMP}\s*)?(${NUM})\s*(?:${TIMES}|倍)?(?:${SEP}(${NUM}))?\s*(?:${TIMES}(?![A-Za-z0-9])|倍)\+?`,
      'g',
    ),
    unit: '×',
    kind: kindOfMultiplier,
    groups: [1, 2],
  },
  {
    // 三倍, 两倍
    mayMatch: /倍/,
    regex: /([一二两三四五六七八九十])倍/g,
    unit: '×',
    kind: kindOfMultiplier,
    groups: [1, 0],
  },
  {
    // 48%, <5%, 50%-70%, 5-17%, 0.4-0.5%
    mayMatch: /[%％]/,
    regex: new RegExp(String.raw`${START}(?:${CMP}\s*)?(${NUM})\s*%?(?:${SEP}(${NUM}))?\s*[%％]`, 'g'),
    unit: '%',
    kind: kindOfPercent,
    groups: [1, 2],
  },
  {
    // 10.2个百分点, 1个点, 3 percentage points
    mayMatch: /点|percentage|pp/,
    regex: new RegExp(String.raw`${START}(${NUM})\s*(?:个百分点|个点|百分点|percentage points?|pp\b)`, 'g'),
    unit: 'pp',
    kind: 'points',
    groups: [1, 0],
  },
  {
    // 1100+ tokens/秒, 8 FPS, 96 QPS
    mayMatch: /token|FPS|fps|QPS|帧/,
    regex: new RegExp(
      String.raw`${START}(${NUM})\+?\s*(?:tokens?\s*(?:/|每)\s*(?:秒|s\b|sec)|tok/s|FPS\b|fps\b|QPS\b|帧/秒|帧每秒)`,
      'g',
    ),
    unit: (m) => (/fps|帧/i.test(m[0]) ? 'FPS' : /QPS/.test(m[0]) ? 'QPS' : 'tokens/s'),
    kind: 'throughput',
    groups: [1, 0],
  },
  {
    // 5.79dB, 4.46 GFLOPs, 18 bpp, 4比特, 240秒, 1小时, 32项, 47个token
    mayMatch: /dB|FLOPs|bpp|比特|bit|秒|小时|分钟|ms|项|个token/,
    regex: new RegExp(
      String.raw`${START}(?:${CMP}\s*)?(${NUM})(?:${SEP}(${NUM}))?\s*(dB\b|[GT]FLOPs\b|bpp\b|比特|bits?\b|秒|小时|分钟|ms\b|毫秒|项|个token)(?![0-9A-Za-z])`,
      'g',
    ),
    unit: (m) => UNIT_NAMES[m[3]] ?? m[3],
    kind: 'quantity',
    groups: [1, 2],
  },
  {
    // AP50 35.7, BLEU 30.1, PSNR 32.5
    mayMatch: /AP|F1|BLEU|ROUGE|PSNR|SSIM|FID|EM|Dice|mIoU|CCC|CIDEr|Top-/,
    regex: new RegExp(
      String.raw`\b(?:m?AP\d*|F1|BLEU|ROUGE(?:-\w+)?|PSNR|SSIM|FID|EM|Dice|mIoU|CCC|CIDEr|Top-[15])\s*(?:分数|score)?\s*(?:of|为|达到?|=|:)?\s*(${NUM})(?![\d.%倍×xX]|\s*(?:达到?|为|of|:)?\s*\d)`,
      'g',
    ),
    unit: '',
    kind: 'score',
    groups: [1, 0],
  },
  {
    // +4.30, 4.5/5, 提升39.2, 从19.9到59.1
    mayMatch: /[+＋/]|提升|提高|增加|改善|到/,
    regex: new RegExp(
      String.raw`(?:[+＋]|(?<=提升|提高|增加|改善|从\s*(?:${NUM})\s*(?:提升|提高)?到\s*))(${NUM})(?![\d.%％倍×xX个]|\s*(?:${TIMES}|倍|%|个|tokens|FPS|dB))|${START}(\d(?:\.\d+)?)\s*/\s*(?:5|10|100)(?![\d.])`,
      'g',
    ),
    unit: (m) => (m[2] !== undefined ? `/${m[0].split('/')[1].trim()}` : ''),
    kind: 'score',
    groups: [1, 2],
  },
];

/** Units as the text writes them → as the model names them. */
const UNIT_NAMES: Record<string, string> = {
  比特: 'bit',
  bits: 'bit',
  秒: 's',
  毫秒: 'ms',
  小时: 'h',
  分钟: 'min',
  项: 'items',
  个token: 'tokens',
};

function parseValue(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text in CHINESE_DIGITS) return CHINESE_DIGITS[text];
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** How far from a number, in characters, the words that say what it is may stand. */
const NEAR = 24;
const CLAUSE_BREAK = /[，。；;、（）()\n]|且|并|及|, | and /;
/** Breaks before a number: a clause break, or the verb that opens the results. */
const BREAK_BEFORE = new RegExp(`${CLAUSE_BREAK.source}|达成了|达成|实现了|achieving `, 'g');

/**
 * Where the clause around `text[start, end)` begins and ends ("…、速度提升2.15倍的效果、…"),
 * looking at most `reach` characters either side.
 */
function clauseAround(text: string, start: number, end: number, reach = Infinity): { from: number; to: number } {
  const windowStart = Math.max(0, start - reach);
  let from = windowStart;
  for (const m of text.slice(windowStart, start).matchAll(BREAK_BEFORE)) from = windowStart + m.index + m[0].length;
  const after = text.slice(end, Math.min(text.length, end + reach));
  const to = after.search(CLAUSE_BREAK);
  return { from, to: to < 0 ? end + after.length : end + to };
}

/**
 * Finds the headline numbers of a brief. Only `text` from `from` on is searched, so that
 * numbers in the paper's title or the institution's name are not taken for results.
 */
export function findHeadlineNumbers(text: string, from = 0): FoundNumber[] {
  const found: FoundNumber[] = [];
  const scope = text.slice(from);
  for (const pattern of PATTERNS) {
    if (!pattern.mayMatch.test(scope)) continue;
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(scope); m; m = pattern.regex.exec(scope)) {
      const first = parseValue(m[pattern.groups[0]] ?? m[pattern.groups[1]]);
      const second =
        pattern.groups[0] && m[pattern.groups[0]] !== undefined ? parseValue(m[pattern.groups[1]]) : undefined;
      if (first === undefined || (first === 0 && !second)) continue;
      const matchText = m[0].trim();
      const offset = from + m.index + (m[0].length - m[0].trimStart().length);
      // The words that type a number stand close to it, in its clause.
      const clause = clauseAround(text, offset, offset + matchText.length, NEAR);
      const before = text.slice(clause.from, offset);
      const after = text.slice(offset + matchText.length, clause.to);
      const kind = typeof pattern.kind === 'function' ? pattern.kind(before, after) : pattern.kind;
      const value = second !== undefined ? Math.max(first, second) : first;
      const low = second !== undefined ? Math.min(first, second) : undefined;
      found.push({
        kind,
        value,
        ...(low !== undefined ? { low } : {}),
        unit: typeof pattern.unit === 'function' ? pattern.unit(m) : pattern.unit,
        text: matchText,
        offset,
      });
    }
  }
  return dropOverlaps(found);
}

/** Keeps the earliest, then longest, of numbers whose texts overlap. */
function dropOverlaps(numbers: FoundNumber[]): FoundNumber[] {
  numbers.sort((a, b) => a.offset - b.offset || b.text.length - a.text.length);
  const kept: FoundNumber[] = [];
  let end = -1;
  for (const n of numbers) {
    if (n.offset < end) continue;
    kept.push(n);
    end = n.offset + n.text.length;
  }
  return kept;
}

const KIND_STRENGTH: readonly HeadlineNumberKind[] = [
  'speedup',
  'throughput',
  'reduction',
  'improvement',
  'accuracy',
  'points',
  'ratio',
  'score',
  'quantity',
];

type Comparable = Pick<HeadlineNumber, 'kind' | 'value' | 'unit'>;

/**
 * A number on the scale its kind is compared on: a speedup of 50% is 1.5×, a reduction by 4×
 * is a 75% reduction. Numbers of one kind but on other scales (dB and seconds) are not compared by value.
 */
function onCommonScale(n: Comparable): { scale: string; value: number } {
  if (n.kind === 'speedup' && n.unit === '%') return { scale: '×', value: 1 + n.value / 100 };
  if (n.kind === 'reduction' && n.unit === '×' && n.value >= 1) return { scale: '%', value: 100 * (1 - 1 / n.value) };
  return { scale: n.unit, value: n.value };
}

/** Orders numbers from the strongest result: by kind (speedups first), then larger values on one scale. */
export function compareStrength(a: Comparable, b: Comparable): number {
  const kinds = KIND_STRENGTH.indexOf(a.kind) - KIND_STRENGTH.indexOf(b.kind);
  if (kinds) return kinds;
  const x = onCommonScale(a);
  const y = onCommonScale(b);
  return x.scale === y.scale ? y.value - x.value : x.scale < y.scale ? -1 : 1;
}

export function strongestNumber<T extends Comparable>(numbers: readonly T[]): T | undefined {
  return numbers.reduce<T | undefined>((best, n) => (!best || compareStrength(n, best) < 0 ? n : best), undefined);
}

/** The words of the brief a number stands in, from the last clause break before it to the next one after ("速度提升2.15倍的效果"). */
export function numberPhrase(brief: string, number: Pick<HeadlineNumber, 'offset' | 'text'>): string {
  const { from, to } = clauseAround(brief, number.offset, number.offset + number.text.length);
  return brief.slice(from, to).trim();
}

/** "2.15×", "50–70%", "10.2 pp", "1100 tokens/s". */
export function formatNumber(number: Pick<HeadlineNumber, 'value' | 'low' | 'unit'>): string {
  const value = number.low !== undefined ? `${number.low}–${number.value}` : String(number.value);
  return ['×', '%'].includes(number.unit) || number.unit === '' ? `${value}${number.unit}` : `${value} ${number.unit}`;
}
