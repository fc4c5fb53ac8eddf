import { describe, expect, it } from 'vitest';
import {
  EMPTY_QUEUE,
  QUEUE_KEEP_DAYS,
  addDoneTickets,
  countDoneToday,
  forgetConnection,
  isSnoozed,
  markPrompted,
  parseQueue,
  unratedTickets,
  type DoneTicket,
} from './unrated-queue';

const now = new Date(2026, 10, 20, 15, 0, 0);
const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3600_000).toISOString();

function done(ticketId: string, hoursAgo: number, connectionId = 'c1'): DoneTicket {
  const origin = 'https://acme.zendesk.com';
  return {
    ticketKey: `${origin}#${ticketId}`,
    kind: 'zendesk',
    origin,
    ticketId,
    connectionId,
    subject: null,
    doneAt: at(hoursAgo),
    promptedAt: null,
  };
}

describe('unrated queue', () => {
  it('lists done tickets newest first, without the rated ones', () => {
    const queue = addDoneTickets(EMPTY_QUEUE, [done('1', 5), done('2', 1), done('3', 3)], now);
    const rated = new Set(['https://acme.zendesk.com#3']);
    expect(unratedTickets(queue, (key) => rated.has(key)).map((t) => t.ticketId)).toEqual(['2', '1']);
  });

  it('keeps the first doneAt and promptedAt of a ticket seen again (one ticket prompts once)', () => {
    let queue = addDoneTickets(EMPTY_QUEUE, [done('1', 5)], now);
    queue = markPrompted(queue, 'https://acme.zendesk.com#1', now);
    queue = addDoneTickets(queue, [{ ...done('1', 0), subject: 'Refund' }], now);
    expect(queue.tickets).toHaveLength(1);
    expect(queue.tickets[0]).toMatchObject({ doneAt: at(5), promptedAt: now.toISOString(), subject: 'Refund' });
  });

  it('forgets tickets older than the keep window', () => {
    const queue = addDoneTickets(EMPTY_QUEUE, [done('old', QUEUE_KEEP_DAYS * 24 + 1), done('new', 1)], now);
    expect(queue.tickets.map((t) => t.ticketId)).toEqual(['new']);
  });

  it('counts for the badge only what was done since local midnight', () => {
    const queue = addDoneTickets(EMPTY_QUEUE, [done('today', 14), done('yesterday', 16)], now);
    expect(
      countDoneToday(
        unratedTickets(queue, () => false),
        now,
      ),
    ).toBe(1);
  });

  it('drops a removed connection’s tickets, checks and snooze', () => {
    let queue = addDoneTickets(EMPTY_QUEUE, [done('1', 1, 'c1'), done('2', 1, 'c2')], now);
    queue = { ...queue, snoozedUntil: { c1: at(-0.5) }, checkedUntil: { c1: at(0) } };
    expect(isSnoozed(queue, 'c1', now)).toBe(true);
    queue = forgetConnection(queue, 'c1');
    expect(queue.tickets.map((t) => t.connectionId)).toEqual(['c2']);
    expect(isSnoozed(queue, 'c1', now)).toBe(false);
    expect(queue.checkedUntil).toEqual({});
  });

  it('reads a damaged stored queue as empty rather than failing', () => {
    expect(parseQueue({ version: 1, tickets: [{ ticketKey: 3 }] })).toEqual(EMPTY_QUEUE);
    expect(parseQueue(undefined)).toEqual(EMPTY_QUEUE);
  });
});
