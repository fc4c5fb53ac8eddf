import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimHelpdesk, type SimRating, type Simulator } from '../../test/helpdesk-sim';
import { getDb } from '../db/db';
import { getSyncState } from '../db/sync-state';
import { csatRatingSchema } from '../model';
import { syncConnection, type SyncProgress } from './sync-connection';
import {
  fakeClock,
  freshDatabase,
  recordingFetch,
  storeAssessments,
  storeConnection,
  storedRatings,
} from './test-harness';

const SETTINGS = { intervalMinutes: 15, trailingWindowDays: 14 };
const HOUR = 3600_000;
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ agents: 4, ticketsPerAgent: 120, responseRate: 0.5 });
});
afterAll(() => sim.close());
beforeEach(() => {
  freshDatabase();
  sim.zendesk.faults.clear();
  sim.freshdesk.faults.clear();
  sim.intercom.faults.clear();
});

const isAnswer = (rating: SimRating) => rating.score !== 'offered' && rating.score !== 'unoffered';
const answered = (helpdesk: SimHelpdesk): SimRating[] => helpdesk.data.ratings.filter(isAnswer);
const ticketOf = (helpdesk: SimHelpdesk, ticketId: number) =>
  helpdesk.data.tickets.find((ticket) => ticket.id === ticketId)!;

/** What GapLens should hold for a simulator rating: the fields that carry meaning, by rating id. */
function expectedRow(connectionId: string, rating: SimRating, agentId: number | null) {
  return {
    id: `${connectionId}:${rating.id}`,
    ticketId: String(rating.ticketId),
    value: rating.score,
    agentId: agentId === null ? null : String(agentId),
    updatedAt: new Date(rating.updatedAt).toISOString(),
  };
}

