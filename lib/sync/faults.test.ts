import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Fault, type Simulator } from '../../test/helpdesk-sim';
import type { FaultScope } from '../../test/helpdesk-sim/model';
import { secretOf } from '../../test/helpdesk-sim/test-support';
import { getDb } from '../db/db';
import { getSyncState } from '../db/sync-state';
import type { SyncState } from '../model';
import { readCheckpoint } from './checkpoint';
import { syncConnection, type SyncOptions } from './sync-connection';
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
 * Each fault switch of the simulator, against a connection that already holds a full sync: the
 * sync ends with the documented status, and the stored ratings are exactly what they were. One row
 * per helpdesk whose list path is paged, so every such adapter meets the same faults.
 */

const SETTINGS = { intervalMinutes: 15, trailingWindowDays: 14 };

interface Target {
  kind: 'zendesk' | 'gorgias' | 'helpscout' | 'intercom';
  /** A fault scope that hits the list's later pages, never its first. */
  laterPages: FaultScope;
  /** The trailing window of the passes here: wide enough that a pass has several pages. */
  windowDays: number;
  /** Whether a request (its URL, and its body where the list is read with POST) asks for a later page. */
  isLaterPage(url: string, body?: string | null): boolean;
  /** Whether a pass's saved position is a later page (a next-page URL, or a cursor). */
  isLaterPosition(at: unknown): boolean;
  /** What a schema failure on a later page says. */
  schemaMessage: RegExp;
  /** The waits of two 429s that ask for 3 s. */
  rateLimitSleeps: number[];
  /** Whether agents' credentials are refused the admin list (403): no such role on Intercom. */
  adminOnlyList: boolean;
  /** A saved position whose cursor the helpdesk refuses, and the first page the restarted pass asks for. */
  expiredResume(origin: string): { stream: string; at: string };
  isFirstPage(origin: string, url: string, body: string | null): boolean;
}

/** The `starting_after` of an Intercom search request body, or null on a first page. */
const searchCursor = (body: string | null | undefined) =>
  (JSON.parse(body ?? '{}') as { pagination?: { starting_after?: string } }).pagination?.starting_after ?? null;

