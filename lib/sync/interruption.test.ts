import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../test/helpdesk-sim';
import type { FetchLike } from '../helpdesks/shared/http-client';
import { getSyncState } from '../db/sync-state';
import { readCheckpoint } from './checkpoint';
import { DEFAULT_LEASE_MS, syncConnection, type SyncOutcome } from './sync-connection';
import { getDb } from '../db/db';
import {
  fakeClock,
  freshDatabase,
  recordingFetch,
  storeAssessments,
  storeConnection,
  storedRatings,
  type FakeClock,
} from './test-harness';

/*
 * The service worker can be terminated at any instant. These tests kill a sync in the middle, over
 * and over at a different page each time, restart it, and check that the end result is exactly a
 * clean sync's: nothing lost, nothing duplicated.
 */

const SETTINGS = { intervalMinutes: 15, trailingWindowDays: 14 };
let sim: Simulator;

beforeAll(async () => {
  // ~600 ratings: six pages of legacy ratings per pass, then the (empty) new-CSAT stream.
  sim = await startSimulator({ agents: 4, ticketsPerAgent: 180, responseRate: 0.95 });
});
afterAll(() => sim.close());
beforeEach(() => freshDatabase());

const connectZendeskAdmin = () =>
  storeConnection({
    kind: 'zendesk',
    origin: sim.zendesk.origin,
    credentials: sim.zendesk.credentials.admin.auth,
    csatPath: 'list',
  });

/** What a clean, uninterrupted sync stores, for comparison. */
async function cleanResult(connect: () => Promise<{ id: string }>) {
  freshDatabase();
  const connection = await connect();
  const outcome = await syncConnection(connection.id, { clock: fakeClock(), settings: SETTINGS });
  expect(outcome.status).toBe('done');
  const ratings = await storedRatings(connection.id);
  freshDatabase();
  return ratings;
}

/**
 * A fetch that lets `allowed` requests through and then "dies": the next request never settles,
 * as when the service worker is terminated while waiting on the network. `died` settles then.
 */
function dyingFetch(allowed: number) {
  let calls = 0;
  let markDead: () => void = () => {};
  const died = new Promise<void>((resolve) => (markDead = resolve));
  const fetch: FetchLike = (input, init) => {
    if (calls++ < allowed) return globalThis.fetch(input, init);
    markDead();
    return new Promise<Response>(() => {});
  };
  return { fetch, died };
}

/**
 * Kills the sync after 1, 2, 3, … requests in turn, restarting it (after its lease expired) each
 * time, until one run completes. Returns the number of runs.
 */
async function syncThroughKills(connectionId: string, clock: FakeClock): Promise<number> {
  for (let run = 1; run < 200; run++) {
    const allowed = 1 + ((run - 1) % 3);
    const { fetch, died } = dyingFetch(allowed);
    const finished = syncConnection(connectionId, { clock, fetch, settings: SETTINGS });
    const result = await Promise.race([finished, died.then(() => 'killed' as const)]);
    if (result !== 'killed') {
      expect((result as SyncOutcome).status).toBe('done');
      return run;
    }
    // The dead run holds a lease that it will never release; the next run may take over once it lapses.
    const state = await getSyncState(connectionId);
    expect(state.status).toBe('running');
    expect((await syncConnection(connectionId, { clock, settings: SETTINGS })).status).toBe('already-running');
    clock.advance(DEFAULT_LEASE_MS + 1);
  }
  throw new Error('the sync never finished');
}