async function storedRows(connectionId: string) {
  return (await storedRatings(connectionId)).map((row) => ({
    id: row.id,
    ticketId: row.ticketId,
    value: row.rating.value,
    agentId: row.agentId,
    updatedAt: row.updatedAt,
  }));
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('Zendesk admin path (legacy CSAT)', () => {
  const connect = () =>
    storeConnection({ kind: 'zendesk', origin: sim.zendesk.origin, credentials: sim.zendesk.credentials.admin.auth });

  it('first sync stores exactly the received ratings, and reports progress page by page', async () => {
    const connection = await connect();
    const progress: SyncProgress[] = [];
    const outcome = await syncConnection(connection.id, {
      clock: fakeClock(),
      settings: SETTINGS,
      onProgress: (p) => progress.push(p),
    });

    expect(outcome.status).toBe('done');
    const expected = answered(sim.zendesk).map((rating) => expectedRow(connection.id, rating, rating.assigneeId));
    expect(await storedRows(connection.id)).toEqual(byId(expected));
    const state = await getSyncState(connection.id);
    expect(state).toMatchObject({
      status: 'idle',
      lastSuccessAt: '2026-11-20T12:00:00.000Z',
      ratingsStored: expected.length,
      lastError: null,
    });
    expect(state.progress).toEqual({ pages: progress.length, ratings: expected.length });
    expect(progress.map((p) => p.ratings)).toEqual([...progress.map((p) => p.ratings)].sort((a, b) => a - b));
    expect((await getDb().connections.get(connection.id))?.csatPath).toBe('list');
  });

  it('normalizes good/bad to 1/0 on the way in, and stores only rows the model accepts', async () => {
    const connection = await connect();
    await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS });
    for (const row of await getDb().csatRatings.toArray()) expect(csatRatingSchema.parse(row)).toEqual(row);
    for (const row of await storedRatings(connection.id)) {
      expect(row.rating).toEqual(
        row.rating.value === 'good'
          ? { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true }
          : { scale: 'good-bad', value: 'bad', normalized: 0, satisfied: false },
      );
      expect(row.ticketKey).toBe(`${sim.zendesk.origin}#${row.ticketId}`);
      expect(row.source).toBe('satisfaction_ratings');
    }
  });

  it('re-sync makes no duplicates and re-fetches only the trailing window', async () => {
    const connection = await connect();
    const clock = fakeClock();
    await syncConnection(connection.id, { clock, settings: SETTINGS });
    const before = await storedRatings(connection.id);

    clock.advance(HOUR);
    const fetch = recordingFetch();
    const outcome = await syncConnection(connection.id, { clock, settings: SETTINGS, fetch });

    // The window starts 14 days before the first pass started (2026-11-20T12:00Z).
    const since = Date.parse('2026-11-06T12:00:00Z');
    expect(new URL(fetch.urls[0]!).searchParams.get('start_time')).toBe(String(since / 1000));
    const inWindow = answered(sim.zendesk).filter((rating) => rating.createdAt >= since);
    expect(outcome).toMatchObject({ status: 'done', ratings: inWindow.length });
    expect(inWindow.length).toBeLessThan(before.length);
    expect(await storedRatings(connection.id)).toEqual(before);
    expect((await getSyncState(connection.id)).ratingsStored).toBe(before.length);
    expect((await getSyncState(connection.id)).lastSuccessAt).toBe('2026-11-20T13:00:00.000Z');
  });

  it('a re-rated rating replaces the old one', async () => {
    const connection = await connect();
    const clock = fakeClock();
    await syncConnection(connection.id, { clock, settings: SETTINGS });
    const target = answered(sim.zendesk).find(
      (rating) => rating.score === 'good' && rating.createdAt >= Date.parse('2026-11-10T00:00:00Z'),
    )!;
    const id = `${connection.id}:${target.id}`;
    const old = (await getDb().csatRatings.get(id))!;
    expect(old.rating.value).toBe('good');

    sim.zendesk.rerate(String(target.ticketId), 'bad');
    try {
      clock.advance(HOUR);
      await syncConnection(connection.id, { clock, settings: SETTINGS });
      const now = (await getDb().csatRatings.get(id))!;
      expect(now.rating).toEqual({ scale: 'good-bad', value: 'bad', normalized: 0, satisfied: false });
      expect(now.updatedAt > old.updatedAt).toBe(true);
      expect(await getDb().csatRatings.where('ticketKey').equals(old.ticketKey).count()).toBe(1);
    } finally {
      sim.zendesk.rerate(String(target.ticketId), 'good');
    }
  });

  it('never overwrites a newer stored rating with an older one', async () => {
    const connection = await connect();
    const clock = fakeClock();
    await syncConnection(connection.id, { clock, settings: SETTINGS });
    const target = answered(sim.zendesk).find(
      (rating) => rating.score === 'good' && rating.createdAt >= Date.parse('2026-11-10T00:00:00Z'),
    )!;
    const id = `${connection.id}:${target.id}`;
    const newer = { ...(await getDb().csatRatings.get(id))!, updatedAt: '2026-11-21T00:00:00.000Z' };
    newer.rating = { scale: 'good-bad', value: 'bad', normalized: 0, satisfied: false };
    await getDb().csatRatings.put(newer);

    clock.advance(HOUR);
    await syncConnection(connection.id, { clock, settings: SETTINGS });
    expect(await getDb().csatRatings.get(id)).toEqual(newer);
  });
});

