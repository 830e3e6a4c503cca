// zod/mini, as in the model: the same schemas at a fraction of the bundle size.
import * as z from 'zod/mini';
import type { PackedTrends } from './wire';

const Day = z.string().check(z.regex(/^(?:\d{4}-\d{2}-\d{2})?$/));
const Id = z.string().check(z.maxLength(300));

export const TrendFilterMessage = z.object({
  from: z.optional(Day),
  to: z.optional(Day),
  technique: z.optional(Id),
  institution: z.optional(Id),
  bucket: z.enum(['day', 'week']),
});

/** A mark the user clicked: a bar segment, an institution's bar, or a leaderboard entry. */
export const Mark = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cell'), bucket: Day, technique: Id }),
  z.object({ kind: z.literal('institution'), technique: Id, institution: Id }),
  z.object({ kind: z.literal('paper'), paper: z.string().check(z.maxLength(5000)) }),
]);

/** 20 MB: a chart of thousands of bars, as a PNG at twice its size, stays well below. */
const MAX_IMAGE = 20 * 1024 * 1024;

/** Every message the page may send; anything else is ignored. */
export const FromPage = z.union([
  z.object({ type: z.literal('ready'), filter: z.optional(TrendFilterMessage) }),
  z.object({ type: z.literal('filter'), filter: TrendFilterMessage }),
  z.object({ type: z.literal('open'), mark: Mark }),
  z.object({ type: z.literal('exportCsv'), table: z.enum(['bars', 'institutions', 'leaderboards']) }),
  z.object({
    type: z.literal('exportImage'),
    format: z.literal('svg'),
    data: z.string().check(z.maxLength(MAX_IMAGE), z.regex(/^<svg[\s>]/)),
  }),
  z.object({
    type: z.literal('exportImage'),
    format: z.literal('png'),
    data: z.string().check(z.maxLength(MAX_IMAGE), z.regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)),
  }),
  /** The page drew a trends message: how long since it asked (or since the message came), for measurements. */
  z.object({ type: z.literal('rendered'), seq: z.int(), ms: z.number(), bars: z.int() }),
]);

export type TrendFilterMessage = z.infer<typeof TrendFilterMessage>;
export type Mark = z.infer<typeof Mark>;
export type FromPage = z.infer<typeof FromPage>;

/** The one message the extension sends: what to draw, and (the first time after the page loads) the words to draw it with. */
export interface TrendsMessage {
  readonly type: 'trends';
  /** Which message this is; the page's 'rendered' answer repeats it. */
  readonly seq: number;
  readonly trends: PackedTrends;
  readonly filter: TrendFilterMessage;
  /** Technique id → label, in the taxonomy's order. */
  readonly techniques?: readonly { id: string; label: string }[];
  readonly strings?: Readonly<Record<string, string>>;
}
