import type { HeadlineNumber, HeadlineNumberKind } from './model';

/** A headline number before it is placed in the document. */
export type FoundNumber = Omit<HeadlineNumber, 'line' | 'column'>;

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SEP = String.raw`\s*(?:-|–|—|~|～|至|到|→|->)\s*`;
const CMP = String.raw`[<>≤≥≈∼~＜＞]`;
/**
 * A number must not continue an identifier such as H800, Qwen2.5 or SDXL/2 ("16.67倍/22倍" is two numbers).
 * The lookahead first lets the regular expression skip text that cannot start a number, quickly.
 */
const START = String.raw`(?=[\d<>≤≥≈∼~＜＞+＋])(?<![A-Za-z0-9.\-_])(?<![A-Za-z0-9]/)`;
const TIMES = String.raw`[×xX]`;
const CHINESE_NUMBER = '[一二两三四五六七八九十]';
/** Names of metrics whose value is a bare number: "SSIM 0.796", "39.0 mAP", "F1分数0.46". */
const METRIC = String.raw`m?AP(?:@?\.?\d+)?|F1|BLEU|ROUGE(?:-\w+)?|PSNR|SSIM|LPIPS|FID|FVD|EM|Dice|m?IoU|CCC|CIDEr|Top-[15]|AUC|AUROC|CSI|METEOR|WER|CER|PPL|NDCG|MRR|MAE|MSE|RMSE|SRCC|PLCC|(?:min)?ADE|FDE|Pearson|Spearman|Kappa`;