describe('the lock', () => {
  it('lets only one of two syncs started together run', async () => {
    const connection = await storeConnection({
      kind: 'zendesk',
      origin: sim.zendesk.origin,
      credentials: sim.zendesk.credentials.admin.auth,
    });
    const clock = fakeClock();
    const outcomes = await Promise.all([
      syncConnection(connection.id, { clock, settings: SETTINGS }),
      syncConnection(connection.id, { clock, settings: SETTINGS }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['already-running', 'done']);
    expect(await getDb().csatRatings.count()).toBe(answered(sim.zendesk).length);
  });
});

describe('Zendesk agent path', () => {
  it('reads assessed tickets with ⌈n/100⌉ show_many requests, plus rated tickets assigned to the agent', async () => {
    const agent = sim.zendesk.credentials.agents[0]!;
    const connection = await storeConnection({ kind: 'zendesk', origin: sim.zendesk.origin, credentials: agent.auth });
    // The agent assessed every ticket they handled (some were reassigned since) plus a few they did not.
    const handled = sim.zendesk.data.tickets
      .filter((ticket) => String(ticket.handledBy) === agent.agentId)
      .map((ticket) => ticket.id);
    const others = sim.zendesk.data.tickets
      .filter((ticket) => String(ticket.handledBy) !== agent.agentId)
      .slice(0, 35)
      .map((ticket) => ticket.id);
    const assessed = [...handled, ...others];
    expect(assessed.length).toBeGreaterThan(100);
    await storeAssessments('zendesk', sim.zendesk.origin, assessed);

    const fetch = recordingFetch();
    const outcome = await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS, fetch });
    expect(outcome.status).toBe('done');
    expect((await getDb().connections.get(connection.id))?.csatPath).toBe('agent');

    const showMany = fetch.urls.filter((url) => new URL(url).pathname === '/api/v2/tickets/show_many');
    expect(showMany).toHaveLength(Math.ceil(assessed.length / 100));
    expect(new Set(showMany.flatMap((url) => new URL(url).searchParams.get('ids')!.split(',')))).toEqual(
      new Set(assessed.map(String)),
    );

    const assessedSet = new Set(assessed);
    const expected = answered(sim.zendesk)
      .filter(
        (rating) =>
          assessedSet.has(rating.ticketId) ||
          String(ticketOf(sim.zendesk, rating.ticketId).assigneeId) === agent.agentId,
      )
      .map((rating) => expectedRow(connection.id, rating, ticketOf(sim.zendesk, rating.ticketId).assigneeId));
    // The ticket carries no rating times: the ticket's updated_at stands in.
    const rows = (await storedRows(connection.id)).map(({ updatedAt: _u, ...row }) => row);
    expect(rows).toEqual(byId(expected).map(({ updatedAt: _u, ...row }) => row));
  });
});

describe('Freshdesk', () => {
  it('admin path: stores every rating, normalized on the 103 … −103 scale, agent_id as the agent', async () => {
    const connection = await storeConnection({
      kind: 'freshdesk',
      origin: sim.freshdesk.origin,
      credentials: sim.freshdesk.credentials.admin.auth,
    });
    const fetch = recordingFetch();
    const outcome = await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS, fetch });
    expect(outcome.status).toBe('done');
    const expected = answered(sim.freshdesk).map((rating) => expectedRow(connection.id, rating, rating.assigneeId));
    expect(await storedRows(connection.id)).toEqual(byId(expected));
    for (const row of await storedRatings(connection.id)) {
      const value = Number(row.rating.value);
      expect(row.rating.normalized).toBeCloseTo(((value >= 100 ? value - 100 : value + 100) + 3) / 6, 12);
      expect(row.rating.satisfied).toBe(value >= 101);
    }
    expect(fetch.urls.filter((url) => url.includes('/surveys/satisfaction_ratings'))).toHaveLength(
      1 + Math.ceil(expected.length / 100),
    );
  });

  it('agent path: reads each assessed ticket the agent can still see', async () => {
    const agent = sim.freshdesk.credentials.agents[1]!;
    const connection = await storeConnection({
      kind: 'freshdesk',
      origin: sim.freshdesk.origin,
      credentials: agent.auth,
    });
    const handled = sim.freshdesk.data.tickets
      .filter((ticket) => String(ticket.handledBy) === agent.agentId)
      .map((ticket) => ticket.id);
    await storeAssessments('freshdesk', sim.freshdesk.origin, handled);

    const outcome = await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS });
    expect(outcome.status).toBe('done');
    const handledSet = new Set(handled);
    const expected = answered(sim.freshdesk)
      .filter(
        (rating) =>
          handledSet.has(rating.ticketId) &&
          String(ticketOf(sim.freshdesk, rating.ticketId).assigneeId) === agent.agentId,
      )
      .map((rating) => expectedRow(connection.id, rating, rating.assigneeId));
    expect(expected.length).toBeGreaterThan(0);
    expect(await storedRows(connection.id)).toEqual(byId(expected));
  });
});