const TARGETS: Target[] = [
  {
    kind: 'zendesk',
    // Later pages of the legacy list: links.next carries `.json`, the first request does not.
    laterPages: { pathPrefix: '/api/v2/satisfaction_ratings.json' },
    windowDays: 90,
    isLaterPage: (url) => url.includes('/api/v2/satisfaction_ratings.json'),
    isLaterPosition: (at) => String(at).includes('/api/v2/satisfaction_ratings.json'),
    schemaMessage:
      /^GET \/api\/v2\/satisfaction_ratings\.json: satisfaction_ratings\[\d+\]\.ticket_id: expected number/,
    rateLimitSleeps: [3000, 3000],
    adminOnlyList: true,
    expiredResume: (origin) => ({
      stream: 'satisfaction_ratings',
      at: `${origin}/api/v2/satisfaction_ratings.json?page%5Bafter%5D=expired&page%5Bsize%5D=100`,
    }),
    isFirstPage: (origin, url) => url === `${origin}/api/v2/satisfaction_ratings?score=received&page%5Bsize%5D=100`,
  },
  {
    kind: 'gorgias',
    // Every page has the same path: let the first page through, hit the ones after it.
    laterPages: { pathPrefix: '/api/satisfaction-surveys', skip: 1 },
    windowDays: 90,
    isLaterPage: (url) => url.includes('/api/satisfaction-surveys?') && url.includes('cursor='),
    isLaterPosition: (at) => String(at).includes('/api/satisfaction-surveys?') && String(at).includes('cursor='),
    schemaMessage: /^GET \/api\/satisfaction-surveys: data\[\d+\]\.ticket_id: expected number/,
    rateLimitSleeps: [3000, 3000],
    adminOnlyList: true,
    expiredResume: (origin) => ({
      stream: 'satisfaction-surveys',
      at: `${origin}/api/satisfaction-surveys?limit=100&order_by=created_datetime%3Adesc&cursor=expired`,
    }),
    isFirstPage: (origin, url) =>
      url === `${origin}/api/satisfaction-surveys?limit=100&order_by=created_datetime%3Adesc`,
  },
  {
    kind: 'intercom',
    // Every page is the same POST; the cursor in the body tells them apart.
    laterPages: { pathPrefix: '/conversations/search', skip: 1 },
    // Search pages hold 150: the whole generated half-year, for a second page.
    windowDays: 365,
    isLaterPage: (url, body) => url.endsWith('/conversations/search') && searchCursor(body) !== null,
    isLaterPosition: (at) => typeof at === 'string' && at.length > 0,
    schemaMessage: /^POST \/conversations\/search: conversations\[\d+\]\.id: expected a conversation id of digits/,
    // Intercom names only an absolute reset time. The simulator prints it on its own clock, which
    // this test's fake clock runs an hour ahead of, so each wait is the one-second floor; the exact
    // wait until the reset is unit-tested (shared/rate-limit.test.ts, intercom/api.test.ts).
    rateLimitSleeps: [1000, 1000],
    adminOnlyList: false,
    expiredResume: () => ({ stream: 'search', at: 'expired' }),
    isFirstPage: (_origin, url, body) => url.endsWith('/conversations/search') && searchCursor(body) === null,
  },
  {
    kind: 'helpscout',
    // Report pages differ only by `?page=`: let the first page through (the first rating value's).
    laterPages: { pathPrefix: '/v2/reports/', skip: 1 },
    windowDays: 90,
    isLaterPage: (url) => url.includes('/v2/reports/happiness/ratings?') && !/[?&]page=1(&|$)/.test(url),
    isLaterPosition: (at) =>
      String(at).includes('/v2/reports/happiness/ratings?') && !/[?&]page=1(&|$)/.test(String(at)),
    schemaMessage: /^GET \/v2\/reports\/happiness\/ratings: results\[\d+\]\.id: expected number/,
    rateLimitSleeps: [3000, 3000],
    adminOnlyList: true,
    // Not a number: the report answers 400, as to a page it cannot read.
    expiredResume: (origin) => ({
      stream: 'happiness_ratings_great',
      at: `${origin}/v2/reports/happiness/ratings?${HELPSCOUT_WINDOW}&rating=great&page=expired`,
    }),
    isFirstPage: (origin, url) =>
      url === `${origin}/v2/reports/happiness/ratings?${HELPSCOUT_WINDOW}&rating=great&page=1`,
  },
];

/** A whole-history pass's report window, ending at the fake clock's time of the faulted sync. */
const HELPSCOUT_WINDOW = 'start=2011-01-01T00%3A00%3A00Z&end=2026-11-20T13%3A00%3A00Z';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ agents: 4, ticketsPerAgent: 120, responseRate: 0.5 });
});
afterAll(() => sim.close());

