import * as z from 'zod/mini';
import type { LibraryEntry } from './library';

/** What the reader has recorded about one paper. Kept apart from the reports, which are never written. */
export interface PaperState {
  readonly read?: boolean;
  readonly starred?: boolean;
  readonly note?: string;
  /** The reader's technique for the paper, in place of the one Digest Lens read. */
  readonly technique?: string;
}

/** Reading state by entry key (LibraryEntry.key). */
export type ReadingStates = Readonly<Record<string, PaperState>>;

const PaperStateSchema = z.object({
  read: z.optional(z.boolean()),
  starred: z.optional(z.boolean()),
  note: z.optional(z.string()),
  technique: z.optional(z.string().check(z.regex(/^[a-z0-9-]+$/))),
});

/** The exported file: a version, so that a later layout can still read this one. */
const ExportedStates = z.object({
  format: z.literal(1),
  papers: z.record(z.string().check(z.minLength(1)), PaperStateSchema),
});

/** Reading state as an export file's JSON text. */
export function exportStates(states: ReadingStates): string {
  return JSON.stringify({ format: 1, papers: states }, null, 2) + '\n';
}

/** The states in an export file's text, or why it is not one. Never throws. */
export function parseExportedStates(text: string): { states: ReadingStates } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const parsed = ExportedStates.safeParse(json);
  return parsed.success ? { states: parsed.data.papers } : { error: z.prettifyError(parsed.error) };
}

/** `incoming` over `current`, field by field: an import adds and updates, and never drops a paper. */
export function mergeStates(current: ReadingStates, incoming: ReadingStates): Record<string, PaperState> {
  const merged: Record<string, PaperState> = { ...current };
  for (const [key, state] of Object.entries(incoming)) merged[key] = withoutEmpty({ ...current[key], ...state });
  return merged;
}

/** The state of an entry: stored under any of its keys, since an entry's main key can change as digests arrive. */
export function stateOf(states: ReadingStates, entry: Pick<LibraryEntry, 'key' | 'keys'>): PaperState {
  const found = Object.hasOwn(states, entry.key) ? states[entry.key] : undefined;
  return found ?? entry.keys.map((k) => (Object.hasOwn(states, k) ? states[k] : undefined)).find(Boolean) ?? {};
}

/** The states with `change` applied to an entry, stored under its main key, its other keys cleared. */
export function withState(
  states: ReadingStates,
  entry: Pick<LibraryEntry, 'key' | 'keys'>,
  change: PaperState,
): Record<string, PaperState> {
  const next: Record<string, PaperState> = { ...states };
  const state = withoutEmpty({ ...stateOf(states, entry), ...change });
  for (const key of entry.keys) delete next[key];
  delete next[entry.key];
  if (Object.keys(state).length) next[entry.key] = state;
  return next;
}

/** Drops fields that say nothing (false, an empty note, no technique), so an untouched paper stores nothing. */
function withoutEmpty(state: PaperState): PaperState {
  return Object.fromEntries(
    Object.entries(state).filter(([, value]) => value !== false && value !== '' && value !== undefined),
  );
}
