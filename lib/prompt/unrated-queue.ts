import { z } from 'zod';
import { helpdeskKindSchema, isoDateTimeSchema, ticketIdSchema } from '../model';

/**
 * The unrated queue: tickets the agent is done with (solved by them, from the helpdesk's API or
 * after a done signal in the page) that may still want a self-assessment. Whether one is rated is
 * never stored here: it is looked up in the assessments table, so a rating made in the card, the
 * popup or the list removes it the same way. Pure functions over a plain value; storage.ts keeps it.
 */
export const doneTicketSchema = z.object({
  ticketKey: z.string().min(1),
  kind: helpdeskKindSchema,
  origin: z.string().min(1),
  ticketId: ticketIdSchema,
  connectionId: z.string().min(1),
  subject: z.string().max(500).nullable(),
  /** When the ticket became done, as the helpdesk's `updated_at` tells (or when GapLens saw it). */
  doneAt: isoDateTimeSchema,
  /** When the in-page card was shown for it: one ticket prompts once. */
  promptedAt: isoDateTimeSchema.nullable(),
});
export type DoneTicket = z.infer<typeof doneTicketSchema>;

export const unratedQueueSchema = z.object({
  version: z.literal(1),
  tickets: z.array(doneTicketSchema),
  /** Per connection: the time the last API check covered up to. */
  checkedUntil: z.record(z.string(), isoDateTimeSchema),
  /** Per connection: no card before this time (“snooze 30 min”). */
  snoozedUntil: z.record(z.string(), isoDateTimeSchema),
});
export type UnratedQueue = z.infer<typeof unratedQueueSchema>;

export const EMPTY_QUEUE: UnratedQueue = { version: 1, tickets: [], checkedUntil: {}, snoozedUntil: {} };
/** Done tickets older than this leave the queue: the list is about recent work, not a backlog. */
export const QUEUE_KEEP_DAYS = 7;
/** More than this many are not kept (the oldest go first); the popup shows the newest anyway. */
export const QUEUE_MAX = 500;

/** A stored queue, or an empty one when it is missing or damaged (it is rebuilt from the API). */
export function parseQueue(stored: unknown): UnratedQueue {
  const parsed = unratedQueueSchema.safeParse(stored);
  return parsed.success ? parsed.data : structuredClone(EMPTY_QUEUE);
}

/**
 * Adds done tickets. A ticket already queued keeps its first `doneAt` and `promptedAt` (re-solving
 * it does not prompt again); its subject is filled in if it was missing. Newest first, pruned.
 */
export function addDoneTickets(queue: UnratedQueue, tickets: readonly DoneTicket[], now: Date): UnratedQueue {
  const byKey = new Map(queue.tickets.map((ticket) => [ticket.ticketKey, ticket]));
  for (const ticket of tickets) {
    const known = byKey.get(ticket.ticketKey);
    byKey.set(ticket.ticketKey, known ? { ...known, subject: known.subject ?? ticket.subject } : ticket);
  }
  return pruneQueue({ ...queue, tickets: [...byKey.values()] }, now);
}

export function pruneQueue(queue: UnratedQueue, now: Date): UnratedQueue {
  const oldest = now.getTime() - QUEUE_KEEP_DAYS * 24 * 3600 * 1000;
  const tickets = queue.tickets
    .filter((ticket) => Date.parse(ticket.doneAt) >= oldest)
    .sort((a, b) => b.doneAt.localeCompare(a.doneAt) || b.ticketKey.localeCompare(a.ticketKey))
    .slice(0, QUEUE_MAX);
  const snoozedUntil = Object.fromEntries(
    Object.entries(queue.snoozedUntil).filter(([, until]) => Date.parse(until) > now.getTime()),
  );
  return { ...queue, tickets, snoozedUntil };
}

export function markPrompted(queue: UnratedQueue, ticketKey: string, now: Date): UnratedQueue {
  return {
    ...queue,
    tickets: queue.tickets.map((ticket) =>
      ticket.ticketKey === ticketKey ? { ...ticket, promptedAt: now.toISOString() } : ticket,
    ),
  };
}

/** Drops a connection's tickets and marks (its connection was removed). */
export function forgetConnection(queue: UnratedQueue, connectionId: string): UnratedQueue {
  const { [connectionId]: _checked, ...checkedUntil } = queue.checkedUntil;
  const { [connectionId]: _snoozed, ...snoozedUntil } = queue.snoozedUntil;
  return {
    ...queue,
    tickets: queue.tickets.filter((ticket) => ticket.connectionId !== connectionId),
    checkedUntil,
    snoozedUntil,
  };
}

/** Done and not yet rated, newest first. */
export function unratedTickets(queue: UnratedQueue, isRated: (ticketKey: string) => boolean): DoneTicket[] {
  return queue.tickets.filter((ticket) => !isRated(ticket.ticketKey));
}

/** Local midnight of `now`'s day: the badge counts today's work as the agent's clock shows it. */
export function startOfLocalDay(now: Date): Date {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day;
}

/** The badge number: unrated tickets done today. */
export function countDoneToday(unrated: readonly DoneTicket[], now: Date): number {
  const since = startOfLocalDay(now).getTime();
  return unrated.filter((ticket) => Date.parse(ticket.doneAt) >= since).length;
}

/** Whether the connection is snoozed at `now`. */
export function isSnoozed(queue: UnratedQueue, connectionId: string, now: Date): boolean {
  const until = queue.snoozedUntil[connectionId];
  return until !== undefined && Date.parse(until) > now.getTime();
}
