/**
 * One name per institution across reports and languages: "华为", "Huawei Technologies" and
 * "Huawei Noah's Ark Lab" are Huawei; "清华大学" is Tsinghua University; "School of
 * Computer Science, Peking University" is Peking University. Rules remove what every
 * report adds (departments, cities, "The", acronyms in brackets); the alias table, built
 * from the corpus and shipped, plus the user's own, joins what no rule can (languages,
 * brands, spellings).
 */

/** The shipped table's shape (src/library/institutionAliases.generated.json). */
export interface InstitutionAliasTable {
  /** Canonical brand name → names it starts (any name starting with one of them is the brand). */
  readonly brands: Readonly<Record<string, readonly string[]>>;
  /** Any spelling → canonical name. */
  readonly aliases: Readonly<Record<string, string>>;
}

/** A normalised institution: its key (for grouping) and the name to show. */
export interface InstitutionName {
  readonly key: string;
  readonly name: string;
}

/** Sub-units that are noise on their own and dropped when their parent is named. */
const DEPARTMENT =
  /^(?:the\s+)?(?:(?:school|department|dept\.?|faculty|college|division|centre|center|graduate school|program|unit)\b|(?:[\w&-]+\s+){0,4}(?:department|school|faculty)$)/i;
/** Words that make a name an organisation in its own right, so that of "unit, parent" the parent is kept. */
const ORGANISATION =
  /\b(?:universit(?:y|ies|é|à|at|ät)|institute|institut|academy|laborator(?:y|ies)|labs?|inc|ltd|corporation|company|group|hospital|ministry|cnrs|inria)\b/i;
/** A department after its university in one name: "Peking University School of Computer Science". */
const TRAILING_DEPARTMENT =
  /^(.*\b(?:University|Institute of Technology))\s+(?:School|Department|Dept\.?|Faculty|College)\b.*$/;
/** Cities the generator appends to a name ("Tsinghua University Beijing"). */
const CITIES = [
  'Beijing',
  'Shanghai',
  'Shenzhen',
  'Guangzhou',
  'Hangzhou',
  'Chengdu',
  'Nanjing',
  'Wuhan',
  'Tianjin',
  "Xi'an",
  'Hefei',
  'Harbin',
  'Dalian',
  'Singapore',
  'Seoul',
  'Tokyo',
  'London',
  'Paris',
  'Cambridge',
  'New Haven',
  'Seattle',
  'Philadelphia',
  'Houston',
  'Chicago',
  'Gurgaon',
  'Tehran',
  'Dehradun',
  'Yorktown Heights',
  'Redmond',
  'Toronto',
  'Warsaw',
  'Raleigh',
  'Fairfax',
  'Wuxi',
  'Barcelona',
];
const TRAILING_CITY = new RegExp(`^(.*\\S)\\s+(?:${CITIES.map((c) => c.replace(/'/g, "[''’]")).join('|')})$`);
/** A Chinese unit inside its university or academy: 武汉大学电子信息学院, 中国科学院计算技术研究所. */
const CHINESE_SUBUNIT = /^(.+?大学|中国科学院)(?!.*大学).+?(?:学院|系|研究所|研究院|实验室|中心|所)$/;
const CONNECTIVE_END = /\b(?:of|at|the|and|for|de)$/i;

/** Folds case, widths, spacing, punctuation and a leading "The" into a key: spellings of one name meet. */
export function institutionKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The institution a raw name stands for, before aliases: departments, cities, "The" and a
 * bracketed acronym removed. `undefined` for a department named without its institution.
 */
