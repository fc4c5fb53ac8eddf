import { z } from 'zod';
import type { AggregateCell } from '../gap';
import type { CellLevel } from './cell-levels';
import { isoDateTimeSchema, scaledValueSchema, ticketRefSchema, type ScaledValue, type TicketRef } from '../model';

/*
 * The gap store: what the side panel reads instead of 100k raw records (issue 5, Performance).
 * Four tables, all derived from `assessments` and `csatRatings` and kept current by the DBCore
 * middleware in middleware.ts, in the same transaction as every write to those two tables:
 *
 * - gapState    one row: which time zone the cells are in, and that the store is built at all;
 * - gapCells    lib/gap's Aggregate, one row per (agent, local day): every metric's sums and counts;
 * - gapTickets  one row per ticket (matched, assessed only, rated only) with what the ticket list
 *               and the coverage lists show, indexed for paging by agent and time;
 * - gapReveals  an event log: a customer's verdict arrived for a ticket the agent had assessed.
 *
 * Everything but the reveals can be rebuilt from the raw tables at any time (rebuild.ts), which is
 * how a time-zone change, a version bump or a bookkeeping problem is handled.
 */

/**
 * Bump when the meaning or shape of a derived row changes: readers then rebuild the store.
 * 2: cells at three levels (day, week, month), see cell-levels.ts.
 */
export const GAP_STORE_VERSION = 2;

export const GAP_STATE_ID = 'state';

/** The tables added by schema version 2 (lib/db/db.ts), with their Dexie index specs. Released: never edit. */
export const GAP_STORE_STORES_V2 = {
  gapState: 'id',
  gapCells: 'key, agent',
  gapTickets: 'ticketKey, [kind+agent+at+ticketKey]',
  gapReveals: '++id',
} as const;

/** Schema version 4: cells at three levels, read by agent, level and period (window-cover.ts). */
export const GAP_STORE_STORES_V4 = {
  gapCells: 'key, [agent+level+day]',
} as const;

export type GapStoreTable = keyof typeof GAP_STORE_STORES_V2;
export const GAP_STORE_TABLES = Object.keys(GAP_STORE_STORES_V2) as GapStoreTable[];

/** The raw tables the store is derived from; a write to either is maintained by the middleware. */
export const RAW_TABLES = ['assessments', 'csatRatings'] as const;
export type RawTable = (typeof RAW_TABLES)[number];

/**
 * IndexedDB cannot index null, so "attributed to nobody" is stored as the empty string, which no
 * helpdesk uses as an agent id.
 */
export const NOBODY = '';
export const agentKeyOf = (agentId: string | null): string => agentId ?? NOBODY;
export const agentIdOf = (agentKey: string): string | null => (agentKey === NOBODY ? null : agentKey);

export const gapStateSchema = z.object({
  id: z.literal(GAP_STATE_ID),
  version: z.number().int().positive(),
  /** The IANA time zone the cells' local days are in. */
  timeZone: z.string().min(1),
  builtAt: isoDateTimeSchema,
});
export type GapState = z.infer<typeof gapStateSchema>;

const tallySchema = z.object({
  happyN: z.number(),
  happySum: z.number(),
  unhappyN: z.number(),
  unhappySum: z.number(),
});

/**
 * One aggregate cell as stored: lib/gap's {@link AggregateCell} plus its key, indexable agent and
 * level; `day` is the first day of the cell's period (cell-levels.ts).
 */
export const gapCellRowSchema = z.object({
  key: z.string(),
  agent: z.string(),
  level: z.enum(['day', 'week', 'month']),
  agentId: z.string().nullable(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  matched: z.number(),
  assessedOnly: z.number(),
  ratedOnly: z.number(),
  predictedSum: z.number(),
  actualSum: z.number(),
  gapSum: z.number(),
  gapSquareSum: z.number(),
  agreeing: z.number(),
  overestimated: z.number(),
  brierSum: z.number(),
  topRated: z.number(),
  topRatedSatisfied: z.number(),
  standards: z.record(z.string(), tallySchema),
});
export type GapCellRow = AggregateCell & { key: string; agent: string; level: CellLevel };

export const ticketKindSchema = z.enum(['matched', 'assessed-only', 'rated-only']);
export type TicketKind = z.infer<typeof ticketKindSchema>;

/** What the side panel lists about one ticket; no need to open the raw records to show a page. */
export const gapTicketRowSchema = z.object({
  ticketKey: z.string(),
  kind: ticketKindSchema,
  /** {@link agentKeyOf} the attributed agent (lib/gap attributedAgent). */
  agent: z.string(),
  /** The attributed instant (lib/gap attributedInstant) in epoch ms: numbers sort exactly, ISO text with mixed precision does not. */
  at: z.number(),
  ticket: ticketRefSchema,
  /** The connection the verdict came from, when there is one. */
  connectionId: z.string().nullable(),
  predicted: scaledValueSchema.nullable(),
  actual: scaledValueSchema.nullable(),
  /** predicted − actual, normalized; 0 unless matched. */
  gap: z.number(),
  comment: z.string().nullable(),
  /** When the customer last changed the verdict (rating `updatedAt`). */
  ratedAt: isoDateTimeSchema.nullable(),
});
export interface GapTicketRow {
  ticketKey: string;
  kind: TicketKind;
  agent: string;
  at: number;
  ticket: TicketRef;
  connectionId: string | null;
  predicted: ScaledValue | null;
  actual: ScaledValue | null;
  gap: number;
  comment: string | null;
  ratedAt: string | null;
}

/** A verdict that arrived for an assessed ticket: the moment the lesson lands (issue 5, item 4). */
export const gapRevealSchema = z.object({
  id: z.number().int().positive(),
  ticketKey: z.string(),
  ticket: ticketRefSchema,
  predicted: scaledValueSchema,
  actual: scaledValueSchema,
  comment: z.string().nullable(),
  /** When GapLens learnt the verdict. */
  revealedAt: isoDateTimeSchema,
  /** Whether an earlier verdict of the same ticket was replaced (the customer re-rated). */
  changed: z.boolean(),
});
export type GapReveal = z.infer<typeof gapRevealSchema>;
export type NewGapReveal = Omit<GapReveal, 'id'>;
