import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { gapStoreMiddleware } from '../gap-store/middleware';
import { upgradeGapCellsToLevels } from '../gap-store/upgrade';
import {
  GAP_STORE_STORES_V2,
  GAP_STORE_STORES_V4,
  type GapCellRow,
  type GapReveal,
  type GapState,
  type GapTicketRow,
} from '../gap-store/schema';
import type { Connection, Credentials, CsatRating, SelfAssessment, StandardSet, SyncState } from '../model';
import { TEAM_STORES, type TeamAssessmentRow, type TeamBundleRow } from '../team/schema';

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
  /** The gap store (lib/gap-store): derived from assessments and ratings, kept current by its middleware. */
  gapState!: EntityTable<GapState, 'id'>;
  gapCells!: EntityTable<GapCellRow, 'key'>;
  gapTickets!: EntityTable<GapTicketRow, 'ticketKey'>;
  gapReveals!: EntityTable<GapReveal, 'id'>;
  /** The team store (lib/team): bundles a lead imported, apart from the lead's own assessments. */
  teamBundles!: EntityTable<TeamBundleRow, 'agentKey'>;
  teamAssessments!: EntityTable<TeamAssessmentRow, 'id'>;

  /** `upToVersion` opens the database as an older release would have; only the migration test uses it. */
  constructor(name = DB_NAME, upToVersion = LATEST_DB_VERSION) {
    super(name);
    for (const step of SCHEMA_VERSIONS) {
      if (step.version > upToVersion) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    this.use(gapStoreMiddleware);
  }
}

const SCHEMA_V1 = {
  assessments: 'ticketKey, updatedAt, createdAt, agentId, [ticket.origin+ticket.ticketId]',
  csatRatings: 'id, ticketKey, agentId, updatedAt, connectionId',
  standardSets: 'key, id',
  connections: 'id, origin',
  credentials: 'connectionId',
  syncState: 'connectionId',
} as const;

interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/**
 * Every schema version, oldest first. Never edit a released step: add a new one with an `upgrade`.
 * test/fixtures/db/v<N>.json must hold example data for each step (lib/db/migrations.test.ts).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: SCHEMA_V1 },
  // v2: the gap store. No upgrade step: it starts unbuilt and is built from the raw tables on first
  // use (lib/gap-store/rebuild.ts), in the user's time zone, which an upgrade cannot know.
  { version: 2, stores: GAP_STORE_STORES_V2 },
  // v3: the team store (lib/team/schema.ts). New tables only, so nothing to upgrade.
  { version: 3, stores: TEAM_STORES },
  // v4: gap cells per day, week and month, indexed by agent, level and period. The old day cells
  // are kept (marked as such); the store's own version makes readers rebuild it anyway.
  { version: 4, stores: GAP_STORE_STORES_V4, upgrade: upgradeGapCellsToLevels },
];

export const LATEST_DB_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

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