describe('Zendesk new CSAT', () => {
  let newCsat: Simulator;
  beforeAll(async () => {
    newCsat = await startSimulator({ agents: 3, ticketsPerAgent: 100, responseRate: 0.6, zendeskCsat: 'new' });
  });
  afterAll(() => newCsat.close());

  it('reads survey_responses: (rating − 1) / 4, satisfied = good, the ticket’s assignee as the agent', async () => {
    const connection = await storeConnection({
      kind: 'zendesk',
      origin: newCsat.zendesk.origin,
      credentials: newCsat.zendesk.credentials.admin.auth,
    });
    const outcome = await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS });
    expect(outcome.status).toBe('done');
    const rows = await storedRatings(connection.id);
    expect(rows).toHaveLength(newCsat.zendesk.data.ratings.length);
    const byTicket = new Map(newCsat.zendesk.data.ratings.map((rating) => [String(rating.ticketId), rating]));
    for (const row of rows) {
      const source = byTicket.get(row.ticketId)!;
      const value = Number(source.score);
      expect(row.source).toBe('survey_responses');
      expect(row.rating).toEqual({ scale: 'five-point', value, normalized: (value - 1) / 4, satisfied: value >= 4 });
      expect(row.agentId).toBe(String(ticketOf(newCsat.zendesk, source.ticketId).assigneeId));
    }
  });
});

describe('Gorgias', () => {
  const surveyPages = (fetch: { urls: string[] }) =>
    fetch.urls.filter((url) => url.includes('/api/satisfaction-surveys'));

  it('admin path: every answered survey, (score − 1) / 4, the ticket’s assignee as the agent; unanswered ones skipped', async () => {
    const connection = await storeConnection({
      kind: 'gorgias',
      origin: sim.gorgias.origin,
      credentials: sim.gorgias.credentials.admin.auth,
    });
    const fetch = recordingFetch();
    const outcome = await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS, fetch });
    expect(outcome.status).toBe('done');
    const expected = answered(sim.gorgias).map((rating) =>
      expectedRow(connection.id, rating, ticketOf(sim.gorgias, rating.ticketId).assigneeId),
    );
    expect(expected.length).toBeLessThan(sim.gorgias.data.ratings.length);
    expect(await storedRows(connection.id)).toEqual(byId(expected));
    for (const row of await storedRatings(connection.id)) {
      const value = Number(row.rating.value);
      expect(row.rating).toEqual({ scale: 'five-point', value, normalized: (value - 1) / 4, satisfied: value >= 4 });
    }
    // A probe, then every survey record (answered or not) once, 100 a page.
    expect(surveyPages(fetch)).toHaveLength(1 + Math.ceil(sim.gorgias.data.ratings.length / 100));
  });

  it('re-sync reads only back to the watermark (last pass − trailing window), and picks up a re-rating', async () => {
    const connection = await storeConnection({
      kind: 'gorgias',
      origin: sim.gorgias.origin,
      credentials: sim.gorgias.credentials.admin.auth,
    });
    const clock = fakeClock();
    expect((await syncConnection(connection.id, { clock, settings: SETTINGS })).status).toBe('done');
    const recent = [...answered(sim.gorgias)].reverse()[0]!;
    sim.gorgias.rerate(String(recent.ticketId), recent.score === 1 ? 5 : 1);
    clock.advance(HOUR);
    const fetch = recordingFetch();
    expect((await syncConnection(connection.id, { clock, settings: SETTINGS, fetch })).status).toBe('done');
    const windowStart = Date.parse('2026-11-20T12:00:00.000Z') - SETTINGS.trailingWindowDays * 24 * HOUR;
    const inWindow = sim.gorgias.data.ratings.filter((rating) => rating.createdAt >= windowStart).length;
    expect(surveyPages(fetch)).toHaveLength(Math.floor(inWindow / 100) + 1);
    const row = (await storedRatings(connection.id)).find((r) => r.id === `${connection.id}:${recent.id}`)!;
    expect(row.rating.value).toBe(recent.score);
    expect(row.updatedAt).toBe(new Date(recent.updatedAt).toISOString());
  });

  it('agent path: the survey of each assessed ticket assigned to the agent, by ticket_id', async () => {
    const agent = sim.gorgias.credentials.agents[1]!;
    const connection = await storeConnection({ kind: 'gorgias', origin: sim.gorgias.origin, credentials: agent.auth });
    const handled = sim.gorgias.data.tickets
      .filter((ticket) => String(ticket.handledBy) === agent.agentId)
      .map((ticket) => ticket.id);
    await storeAssessments('gorgias', sim.gorgias.origin, handled);
    const outcome = await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS });
    expect(outcome.status).toBe('done');
    expect((await getDb().connections.get(connection.id))?.csatPath).toBe('agent');
    const handledSet = new Set(handled);
    const expected = answered(sim.gorgias)
      .filter(
        (rating) =>
          handledSet.has(rating.ticketId) &&
          String(ticketOf(sim.gorgias, rating.ticketId).assigneeId) === agent.agentId,
      )
      .map((rating) => expectedRow(connection.id, rating, Number(agent.agentId)));
    expect(expected.length).toBeGreaterThan(0);
    expect(await storedRows(connection.id)).toEqual(byId(expected));
  });
});