describe('a sync killed at every page in turn', () => {
  it('Zendesk admin path: ends with exactly the ratings of a clean sync', async () => {
    const connect = connectZendeskAdmin;
    const expected = await cleanResult(connect);
    expect(expected.length).toBeGreaterThan(500);

    const connection = await connect();
    const clock = fakeClock();
    const runs = await syncThroughKills(connection.id, clock);
    // Each run commits one to three pages before it dies, so it takes several runs.
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(await storedRatings(connection.id)).toEqual(expected);
    const state = await getSyncState(connection.id);
    expect(state).toMatchObject({ status: 'idle', ratingsStored: expected.length });
    expect(readCheckpoint(state.checkpoint)).toEqual({ version: 1, pass: null, lease: null });
  });

  it('Zendesk agent path (show_many batches, then search): the same', async () => {
    const agent = sim.zendesk.credentials.agents[0]!;
    const tickets = sim.zendesk.data.tickets
      .filter((ticket) => String(ticket.handledBy) === agent.agentId)
      .map((ticket) => ticket.id);
    const connect = async () => {
      await storeAssessments('zendesk', sim.zendesk.origin, tickets);
      return storeConnection({
        kind: 'zendesk',
        origin: sim.zendesk.origin,
        credentials: agent.auth,
        csatPath: 'agent',
      });
    };
    const expected = await cleanResult(connect);
    expect(expected.length).toBeGreaterThan(100);

    const connection = await connect();
    await syncThroughKills(connection.id, fakeClock());
    expect(await storedRatings(connection.id)).toEqual(expected);
    expect((await getSyncState(connection.id)).ratingsStored).toBe(expected.length);
  });

  it('Freshdesk admin path (Link-header pages): the same', async () => {
    const connect = () =>
      storeConnection({
        kind: 'freshdesk',
        origin: sim.freshdesk.origin,
        credentials: sim.freshdesk.credentials.admin.auth,
        csatPath: 'list',
      });
    const expected = await cleanResult(connect);
    const connection = await connect();
    await syncThroughKills(connection.id, fakeClock());
    expect(await storedRatings(connection.id)).toEqual(expected);
  });
});

describe('a sync killed after its last page, before it recorded the success', () => {
  it('finishes the pass without reading it again', async () => {
    const connection = await storeConnection({
      kind: 'freshdesk',
      origin: sim.freshdesk.origin,
      credentials: sim.freshdesk.credentials.admin.auth,
      csatPath: 'list',
    });
    const clock = fakeClock();
    // The run dies right after its last commit: the success is written in a transaction of its own.
    const killAtSuccess = (changes: object) => {
      if ((changes as { status?: string }).status === 'idle') throw new Error('killed');
    };
    getDb().syncState.hook('updating', killAtSuccess);
    try {
      expect((await syncConnection(connection.id, { clock, settings: SETTINGS })).status).toBe('error');
    } finally {
      getDb().syncState.hook('updating').unsubscribe(killAtSuccess);
    }
    const pass = readCheckpoint((await getSyncState(connection.id)).checkpoint).pass;
    expect(pass).toMatchObject({ resume: null });
    expect(pass?.pages).toBeGreaterThan(1);

    const again = recordingFetch();
    expect(await syncConnection(connection.id, { clock, fetch: again, settings: SETTINGS })).toMatchObject({
      status: 'done',
      pages: 0,
    });
    expect(again.urls).toEqual([]);
    expect((await getSyncState(connection.id)).lastSuccessAt).toBe(pass?.startedAt);
  });
});

describe('a sync stopped through its signal, or failing for good, at every page in turn', () => {
  it('resumes from the last committed page and ends with exactly a clean sync’s ratings', async () => {
    const connect = connectZendeskAdmin;
    const expected = await cleanResult(connect);
    const connection = await connect();
    const clock = fakeClock();
    const outcomes: string[] = [];
    for (let run = 0; run < 100; run++) {
      const controller = new AbortController();
      let calls = 0;
      // Alternate: abort the sync (a stop), or let the network fail for good (retries run out).
      const fetch: FetchLike = (input, init) => {
        if (++calls <= 2) return globalThis.fetch(input, init);
        if (run % 2 === 0) controller.abort();
        return Promise.reject(new TypeError('network down'));
      };
      const outcome = await syncConnection(connection.id, {
        clock,
        fetch,
        signal: controller.signal,
        settings: SETTINGS,
        retry: { maxAttempts: 2 },
      });
      outcomes.push(outcome.status);
      if (outcome.status === 'done') break;
      expect((await getSyncState(connection.id)).status).toBe(run % 2 === 0 ? 'idle' : 'error');
    }
    expect(outcomes).toContain('stopped');
    expect(outcomes).toContain('error');
    expect(outcomes.at(-1)).toBe('done');
    expect(await storedRatings(connection.id)).toEqual(expected);
  });
});
