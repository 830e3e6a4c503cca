import { cleanInstitution, InstitutionNames, institutionKey, splitInstitutionPhrase } from './institutionNames';
import type { InstitutionAliasTable } from './institutionNames';

/** What one paper says of its institutions: the brief's phrase (often Chinese) and the details' names. */
export interface InstitutionEvidence {
  readonly phrase: string;
  readonly names: readonly string[];
}

const CJK = /[\u3400-\u9fff]/;
const ALL_CJK = /^[\u3400-\u9fff]+$/;
/** "… (KAIST)": three to ten letters, two or more capitals, not a company suffix. */
const ACRONYM = /^(.*\S)\s*\(((?=(?:[^A-Z]*[A-Z]){2})[A-Za-z*&-]{3,10})\)$/;
const CORPORATE_SUFFIX = /^(?:LTD|INC|LLC|CORP|GMBH|PLC)$/i;
/** Words that name no institution on their own: a candidate made only of them is a fragment. */
const GENERIC_WORDS = new Set(['university', 'of', 'the', 'and', 'science', 'technology', 'institute', 'engineering']);
const specific = (name: string) => name.split(/\s+/).some((w) => !GENERIC_WORDS.has(w.toLowerCase()));

/**
 * Builds the shipped alias table from the reviewed seeds and what the corpus shows:
 * - spellings of one name (same key) join its most frequent spelling;
 * - an acronym in brackets ("… (KAIST)") names the institution it follows;
 * - a Chinese name in briefs names the English institution its papers' details most often
 *   list (at least twice and in most of its papers, or its only paper lists only that one).
 * Seeds win over anything derived.
 */
export function deriveAliasTable(papers: readonly InstitutionEvidence[], seeds: InstitutionAliasTable) {
  const names = new InstitutionNames(seeds);
  const derived: Record<string, string> = {};

  const spellings = new Map<string, Map<string, number>>();
  for (const paper of papers) {
    for (const raw of paper.names) {
      const acronym = ACRONYM.exec(raw.trim());
      const normalized = names.normalize(raw);
      if (acronym && normalized && !CORPORATE_SUFFIX.test(acronym[2])) derived[acronym[2]] = normalized.name;
      const cleaned = cleanInstitution(raw);
      if (!cleaned || !normalized || normalized.key !== institutionKey(cleaned)) continue;
      const forms = spellings.get(normalized.key) ?? new Map<string, number>();
      forms.set(cleaned, (forms.get(cleaned) ?? 0) + 1);
      spellings.set(normalized.key, forms);
    }
  }
  for (const forms of spellings.values()) {
    if (forms.size < 2) continue;
    const [best] = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    for (const form of forms.keys()) if (form !== best) derived[form] = best;
  }

  const votes = new Map<string, { papers: number; sole: boolean; counts: Map<string, number> }>();
  for (const paper of papers) {
    const chinese = splitInstitutionPhrase(paper.phrase).filter((n) => ALL_CJK.test(n));
    const english = names.normalizeAll(paper.names).filter((n) => !CJK.test(n.name) && specific(n.name));
    for (const raw of chinese) {
      const cleaned = cleanInstitution(raw);
      if (!cleaned || !CJK.test(names.normalize(cleaned)?.name ?? '')) continue;
      const entry = votes.get(cleaned) ?? { papers: 0, sole: false, counts: new Map() };
      entry.papers++;
      entry.sole ||= chinese.length === 1 && english.length === 1;
      for (const n of english) entry.counts.set(n.name, (entry.counts.get(n.name) ?? 0) + 1);
      votes.set(cleaned, entry);
    }
  }
  for (const [chinese, { papers: count, sole, counts }] of votes) {
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (!best || (second && second[1] === best[1])) continue;
    if ((best[1] >= 2 && best[1] * 2 > count) || (count === 1 && sole)) derived[chinese] = best[0];
  }

  const aliases = { ...derived, ...seeds.aliases };
  return {
    brands: seeds.brands,
    aliases: Object.fromEntries(Object.entries(aliases).sort(([a], [b]) => a.localeCompare(b))),
  } satisfies InstitutionAliasTable;
}
