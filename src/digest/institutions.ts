/**
 * Splits an institutions line into names. The generator joins names with ", ", but names
 * contain commas too ("Futurewei Technologies, Inc.", "Agency for Science, Technology and
 * Research" stay whole; "University of X, Department of Y" are split where a reader would
 * split them, "Tsinghua University, Beijing" is not).
 */
const CORPORATE_SUFFIX = /^(?:inc|ltd|llc|l\.l\.c|co|corp|corporation|gmbh|s\.a|plc|limited|ag|bv|lp)(?:\.|\b)/i;
const DANGLING_END = /\b(?:of|and|for|the|&|de|du|des|di|für)$/i;
const CONTINUATION_START = /^(?:and|&|of|for|the)\b|^[a-z]/;
/** A name that lists fields ("Agency for Science, Technology and Research"): one piece ends "for/of Field"… */
const FIELD_LIST_HEAD = /\b(?:for|of)\s+[A-Z][a-z]+$/;
/** …and the next reads "Field and Field". */
const FIELD_LIST_TAIL = /^[A-Z][a-z]+ and [A-Z]/;

export function splitInstitutions(text: string): string[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  // Chinese and semicolon separators are never part of a name.
  const parts = trimmed.split(/\s*[;；、]\s*|\s*,\s*|\s*，\s*/);
  const names: string[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    const previous = names[names.length - 1];
    if (previous !== undefined && continuesName(previous, part)) {
      names[names.length - 1] = `${previous}, ${part}`;
    } else {
      names.push(part);
    }
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
