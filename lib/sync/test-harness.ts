/*
 * Shared by the sync and connection tests (never imported by extension code): a fresh database,
 * a fake clock, connections stored without a network round trip, and readers of what was stored.
 */
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { getDb, resetDbInstance } from '../db/db';
import type { FetchLike } from '../helpdesks/shared/http-client';
import {
  ticketKey,
  type Connection,
  type CsatPath,
  type CsatRating,
  type Credentials,
  type SelfAssessment,
} from '../model';
import type { Clock } from './request-runner';

/**
 * A new, empty IndexedDB for this test. Dexie keeps the factory it found at import time in
 * `Dexie.dependencies`, so that one is replaced too.
 */
export function freshDatabase(): void {
  resetDbInstance();
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  Dexie.dependencies.indexedDB = factory;
}

/** A clock that only moves when told, or when the code under test sleeps (instantly). */
export interface FakeClock extends Clock {
  advance(ms: number): void;
  readonly sleeps: number[];
}

export function fakeClock(start: string | number = '2026-11-20T12:00:00.000Z'): FakeClock {
  let now = typeof start === 'number' ? start : Date.parse(start);
  const sleeps: number[] = [];
  return {
    now: () => now,
    random: () => 0.5,
    sleeps,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** Stores a connection and its secret directly, as `saveConnection` would after a successful test. */
export async function storeConnection(input: {
  id?: string;
  kind: 'zendesk' | 'freshdesk' | 'gorgias' | 'helpscout' | 'intercom';
  origin: string;
  credentials: Credentials;
  csatPath?: CsatPath | null;
}): Promise<Connection> {
  const connection: Connection = {
    id: input.id ?? `${input.kind}-test`,
    kind: input.kind,
    label: `${input.kind} test`,
    origin: input.origin,
    authType: input.credentials.type,
    agent: null,
    csatPath: input.csatPath ?? null,
    enabled: true,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
  const db = getDb();
  await db.connections.put(connection);
  await db.credentials.put({ connectionId: connection.id, credentials: input.credentials });
  return connection;
}

/** Stores minimal self-assessments for tickets, so the agent path has tickets to read. */
export async function storeAssessments(
  kind: string,
  origin: string,
  ticketIds: readonly (string | number)[],
  at = '2026-11-19T12:00:00.000Z',
): Promise<void> {
  const rows: SelfAssessment[] = ticketIds.map((id) => ({
    ticketKey: ticketKey(origin, String(id)),
    ticket: { kind, origin, ticketId: String(id) },
    agentId: null,
    standardSetId: 'gaplens-default',
    standardSetVersion: 1,
    scores: {},
    predictedCsat: { scale: 'good-bad', value: 'good', normalized: 1, satisfied: true },
    notes: { gotInTheWay: '', worked: '' },
    createdAt: at,
    updatedAt: at,
  }));
  await getDb().assessments.bulkPut(rows);
}

/** Every stored rating of a connection, by id, without `syncedAt` (which says when, not what). */
export async function storedRatings(connectionId: string): Promise<Omit<CsatRating, 'syncedAt'>[]> {
  const rows = await getDb().csatRatings.where('connectionId').equals(connectionId).toArray();
  return rows.map(({ syncedAt: _syncedAt, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
}

/** Node's fetch, recording each requested URL and body (null for a GET: searches read with POST). */
export function recordingFetch(): FetchLike & { urls: string[]; bodies: (string | null)[] } {
  const urls: string[] = [];
  const bodies: (string | null)[] = [];
  const recorder = Object.assign(
    (input: string, init: RequestInit) => {
      urls.push(input);
      bodies.push(typeof init.body === 'string' ? init.body : null);
      return fetch(input, init);
    },
    { urls, bodies },
  );
  return recorder;
}
