import Dexie, { type EntityTable } from 'dexie';
import type { Connection, Credentials, CsatRating, SelfAssessment, StandardSet, SyncState } from '../model';

/** A stored standard set version: the set plus its primary key `${id}@${version}`. */
export type StoredStandardSet = StandardSet & { key: string };
export type StoredCredentials = { connectionId: string; credentials: Credentials };

export const DB_NAME = 'gaplens';

/**
 * The one database of GapLens. Opened only by extension pages and the background: a content script's
 * IndexedDB belongs to the helpdesk's page, so content scripts send messages instead.
 *
 * Every `version(n)` stays for as long as a user may still be on it; each version has a stored
 * example under test/fixtures/db/ that the migration test upgrades (see schema-versions.ts).
 */
export class GapLensDb extends Dexie {
  assessments!: EntityTable<SelfAssessment, 'ticketKey'>;
  csatRatings!: EntityTable<CsatRating, 'id'>;
  standardSets!: EntityTable<StoredStandardSet, 'key'>;
  connections!: EntityTable<Connection, 'id'>;
  /** Secrets, kept apart from `connections` so nothing that lists or exports connections can leak them. */
  credentials!: EntityTable<StoredCredentials, 'connectionId'>;
  syncState!: EntityTable<SyncState, 'connectionId'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

export const SCHEMA_V1 = {
  assessments: 'ticketKey, updatedAt, createdAt, agentId, [ticket.origin+ticket.ticketId]',
  csatRatings: 'id, ticketKey, agentId, updatedAt, connectionId',
  standardSets: 'key, id',
  connections: 'id, origin',
  credentials: 'connectionId',
  syncState: 'connectionId',
} as const;

let instance: GapLensDb | undefined;

/** The shared database instance of this context, opened on first use. */
export function getDb(): GapLensDb {
  instance ??= new GapLensDb();
  return instance;
}

/** For tests: forget the instance so the next `getDb()` opens a fresh one. */
export function resetDbInstance(): void {
  instance?.close();
  instance = undefined;
}
