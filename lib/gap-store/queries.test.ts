import Dexie from 'dexie';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, getDb, resetDbInstance } from '../db/db';
import { isDayInWindow, localDay } from '../gap';
import { assessment, assessmentArb, BAD, GOOD, rating, ratingArb, timeZoneArb, windowArb } from '../gap/test-support';
import { readTicketPage, type Outcome, type TicketListQuery, type TicketSort } from './queries';
import { ensureGapStore } from './rebuild';
import type { GapTicketRow, TicketKind } from './schema';
import { instantWindow, windowOfPeriod } from './time-window';

beforeEach(async () => {
  resetDbInstance();
  await Dexie.delete(DB_NAME);
});

/** The same query answered the slow, obvious way: every row, filtered and sorted in memory. */
function bruteForce(rows: GapTicketRow[], query: TicketListQuery): string[] {
  const agents = new Set(query.agents.map((agent) => agent ?? ''));
  const matching = rows.filter(
    (row) =>
      row.kind === query.kind &&
      agents.has(row.agent) &&
      (!query.within || (row.at >= query.within.startMs && row.at < query.within.endMs)) &&
      (query.origin === null || row.ticket.origin === query.origin) &&
      (query.outcome === 'all' || !row.actual || row.actual.satisfied === (query.outcome === 'satisfied')),
  );
  const newestFirst = (a: GapTicketRow, b: GapTicketRow) => b.at - a.at || b.ticketKey.localeCompare(a.ticketKey);
  const order: Record<TicketSort, (a: GapTicketRow, b: GapTicketRow) => number> = {
    newest: newestFirst,
    oldest: (a, b) => a.at - b.at || a.ticketKey.localeCompare(b.ticketKey),
    'gap-desc': (a, b) => b.gap - a.gap || newestFirst(a, b),
    'gap-asc': (a, b) => a.gap - b.gap || newestFirst(a, b),
  };
  return matching.sort(order[query.sort]).map((row) => row.ticketKey);
}

const OTHER_ORIGIN = 'https://other.zendesk.com';

