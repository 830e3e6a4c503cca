import type { Institution } from './model';

/**
 * Splits an institutions line into institutions. Names are separated by `;`, `；` or `、`
 * (never part of a name) and, inside those pieces, by commas, which names contain too:
 * "Futurewei Technologies, Inc." and "Agency for Science, Technology and Research" stay
 * whole, "Tsinghua University, Beijing" is not split. A department, school or college is
 * not an institution: it is kept with its university.
 */

const SEPARATOR = /\s*[;；、]\s*/;
const COMMA = /\s*[,，]\s*/;
const CORPORATE_SUFFIX = /^(?:inc|ltd|llc|l\.l\.c|co|corp|corporation|gmbh|s\.a|plc|limited|ag|bv|lp)(?:\.|\b)/i;
const DANGLING_END = /\b(?:of|and|for|the|&|de|du|des|di|für)$/i;
const CONTINUATION_START = /^(?:and|&|of|for|the)\b|^[a-z]/;
/** A name that lists fields ("Agency for Science, Technology and Research"): one piece ends "for/of Field"… */
const FIELD_LIST_HEAD = /\b(?:for|of)\s+[A-Z][a-z]+$/;
/** …and the next reads "Field and Field". */
const FIELD_LIST_TAIL = /^[A-Z][a-z]+ and [A-Z]/;

/**
 * A part of a university: "Department of …", "School of …", "Dept. of …", "Computer Science
 * Department". One that names its university too ("Dept. of ECE North South University")
 * is read as that university.
 */
const UNIT =
  /^(?:the\s+)?(?:(?:graduate\s+)?school|college|department|dept|faculty|division)\.?\s*(?:of|for)\b|\bdepartment$/i;
/** "Institute of …" is a part of a university only beside one; elsewhere it is an institution of its own. */
const INSTITUTE = /^(?:the\s+)?institute\s+(?:of|for)\b/i;
/** What departments and institutes belong to. */
const UNIVERSITY = /universit|\buniv\b|institute of technology|polytechnic|academy of sciences|大学/i;

export function splitInstitutions(text: string): string[] {
  return readInstitutions(text).map((institution) => institution.name);
}

/** The institutions of a line, each with its departments, schools and colleges. */
export function readInstitutions(text: string): Institution[] {
  const names = text
    .trim()
    .split(SEPARATOR)
    .flatMap((piece) => joinContinuations(piece.split(COMMA)));
  const owners = names.map((_, i) => ownerOf(names, i));
  const units = new Map<number, string[]>();
  owners.forEach((owner, i) => {
    if (owner === i) units.set(i, []);
  });
  names.forEach((name, i) => {
    if (owners[i] !== i) units.get(owners[i])!.push(name);
  });
  return [...units].map(([i, own]) => ({ name: names[i], units: own }));
}

/** Comma-separated parts of one piece joined back where a name goes on after its comma. */
function joinContinuations(parts: string[]): string[] {
  const names: string[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    const previous = names[names.length - 1];
    if (previous !== undefined && continuesName(previous, part)) names[names.length - 1] = `${previous}, ${part}`;
    else names.push(part);
  }
  return names;
}

/** Whether the text after a comma is still part of the name before it. */
function continuesName(previous: string, part: string): boolean {
  return (
    CORPORATE_SUFFIX.test(part) ||
    CONTINUATION_START.test(part) ||
    DANGLING_END.test(previous) ||
    (FIELD_LIST_HEAD.test(previous) && FIELD_LIST_TAIL.test(part))
  );
}

/**
 * The index of the institution names[i] belongs to (i itself for an institution). A unit
 * belongs to the nearest university on the line or, failing one, the nearest institution;
 * at equal distance to the one after it when the line starts with a unit ("School of X,
 * University A"), else to the one before ("University A, School of X").
 */
function ownerOf(names: readonly string[], i: number): number {
  const isInstitution = (j: number) => UNIVERSITY.test(names[j]) || !(UNIT.test(names[j]) || INSTITUTE.test(names[j]));
  if (isInstitution(i)) return i;
  const isUniversity = (j: number) => UNIVERSITY.test(names[j]);
  const preferNext = !isInstitution(0);
  const owner =
    nearest(names.length, i, isUniversity, preferNext) ??
    (UNIT.test(names[i]) ? nearest(names.length, i, isInstitution, preferNext) : undefined);
  return owner ?? i;
}

function nearest(count: number, i: number, fits: (j: number) => boolean, preferNext: boolean): number | undefined {
  for (let distance = 1; distance < count; distance++) {
    const [first, second] = preferNext ? [i + distance, i - distance] : [i - distance, i + distance];
    if (first >= 0 && first < count && fits(first)) return first;
    if (second >= 0 && second < count && fits(second)) return second;
  }
  return undefined;
}