export function cleanInstitution(raw: string): string | undefined {
  let name = raw
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    // Words hyphenated across a PDF line: "Telecom- munications", "Brain- Inspired", "Wisconsin -Madison".
    .replace(/(\p{Ll})- (\p{Ll})/gu, '$1$2')
    .replace(/(\p{L}) ?- ?(\p{Lu})/gu, '$1-$2')
    .replace(/等(?:机构|单位)?$/, '')
    .replace(/^[\s"'“”‘’]+|[\s"'“”‘’.,;:]+$/g, '');
  if (!name) return undefined;
  const parts = name.split(/\s*,\s*/).filter(Boolean);
  const kept = parts.filter((p) => !DEPARTMENT.test(p) && !CITIES.includes(p));
  if (!kept.length) return undefined;
  const organisations = kept.filter((p) => ORGANISATION.test(p));
  // "Institute of Computing Technology, Chinese Academy of Sciences": the parent comes last.
  name = organisations.length > 1 ? organisations[organisations.length - 1] : kept.join(', ');
  name = name.replace(TRAILING_DEPARTMENT, '$1');
  name = withoutTrailingCity(name);
  name = name.replace(/^The\s+/, '');
  // "Korea Advanced Institute of Science and Technology (KAIST)": the acronym is an alias.
  name = name.replace(/\s*\((?:[A-Z][\w*-]*|[A-Z][\w*-]*\s?\([A-Z]+\))\)$/, '');
  name = name.replace(CHINESE_SUBUNIT, '$1');
  return name || undefined;
}

/** "Tsinghua University Beijing" → "Tsinghua University"; "Clemson University Clemson" → "Clemson University". */
function withoutTrailingCity(name: string): string {
  const city = TRAILING_CITY.exec(name);
  if (city && !CONNECTIVE_END.test(city[1])) return city[1];
  const words = name.split(' ');
  const last = words[words.length - 1];
  if (words.length > 2 && words.slice(0, -2).includes(last) && ORGANISATION.test(words[words.length - 2]))
    return words.slice(0, -1).join(' ');
  return name;
}

/** Splits a brief's institution phrase ("天津大学、大连交通大学", "CEA与Université Paris-Saclay") into names. */
export function splitInstitutionPhrase(phrase: string): string[] {
  return phrase
    .replace(/等(?:机构|单位)?$/, '')
    .split(/\s*(?:[、,，;；]|与|和|及|以及|\band\b)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Normalises names with the shipped table and the user's aliases (which win). Results are
 * cached per raw name: a library holds the same few thousand names many times.
 */
export class InstitutionNames {
  private readonly aliases = new Map<string, string>();
  private readonly brands: { prefix: string; name: string }[] = [];
  private readonly cache = new Map<string, InstitutionName | null>();

  constructor(table: InstitutionAliasTable, userAliases: Readonly<Record<string, string>> = {}) {
    for (const [name, prefixes] of Object.entries(table.brands))
      for (const prefix of prefixes) this.brands.push({ prefix: prefix.normalize('NFKC').toLowerCase(), name });
    // Longer prefixes first: "Ant Group" before "Ant".
    this.brands.sort((a, b) => b.prefix.length - a.prefix.length);
    for (const [alias, name] of [...Object.entries(table.aliases), ...Object.entries(userAliases)])
      this.aliases.set(institutionKey(alias), name);
  }

  /** The institution a raw name stands for; `undefined` for a department alone or an empty name. */
  normalize(raw: string): InstitutionName | undefined {
    let known = this.cache.get(raw);
    if (known === undefined) this.cache.set(raw, (known = this.resolve(raw) ?? null));
    return known ?? undefined;
  }

  /** The distinct institutions of a list of raw names, in order. */
  normalizeAll(raws: readonly string[]): InstitutionName[] {
    const seen = new Map<string, InstitutionName>();
    for (const raw of raws) {
      const name = this.normalize(raw);
      if (name && !seen.has(name.key)) seen.set(name.key, name);
    }
    return [...seen.values()];
  }

  private resolve(raw: string): InstitutionName | undefined {
    const direct = this.aliases.get(institutionKey(raw));
    if (direct) return { key: institutionKey(direct), name: direct };
    const cleaned = cleanInstitution(raw);
    if (!cleaned) return undefined;
    const key = institutionKey(cleaned);
    if (!key) return undefined;
    const alias = this.aliases.get(key);
    const lower = cleaned.toLowerCase();
    const brand = alias ? undefined : this.brands.find((b) => startsWithWord(lower, b.prefix));
    const name = alias ?? brand?.name ?? cleaned;
    return { key: institutionKey(name), name };
  }
}

/** Whether `text` starts with the word(s) `prefix`: "intel labs" does, "intelligent systems" does not; 华为诺亚 starts with 华为. */
function startsWithWord(text: string, prefix: string): boolean {
  if (!text.startsWith(prefix)) return false;
  const next = text.charAt(prefix.length);
  return !next || !/[a-z0-9]/i.test(next) || !/[a-z0-9]$/i.test(prefix);
}