interface Pattern {
  /** A cheap test that the text may hold a match, checked before the regular expression runs. */
  readonly mayMatch: RegExp;
  readonly regex: RegExp;
  /** The normalised unit, or a function that reads it from the match. */
  readonly unit: string | ((match: RegExpExecArray) => string);
  /** The kind, or a function that reads it from the words around the number. */
  readonly kind: HeadlineNumberKind | ((before: string, after: string) => HeadlineNumberKind);
  /** Which groups hold the value (or a range's low end) and a range's high end (0: none). */
  readonly groups: readonly [number, number];
  /** Reads a value the digits do not spell ("减半" is 50%). */
  readonly value?: (match: RegExpExecArray) => number;
  /** Whether the words around the match make it a result; without it, every match is one. */
  readonly isResult?: (before: string, text: string, after: string, continuesList: boolean) => boolean;
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
  // exec loops, not matchAll, which builds a new regular expression each call.
  set.regex.lastIndex = 0;
  for (let m = set.regex.exec(before); m; m = set.regex.exec(before)) {
    best = cueOf(m);
    distance = before.length - m.index - m[0].length;
  }
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

/** Words after which a number is the baseline a result is compared with, not the result ("从26 FPS提升至45 FPS"). */
const BASELINE = /(?:从|基线|baseline|vs\.?|versus|竞品|相比|对比)\s*(?:的|为|of)?\s*约?\s*$/i;
/** Verbs that state a result: "降至15.4", "增加0.09", "达0.9187". */
const RESULT_VERB = /(?:达到?|为|至|到|提升|提高|增加|增长|降低|下降|减少|超过|\bto|\breach(?:es|ed|ing)?)\s*约?\s*$/;
const CHANGE_VERB = /(?:提升|提高|增加|增长|降低|下降|减少)\s*约?\s*$/;
const METRIC_BEFORE = new RegExp(
  String.raw`(?:${METRIC}|分数|得分|系数|Correlation|accuracy|score|perplexity|[∆Δ])\s*(?:[=:：]|分数|得分|值|为|达到?|至|of|is)?\s*$`,
  'i',
);
const METRIC_AFTER = /^[\u4e00-\u9fff]{0,3}率/;
/** Characters that make a number a count, date, size or condition: 32个, 2025年, 7亿, 为0.7时. */
const MEASURE_WORD = '[个项位年月日号次张台卡块种类维层步篇条亿万千百名人元秒分小天周轮代时]';
const YEAR = /^(?:19|20)\d\d$/;

/**
 * A number with no unit is a result when a metric names it or a verb states it ("F1分数0.46",
 * "降至15.4", "0.32碰撞率"), or when it continues a list of such numbers ("0.76、0.80"). Counts
 * ("32个") and identifiers never reach here: the pattern stops at a unit or a letter.
 */
function isBareResult(before: string, text: string, after: string, continuesList: boolean): boolean {
  if (text.includes('±') || continuesList) return true;
  // "AP 0.5达35.8%": the number qualifies a metric whose value follows.
  if (/^\s*(?:达到?|为|of|:)?\s*\d/.test(after)) return false;
  const digits = text.replace(/^\D+/, '');
  if (YEAR.test(digits)) return false;
  if (METRIC_BEFORE.test(before) || METRIC_AFTER.test(after)) return true;
  const decimal = /[./]/.test(digits);
  return (decimal && RESULT_VERB.test(before)) || CHANGE_VERB.test(before);
}

/** "8步内生成", "节省5层", "仅需49kB": a count or size is a result only when the words make it the saving. */
function isSavedAmount(before: string, _text: string, after: string): boolean {
  return (
    /(?:仅需?|只需?|节省|减少|减至|降至|压缩至|省去|跳过|only|to|within)\s*$/i.test(before) ||
    /^以?内(?![存核容部])/.test(after)
  );
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
    regex: new RegExp(`(${CHINESE_NUMBER})倍`, 'g'),
    unit: '×',
    kind: kindOfMultiplier,
    groups: [1, 0],
  },
  {
    // 四个数量级: four orders of magnitude
    mayMatch: /数量级/,
    regex: new RegExp(`(${CHINESE_NUMBER}|\\d+)个数量级`, 'g'),
    unit: '×',
    kind: kindOfMultiplier,
    groups: [1, 0],
    value: (m) => 10 ** (parseValue(m[1]) ?? 0),
  },
  {
    // 推理时间减半, 节省约一半GPU成本
    mayMatch: /半/,
    regex: /减半|(?<=(?:降低|减少|缩短|节省|降至|减至)约?)一半/g,
    unit: '%',
    kind: 'reduction',
    groups: [0, 0],
    value: () => 50,
  },
  {
    // 48%, +2%, <5%, 50%-70%, 5-17%, 0.4-0.5%, 58%→67%
    mayMatch: /[%％]/,
    regex: new RegExp(String.raw`${START}(?:[+＋]|${CMP}\s*)?(${NUM})\s*%?(?:${SEP}(${NUM}))?\s*[%％]`, 'g'),
    unit: '%',
    kind: kindOfPercent,
    groups: [1, 2],
  },
  {
    // 10.2个百分点, 1个点, 3点, 3 percentage points
    mayMatch: /点|percentage|pp\b/,
    regex: new RegExp(
      String.raw`${START}(${NUM})\s*(?:个百分点|个点|百分点|点(?![云阵数])|percentage points?|pp\b)`,
      'g',
    ),
    unit: 'pp',
    kind: 'points',
    groups: [1, 0],
  },
  {
    // 1100+ tokens/秒, 8 FPS, 96 QPS, 100 TPS, 50k pairs per second, 8.8 WSIs/分钟
    mayMatch: /[/每]|per\s|FPS|fps|QPS|TPS/,
    regex: new RegExp(
      String.raw`${START}(${NUM}[kKM]?)\+?\s*(?:(?:([A-Za-z]+|帧)\s*(?:/|每|per\s+)\s*(?:秒|s\b|sec\b|second\b|分钟|min\b))|(FPS|fps|QPS|TPS)\b|(帧/秒|帧每秒))`,
      'g',
    ),
    unit: (m) => {
      const per = /分钟|min/.test(m[0]) ? 'min' : 's';
      if (m[3] || m[4]) return m[4] ? 'FPS' : m[3].toUpperCase();
      const items = /^(?:帧|frames?)$/i.test(m[2]) ? 'frames' : /^(?:tokens?|tok)$/i.test(m[2]) ? 'tokens' : m[2];
      return `${items}/${per}`;
    },
    kind: 'throughput',
    groups: [1, 0],
  },
  {
    // 0.17秒/图, 0.006 USD/千图, 0.70美元/百万输出tokens: a cost or time per item
    mayMatch: /\//,
    regex: new RegExp(
      String.raw`${START}(${NUM})\s*(秒|毫秒|ms|s|USD|美元|元|J|mJ)\s*/\s*(?:[\u4e00-\u9fff]{1,6}[A-Za-z]*|[A-Za-z]+)`,
      'g',
    ),
    unit: (m) => m[0].slice(m[0].indexOf(m[2])).replace(/\s+/g, ''),
    kind: 'quantity',
    groups: [1, 0],
  },
  {
    // 5.79dB, 4.46 GFLOPs, 51.1M FLOPs, 18 bpp, 4比特, 240秒, 1小时, 30天, 32项, 47个token, 0.993px, 3.36°
    mayMatch: /dB|FLOPs|bpp|比特|bit|秒|小时|分钟|天|ms|项|个token|px|°/,
    regex: new RegExp(
      String.raw`${START}(?:${CMP}\s*)?(${NUM})(?:${SEP}(${NUM}))?\s*(dB\b|[MGT]?\s?FLOPs\b|bpp\b|比特|bits?\b|秒|小时|分钟|天|ms\b|毫秒|项|个token|px\b|°)(?![0-9A-Za-z/])`,
      'g',
    ),
    unit: (m) => UNIT_NAMES[m[3]] ?? m[3].replace(/\s/g, ''),
    kind: 'quantity',
    groups: [1, 2],
  },
  {
    // 8步内生成, 节省5层, 仅需49kB
    mayMatch: /步|层|step|layer|[kKMG]B\b/,
    regex: new RegExp(String.raw`${START}(${NUM})\s*(步|层|steps?\b|layers?\b|[kKMG]B\b)`, 'g'),
    unit: (m) => UNIT_NAMES[m[2]] ?? m[2],
    kind: 'quantity',
    groups: [1, 0],
    isResult: isSavedAmount,
  },
  {
    // AP50 35.7, SSIM 0.796, AP@.5>0.85, FPS>30: a metric's name, a space or a comparison, its value
    mayMatch: /[A-Z]/,
    regex: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?:${METRIC}|FPS)(?:\s+|\s*[<>≤≥]\s*)(${NUM})(?![\d.%％倍×xX]|/\d|\s*(?:达到?|为|of|:)?\s*\d)`,
      'g',
    ),
    unit: '',
    kind: 'score',
    groups: [1, 0],
  },
  {
    // 39.0 mAP, 47.1 mIoU, 1.08 minADE: the value, then the metric's name (each starts with A-Z or m)
    mayMatch: /\d\s+[A-Zm]/,
    regex: new RegExp(String.raw`${START}(${NUM})\s+(?:${METRIC})(?![A-Za-z0-9])`, 'g'),
    unit: '',
    kind: 'score',
    groups: [1, 0],
  },
  {
    // +4.30, +10.1
    mayMatch: /[+＋]/,
    regex: new RegExp(String.raw`[+＋](${NUM})(?![\d.%％倍×xX个]|\s*(?:${TIMES}|倍|%|个|tokens|FPS|dB))`, 'g'),
    unit: '',
    kind: 'score',
    groups: [1, 0],
  },
  {
    // 4.5/5, 8/10: a rating on a scale
    mayMatch: /\//,
    regex: new RegExp(String.raw`${START}(\d(?:\.\d+)?)\s*/\s*(5|10|100)(?![\d.])`, 'g'),
    unit: (m) => `/${m[2]}`,
    kind: 'score',
    groups: [1, 0],
  },
  {
    // F1分数0.46, Dice=0.855, 降至15.4, 0.32碰撞率, 0.285±0.015, 0.734/0.761, < 0.07
    mayMatch: /\d/,
    regex: new RegExp(
      String.raw`${START}(?:${CMP}\s*)?(${NUM})(?:\s*±\s*(?:${NUM})|/(?:${NUM}))?(?![\d.]|,\d|\s*[%％×倍]|[A-Za-z_\-+]|${MEASURE_WORD})`,
      'g',
    ),
    unit: '',
    kind: 'score',
    groups: [1, 0],
    isResult: isBareResult,
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
  天: 'd',
  项: 'items',
  个token: 'tokens',
  步: 'steps',
  step: 'steps',
  层: 'layers',
  layer: 'layers',
};

/** "50k pairs per second". */
const SCALE_SUFFIXES: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6 };

function parseValue(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text.length === 1 && text in CHINESE_DIGITS) return CHINESE_DIGITS[text];
  const suffix = SCALE_SUFFIXES[text[text.length - 1]];
  const digits = suffix ? text.slice(0, -1) : text;
  const value = Number(digits.includes(',') ? digits.replaceAll(',', '') : digits) * (suffix ?? 1);
  return Number.isFinite(value) ? value : undefined;
}

/** How far from a number, in characters, the words that say what it is may stand. */
const NEAR = 24;
/** What stands between the items of a list of numbers: "0.76、0.80和0.85". */
const LIST_SEPARATOR = /^\s*(?:[、，,]|和|与|及)\s*$/;
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
  const window = text.slice(windowStart, start);
  BREAK_BEFORE.lastIndex = 0;
  for (let m = BREAK_BEFORE.exec(window); m; m = BREAK_BEFORE.exec(window)) from = windowStart + m.index + m[0].length;
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
    let previousEnd = -1;
    // List items whose clause ended right after them: the words after the list may say what they are.
    let waiting: { number: FoundNumber; before: string }[] = [];
    for (let m = pattern.regex.exec(scope); m; m = pattern.regex.exec(scope)) {
      const [lowGroup, highGroup] = pattern.groups;
      const first = pattern.value ? pattern.value(m) : parseValue(m[lowGroup]);
      const second = highGroup ? parseValue(m[highGroup]) : undefined;
      if (first === undefined || (first === 0 && !second)) continue;
      const matchText = m[0].trim();
      const offset = from + m.index + (m[0].length - m[0].trimStart().length);
      const end = offset + matchText.length;
      // A number another pattern has read needs no second reading ("SSIM 0.796" holds 0.796).
      if (pattern.isResult && found.some((n) => n.offset < end && offset < n.offset + n.text.length)) continue;
      // The words that type a number stand close to it, in its clause.
      const clause = clauseAround(text, offset, end, NEAR);
      const before = text.slice(clause.from, offset);
      const after = text.slice(end, clause.to);
      const continuesList = previousEnd >= 0 && LIST_SEPARATOR.test(text.slice(previousEnd, offset));
      if (BASELINE.test(before) || (pattern.isResult && !pattern.isResult(before, matchText, after, continuesList)))
        continue;
      previousEnd = end;
      const kind = typeof pattern.kind === 'function' ? pattern.kind(before, after) : pattern.kind;
      if (!continuesList) waiting = [];
      // "1.44%及0.35%的精度提升": the cue after the last item types the items before it too.
      if (typeof pattern.kind === 'function' && after.trim()) {
        for (const item of waiting) item.number.kind = pattern.kind(item.before, after);
        waiting = [];
      }
      const value = second !== undefined ? Math.max(first, second) : first;
      const low = second !== undefined ? Math.min(first, second) : undefined;
      const number: FoundNumber = {
        kind,
        value,
        ...(low !== undefined ? { low } : {}),
        unit: typeof pattern.unit === 'function' ? pattern.unit(m) : pattern.unit,
        text: matchText,
        offset,
      };
      found.push(number);
      if (!after.trim()) waiting.push({ number, before });
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
