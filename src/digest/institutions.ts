import type { Institution } from './model';

/**
 * Splits an institutions line into institutions. Names are separated by `;`, `；` or `、`
 * (never part of a name) and, inside those pieces, by commas, which names contain too:
 * "Futurewei Technologies, Inc." and "Agency for Science, Technology and Research" stay
 * whole, "Tsinghua University, Beijing" is not split. A department, school or college is
 * not an institution: it is kept with its university.
 */

// Bare separators: pieces are trimmed after, as a pattern with \s* around them is quadratic on long runs of spaces.
const SEPARATOR = /[;；、]/;
const COMMA = /[,，]/;
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
  const owners = ownersOf(names);
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
 * For each name, the index of the institution it belongs to (its own for an institution). A
 * unit belongs to the nearest university on the line or, failing one, the nearest
 * institution; at equal distance to the one after it when the line starts with a unit
 * ("School of X, University A"), else to the one before ("University A, School of X").
 * An institute belongs only to a university. Linear in the names, for lines of any length.
 */
function ownersOf(names: readonly string[]): number[] {
  const isUniversity = names.map((name) => UNIVERSITY.test(name));
  const isUnit = names.map((name, i) => !isUniversity[i] && UNIT.test(name));
  const isInstitution = names.map((name, i) => isUniversity[i] || !(isUnit[i] || INSTITUTE.test(name)));
  const preferNext = names.length > 0 && !isInstitution[0];
  const universities = nearestOf(isUniversity);
  const institutions = nearestOf(isInstitution);
  return names.map((_, i) => {
    if (isInstitution[i]) return i;
    const owner =
      closer(i, universities[i], preferNext) ?? (isUnit[i] ? closer(i, institutions[i], preferNext) : undefined);
    return owner ?? i;
  });
}

/** For each index, the nearest index before and after it where `fits` holds. */
function nearestOf(fits: readonly boolean[]): { before?: number; after?: number }[] {
  const nearest: { before?: number; after?: number }[] = fits.map(() => ({}));
  let last: number | undefined;
  for (let i = 0; i < fits.length; i++) {
    nearest[i].before = last;
    if (fits[i]) last = i;
  }
  last = undefined;
  for (let i = fits.length - 1; i >= 0; i--) {
    nearest[i].after = last;
    if (fits[i]) last = i;
  }
  return nearest;
}

function closer(i: number, { before, after }: { before?: number; after?: number }, preferNext: boolean) {
  if (before === undefined || after === undefined) return before ?? after;
  const [distanceBefore, distanceAfter] = [i - before, after - i];
  if (distanceBefore !== distanceAfter) return distanceBefore < distanceAfter ? before : after;
  return preferNext ? after : before;
}
