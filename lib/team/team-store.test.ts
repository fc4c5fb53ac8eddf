import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, getDb, resetDbInstance } from '../db/db';
import { IDBFactory } from 'fake-indexeddb';
import { clearTeam, importBundleFiles, readTeam } from './team-store';
import { sampleBundle, TEST_ORIGIN } from './test-bundles';

const file = (name: string, value: unknown) => ({ name, text: JSON.stringify(value) });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  resetDbInstance();
  // Dexie keeps the IndexedDB factory it found at import, so a new factory alone does not isolate tests.
  await Dexie.delete(DB_NAME);
});

describe('team store', () => {
  it('reports each file and keeps one bundle per agent', async () => {
    const a = sampleBundle('101', { count: 5 });
    const newer = sampleBundle('101', { count: 7, exportedAt: '2026-11-09T00:00:00.000Z' });
    const b = sampleBundle('102', { count: 3, firstTicket: 50 });
    const foreign = { ...sampleBundle('103'), helpdesk: { kind: 'zendesk', origin: 'https://other.zendesk.com' } };
    const reports = await importBundleFiles(
      [
        file('a.json', a),
        file('b.json', b),
        file('a-again.json', a),
        file('bad.json', { format: 'x' }),
        file('foreign.json', foreign),
      ],
      TEST_ORIGIN,
    );
    expect(reports.map((r) => r.status)).toEqual(['imported', 'imported', 'unchanged', 'invalid', 'wrong-origin']);
    expect(reports[3]!.message).toContain('format: Invalid input: expected "gaplens-team-bundle"');

    const second = await importBundleFiles([file('new.json', newer), file('a.json', a)], TEST_ORIGIN);
    expect(second.map((r) => r.status)).toEqual(['updated', 'older']);
    const team = await readTeam(TEST_ORIGIN);
    expect(team.members.map((m) => [m.agentId, m.assessments.length]).sort()).toEqual([
      ['101', 7],
      ['102', 3],
    ]);
    expect(await getDb().teamAssessments.count()).toBe(10);
    expect(await getDb().assessments.count()).toBe(0);

    await clearTeam();
    expect((await readTeam(null)).members).toEqual([]);
  });
});