describe('ticket list pages', () => {
  it('are exactly the matching rows in order, for any filters, window and sort', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(assessmentArb, fc.boolean()), { maxLength: 30 }),
        fc.array(fc.tuple(ratingArb, fc.boolean()), { maxLength: 30 }),
        fc.record({
          kind: fc.constantFrom<TicketKind>('matched', 'assessed-only', 'rated-only'),
          agents: fc.constantFrom<(string | null)[]>(['alice'], ['alice', null], ['bob', 'alice'], [null]),
          window: windowArb,
          timeZone: timeZoneArb,
          origin: fc.constantFrom(null, OTHER_ORIGIN),
          outcome: fc.constantFrom<Outcome>('all', 'satisfied', 'unsatisfied'),
          sort: fc.constantFrom<TicketSort>('newest', 'oldest', 'gap-desc', 'gap-asc'),
          limit: fc.integer({ min: 1, max: 12 }),
        }),
        async (assessments, ratings, q) => {
          resetDbInstance();
          await Dexie.delete(DB_NAME);
          const db = getDb();
          await ensureGapStore(q.timeZone);
          // Some tickets on a second origin, so the connection filter has something to tell apart.
          const moved = <T extends { ticketKey: string }>(record: T, other: boolean) =>
            other
              ? { ...record, ticketKey: record.ticketKey.replace('https://acme.zendesk.com', OTHER_ORIGIN) }
              : record;
          await db.assessments.bulkPut(
            assessments.map(([a, other]) => ({
              ...moved(a, other),
              ticket: { ...a.ticket, origin: other ? OTHER_ORIGIN : a.ticket.origin },
            })),
          );
          await db.csatRatings.bulkPut(
            ratings.map(([r, other]) => ({ ...moved(r, other), origin: other ? OTHER_ORIGIN : r.origin })),
          );
          const query: TicketListQuery = { ...q, within: instantWindow(q.window ?? null, q.timeZone) };
          const expected = bruteForce(await db.gapTickets.toArray(), query);
          const page = await readTicketPage(query);
          expect(page.rows.map((row) => row.ticketKey)).toEqual(expected.slice(0, q.limit));
          expect(page.hasMore).toBe(expected.length > q.limit);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('can fail: a row outside the window is not listed', async () => {
    await ensureGapStore('UTC');
    await getDb().assessments.put(assessment('1', { createdAt: '2026-11-16T10:00:00.000Z' }));
    await getDb().csatRatings.put(rating('1', BAD));
    const page = await readTicketPage({
      kind: 'matched',
      agents: ['agent-1'],
      within: instantWindow({ from: '2026-11-17', to: '2026-11-20' }, 'UTC'),
      origin: null,
      outcome: 'all',
      sort: 'newest',
      limit: 10,
    });
    expect(page.rows).toEqual([]);
  });

  it('includes a window’s first instant and excludes the next day’s first instant', async () => {
    await ensureGapStore('Europe/Berlin');
    // Berlin is UTC+1 in November: 17 Nov starts at 16 Nov 23:00 UTC, 21 Nov at 20 Nov 23:00 UTC.
    await getDb().assessments.bulkPut([
      assessment('1', { createdAt: '2026-11-16T23:00:00.000Z' }),
      assessment('2', { createdAt: '2026-11-20T22:59:59.999Z' }),
      assessment('3', { createdAt: '2026-11-20T23:00:00.000Z' }),
      assessment('4', { createdAt: '2026-11-16T22:59:59.999Z' }),
    ]);
    const page = await readTicketPage({
      kind: 'assessed-only',
      agents: ['agent-1'],
      within: instantWindow({ from: '2026-11-17', to: '2026-11-20' }, 'Europe/Berlin'),
      origin: null,
      outcome: 'all',
      sort: 'oldest',
      limit: 10,
    });
    expect(page.rows.map((row) => row.ticket.ticketId)).toEqual(['1', '2']);
  });

  it('filters satisfied and unsatisfied verdicts', async () => {
    await ensureGapStore('UTC');
    await getDb().assessments.bulkPut([assessment('1'), assessment('2')]);
    await getDb().csatRatings.bulkPut([rating('1', GOOD), rating('2', BAD)]);
    const ids = async (outcome: Outcome) =>
      (
        await readTicketPage({
          kind: 'matched',
          agents: ['agent-1'],
          within: null,
          origin: null,
          outcome,
          sort: 'newest',
          limit: 5,
        })
      ).rows.map((row) => row.ticket.ticketId);
    expect(await ids('satisfied')).toEqual(['1']);
    expect(await ids('unsatisfied')).toEqual(['2']);
    expect((await ids('all')).sort()).toEqual(['1', '2']);
  });
});

describe('date windows', () => {
  it('cover exactly the instants whose local day is in the window (lib/gap’s definition)', () => {
    fc.assert(
      fc.property(
        timeZoneArb,
        windowArb,
        fc.integer({ min: Date.parse('2026-10-20T00:00:00Z'), max: Date.parse('2027-01-20T00:00:00Z') }),
        (timeZone, window, ms) => {
          const range = instantWindow(window ?? null, timeZone);
          const inRange = !range || (ms >= range.startMs && ms < range.endMs);
          expect(inRange).toBe(isDayInWindow(localDay(new Date(ms).toISOString(), timeZone), window));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('“last 30 days” ends today and has 30 days; “all time” has no window', () => {
    expect(windowOfPeriod({ preset: 'last-30' }, '2026-11-20')).toEqual({ from: '2026-10-22', to: '2026-11-20' });
    expect(windowOfPeriod({ preset: 'last-7' }, '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(windowOfPeriod({ preset: 'all' }, '2026-11-20')).toBeNull();
  });
});