describe.each(TARGETS)('$kind', (target) => {
  const helpdesk = () => sim[target.kind];
  let clock: FakeClock;
  let connectionId: string;
  let baseline: Awaited<ReturnType<typeof storedRatings>>;

  beforeEach(async () => {
    freshDatabase();
    helpdesk().faults.clear();
    clock = fakeClock();
    const connection = await storeConnection({
      kind: target.kind,
      origin: helpdesk().origin,
      credentials: helpdesk().credentials.admin.auth,
      csatPath: 'list',
    });
    connectionId = connection.id;
    // A first pass from scratch (no trailing window yet) so later passes are multi-page too.
    expect(
      (await syncConnection(connectionId, { clock, settings: { ...SETTINGS, trailingWindowDays: target.windowDays } }))
        .status,
    ).toBe('done');
    baseline = await storedRatings(connectionId);
    expect(baseline.length).toBeGreaterThan(150);
    clock.advance(3600_000);
  });

  /** Runs a sync with one fault armed; a second full window so the pass has several pages. */
  async function syncWith(fault: Fault, options: SyncOptions = {}) {
    helpdesk().faults.set({ ...fault, ...target.laterPages });
    const fetch = recordingFetch();
    const outcome = await syncConnection(connectionId, {
      clock,
      fetch,
      settings: { ...SETTINGS, trailingWindowDays: target.windowDays },
      retry: { maxAttempts: 3 },
      ...options,
    });
    return { outcome, fetch, state: await getSyncState(connectionId) };
  }

  async function expectDataUnchanged() {
    expect(await storedRatings(connectionId)).toEqual(baseline);
    expect((await getSyncState(connectionId)).ratingsStored).toBe(baseline.length);
  }

  /** The pass a failed sync leaves behind: resumable, and not advanced past the failed page. */
  function passOf(state: SyncState) {
    return readCheckpoint(state.checkpoint).pass;
  }

  describe('transient faults: retried, the sync completes', () => {
    it('rate-limit (429) is waited out as the helpdesk asks', async () => {
      const { outcome, fetch } = await syncWith({
        type: 'rate-limit',
        count: 2,
        retryAfterSeconds: 3,
      });
      expect(outcome.status).toBe('done');
      expect(clock.sleeps).toEqual(target.rateLimitSleeps);
      const later = fetch.urls
        .map((url, index) => [url, fetch.bodies[index] ?? null] as const)
        .filter(([url, body]) => target.isLaterPage(url, body))
        .map(([url, body]) => `${url} ${body ?? ''}`);
      expect(later).toHaveLength(new Set(later).size + 2);
      await expectDataUnchanged();
    });

    it('server-error (500, 502) is retried with backoff', async () => {
      helpdesk().faults.set({ type: 'server-error', count: 1, status: 502, ...target.laterPages });
      const { outcome } = await syncWith({ type: 'server-error', count: 1 });
      expect(outcome.status).toBe('done');
      expect(clock.sleeps).toEqual([750, 1500]);
      await expectDataUnchanged();
    });

    it('slow answers time out and are retried', async () => {
      const { outcome } = await syncWith({ type: 'slow', delayMs: 300, count: 1 }, { timeoutMs: 100 });
      expect(outcome.status).toBe('done');
      expect(clock.sleeps).toEqual([750]);
      await expectDataUnchanged();
    });
  });

  describe('faults that end the sync: documented status, data unchanged, checkpoint not advanced', () => {
    it.each([
      ['rate-limit beyond the attempts', { type: 'rate-limit', count: 5, retryAfterSeconds: 1 }, 'rate-limited', /429/],
      [
        'rate-limit with a wait too long to wait out',
        // A day: even read against a clock an hour off (Intercom's absolute reset), too long.
        { type: 'rate-limit', count: 1, retryAfterSeconds: 86_400 },
        'rate-limited',
        /asks to wait \d+ s/,
      ],
      [
        'server-error beyond the attempts',
        { type: 'server-error', count: 5, status: 503 },
        'server',
        /503.*gave up after 3 attempts/,
      ],
      ['malformed-json (a truncated body)', { type: 'malformed-json', count: 1 }, 'not-json', /not JSON/],
      [
        'schema-invalid (ticket_id "abc" in the middle of a page)',
        { type: 'schema-invalid', count: 1 },
        'schema',
        target.schemaMessage,
      ],
      ['html-login (a proxy’s login page)', { type: 'html-login', count: 1 }, 'not-json', /login page.*Check the URL/],
    ] as [string, Fault, string, RegExp][])('%s', async (_label, fault, code, message) => {
      const { outcome, state } = await syncWith(fault);
      expect(outcome.status).toBe('error');
      expect(state.status).toBe('error');
      expect(state.lastError).toMatchObject({ code, message: expect.stringMatching(message) });
      // The first page was committed; the failing second page was not.
      expect(passOf(state)).toMatchObject({ pages: 1 });
      const at = (passOf(state)?.resume as { at: unknown } | null)?.at;
      expect(target.isLaterPosition(at)).toBe(true);
      await expectDataUnchanged();

      // Without the fault the next run resumes at the failed page and finishes the pass.
      helpdesk().faults.clear();
      const fetch = recordingFetch();
      const next = await syncConnection(connectionId, {
        clock,
        fetch,
        settings: { ...SETTINGS, trailingWindowDays: target.windowDays },
      });
      expect(next.status).toBe('done');
      expect(target.isLaterPage(fetch.urls[0]!, fetch.bodies[0])).toBe(true);
      if (target.kind === 'intercom') expect(searchCursor(fetch.bodies[0])).toBe(at);
      await expectDataUnchanged();
    });

    it('slow beyond the attempts ends with timeout', async () => {
      const { outcome, state } = await syncWith({ type: 'slow', delayMs: 300, count: 3 }, { timeoutMs: 50 });
      expect(outcome.status).toBe('error');
      expect(state.lastError?.code).toBe('timeout');
      await expectDataUnchanged();
    });
  });

  describe('401 and 403 on data endpoints pause the connection and delete nothing', () => {
    it('a revoked token: paused, “token invalid or revoked”', async () => {
      // An agent's own token, so the admin token other tests use stays valid.
      const agent = helpdesk().credentials.agents[2]!;
      await getDb().credentials.put({ connectionId, credentials: agent.auth });
      await getDb().connections.update(connectionId, { csatPath: 'agent' });
      // The agent path reads the tickets the agent assessed (Gorgias has no other agent stream).
      const assessed = helpdesk()
        .data.tickets.filter((t) => t.assigneeId === Number(agent.agentId))
        .slice(0, 3);
      await storeAssessments(
        target.kind,
        helpdesk().origin,
        assessed.map((t) => t.id),
      );
      helpdesk().revokeToken(secretOf(agent));
      const outcome = await syncConnection(connectionId, { clock, settings: SETTINGS });
      expect(outcome.status).toBe('paused');
      const state = await getSyncState(connectionId);
      expect(state).toMatchObject({
        status: 'paused',
        lastError: { code: 'unauthorized', message: expect.stringMatching(/^token invalid or revoked/) },
      });
      await expectDataUnchanged();
    });

    // Registered only where there is an admin-only list: an Intercom agent's token reads the same search.
    if (target.adminOnlyList)
      it('credentials that lost the admin role: paused, “lacks permission”', async () => {
        await getDb().credentials.put({ connectionId, credentials: helpdesk().credentials.agents[0]!.auth });
        const outcome = await syncConnection(connectionId, { clock, settings: SETTINGS });
        expect(outcome.status).toBe('paused');
        expect((await getSyncState(connectionId)).lastError).toMatchObject({
          code: 'forbidden',
          message: expect.stringMatching(/^lacks permission/),
        });
        await expectDataUnchanged();
      });
  });

  describe('a saved position the helpdesk no longer accepts', () => {
    it('restarts the pass from its start instead of failing at every run', async () => {
      const state = await getSyncState(connectionId);
      const stale = {
        ...readCheckpoint(state.checkpoint),
        pass: {
          path: 'list' as const,
          startedAt: '2026-11-20T12:30:00.000Z',
          since: null,
          resume: target.expiredResume(helpdesk().origin),
          pages: 3,
          ratings: 300,
        },
      };
      await getDb().syncState.put({ ...state, checkpoint: stale });
      const fetch = recordingFetch();
      const outcome = await syncConnection(connectionId, { clock, fetch, settings: SETTINGS });
      expect(outcome.status).toBe('done');
      expect(`${fetch.urls[0]} ${fetch.bodies[0] ?? ''}`).toContain('expired');
      expect(target.isFirstPage(helpdesk().origin, fetch.urls[1]!, fetch.bodies[1] ?? null)).toBe(true);
      await expectDataUnchanged();
    });
  });
});

describe('Help Scout’s access tokens', () => {
  it('an expired token is renewed once, and the sync completes with nothing changed', async () => {
    freshDatabase();
    const clock = fakeClock();
    const { id } = await storeConnection({
      kind: 'helpscout',
      origin: sim.helpscout.origin,
      credentials: sim.helpscout.credentials.admin.auth,
      csatPath: 'list',
    });
    expect((await syncConnection(id, { clock, settings: SETTINGS })).status).toBe('done');
    const before = await storedRatings(id);
    sim.helpscout.expireAccessTokens();
    const fetch = recordingFetch();
    expect((await syncConnection(id, { clock, fetch, settings: SETTINGS })).status).toBe('done');
    const paths = fetch.urls.map((url) => new URL(url).pathname);
    expect(paths.slice(0, 3)).toEqual([
      '/v2/reports/happiness/ratings',
      '/v2/oauth2/token',
      '/v2/reports/happiness/ratings',
    ]);
    expect(paths.filter((path) => path === '/v2/oauth2/token')).toHaveLength(1);
    expect(await storedRatings(id)).toEqual(before);
  });
});