describe('Intercom', () => {
  const rated = () => sim.intercom.data.tickets.filter((ticket) => ticket.rating !== null);
  /** One rating per conversation: the conversation id is the rating's id. */
  const expectedRows = (connectionId: string, tickets: ReturnType<typeof rated>) =>
    byId(
      tickets.map((ticket) => ({
        id: `${connectionId}:${ticket.id}`,
        ticketId: String(ticket.id),
        value: ticket.rating!.score,
        agentId: ticket.rating!.assigneeId === null ? null : String(ticket.rating!.assigneeId),
        updatedAt: new Date(ticket.rating!.updatedAt).toISOString(),
      })),
    );

  it('detects the list path, stores every rating once by conversation id: (r − 1) / 4, teammate as agent', async () => {
    const connection = await storeConnection({
      kind: 'intercom',
      origin: sim.intercom.origin,
      credentials: sim.intercom.credentials.admin.auth,
    });
    const fetch = recordingFetch();
    const outcome = await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS, fetch });
    expect(outcome.status).toBe('done');
    expect((await getDb().connections.get(connection.id))?.csatPath).toBe('list');
    expect(await storedRows(connection.id)).toEqual(expectedRows(connection.id, rated()));
    for (const row of await storedRatings(connection.id)) {
      const value = Number(row.rating.value);
      expect(row.rating).toEqual({ scale: 'five-point', value, normalized: (value - 1) / 4, satisfied: value >= 4 });
      expect(row.source).toBe('conversation_rating');
    }
    // The probe, then ⌈n/150⌉ search pages.
    expect(fetch.urls.filter((url) => url.endsWith('/conversations/search'))).toHaveLength(
      1 + Math.ceil(rated().length / 150),
    );
  });

  it('a re-rating found by the trailing-window re-scan replaces the rating in place', async () => {
    const connection = await storeConnection({
      kind: 'intercom',
      origin: sim.intercom.origin,
      credentials: sim.intercom.credentials.admin.auth,
      csatPath: 'list',
    });
    const clock = fakeClock();
    expect((await syncConnection(connection.id, { clock, settings: SETTINGS })).status).toBe('done');
    const before = await storedRatings(connection.id);
    const target = rated().find((ticket) => ticket.rating!.score !== 1)!;
    sim.intercom.rerate(String(target.id), 1);
    clock.advance(HOUR);
    const fetch = recordingFetch();
    expect((await syncConnection(connection.id, { clock, settings: SETTINGS, fetch })).status).toBe('done');
    const after = await storedRatings(connection.id);
    expect(after).toHaveLength(before.length);
    expect(after.find((row) => row.ticketId === String(target.id))?.rating).toMatchObject({
      value: 1,
      satisfied: false,
    });
    // The second pass asked only for the trailing window, not the whole history.
    expect(fetch.urls.length).toBeLessThan(1 + Math.ceil(before.length / 150));
  });

  it('agent path: the same search narrowed to conversations assigned to the token’s teammate', async () => {
    const agent = sim.intercom.credentials.agents[1]!;
    const connection = await storeConnection({
      kind: 'intercom',
      origin: sim.intercom.origin,
      credentials: agent.auth,
      csatPath: 'agent',
    });
    expect((await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS })).status).toBe('done');
    const mine = rated().filter((ticket) => String(ticket.assigneeId) === agent.agentId);
    expect(mine.length).toBeGreaterThan(0);
    expect(await storedRows(connection.id)).toEqual(expectedRows(connection.id, mine));
  });
});
