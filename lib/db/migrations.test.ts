import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  connectionSchema,
  credentialsSchema,
  csatRatingSchema,
  selfAssessmentSchema,
  standardSetSchema,
  syncStateSchema,
} from '../model';
import { gapCellRowSchema, gapRevealSchema, gapStateSchema, gapTicketRowSchema } from '../gap-store/schema';
import { teamAssessmentRowSchema, teamBundleRowSchema } from '../team/schema';
import { GapLensDb, LATEST_DB_VERSION, SCHEMA_VERSIONS } from './db';

/** What every record of each table must still be after an upgrade: valid under today's schema. */
const CURRENT_RECORD_SCHEMAS: Record<string, z.ZodType> = {
  assessments: selfAssessmentSchema,
  csatRatings: csatRatingSchema,
  standardSets: standardSetSchema.and(z.object({ key: z.string() })),
  connections: connectionSchema,
  credentials: z.object({ connectionId: z.string(), credentials: credentialsSchema }),
  syncState: syncStateSchema,
  gapState: gapStateSchema,
  gapCells: gapCellRowSchema,
  gapTickets: gapTicketRowSchema,
  gapReveals: gapRevealSchema,
  teamBundles: teamBundleRowSchema,
  teamAssessments: teamAssessmentRowSchema,
};

const fixtureSchema = z.object({ version: z.number().int(), tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))) });

function exampleFor(version: number) {
  const file = resolve(__dirname, `../../test/fixtures/db/v${version}.json`);
  if (!existsSync(file)) {
    throw new Error(
      `Schema version ${version} has no stored example at test/fixtures/db/v${version}.json. ` +
        'Every version needs one so its upgrade path is tested; add it before releasing the version.',
    );
  }
  return fixtureSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  // Dexie keeps the factory it found at import, so the one above does not isolate the versions' runs.
  await Dexie.delete('migration-test');
});

describe('database migrations', () => {
  it('has a stored example for every schema version', () => {
    for (const { version } of SCHEMA_VERSIONS) expect(() => exampleFor(version)).not.toThrow();
  });

  it('fails loudly when a version has no example', () => {
    expect(() => exampleFor(LATEST_DB_VERSION + 1)).toThrow(/has no stored example/);
  });

  it('every example covers every table of its version', () => {
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const example = exampleFor(version);
      for (const table of Object.keys(stores)) {
        expect(example.tables[table]?.length ?? 0, `v${version} example has no ${table}`).toBeGreaterThan(0);
      }
    }
  });

  for (const { version } of SCHEMA_VERSIONS) {
    it(`upgrades v${version} data to v${LATEST_DB_VERSION} without losing a record`, async () => {
      const example = exampleFor(version);
      const old = new GapLensDb('migration-test', version);
      await old.open();
      for (const [table, rows] of Object.entries(example.tables)) await old.table(table).bulkAdd(rows);
      old.close();

      const current = new GapLensDb('migration-test');
      await current.open();
      expect(current.verno).toBe(LATEST_DB_VERSION);
      for (const [table, rows] of Object.entries(example.tables)) {
        const stored = await current.table(table).toArray();
        expect(stored, `${table} lost records`).toHaveLength(rows.length);
        for (const record of stored) {
          const parsed = CURRENT_RECORD_SCHEMAS[table]!.safeParse(record);
          expect(parsed.success, `${table} record no longer valid: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        }
      }
      current.close();
    });
  }
});
