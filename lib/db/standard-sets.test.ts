import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STANDARD_SET, standardSetKey } from '../model';
import { DB_NAME, getDb, resetDbInstance } from './db';
import { readActiveStandardSet, seedDefaultStandardSet } from './standard-sets';

beforeEach(async () => {
  resetDbInstance();
  await Dexie.delete(DB_NAME);
});

describe('standard sets', () => {
  it('seeds the default set once', async () => {
    expect(await seedDefaultStandardSet()).toBe(true);
    expect(await seedDefaultStandardSet()).toBe(false);
    expect(await getDb().standardSets.count()).toBe(1);
  });

  it('uses the newest valid version of the active set', async () => {
    await seedDefaultStandardSet();
    const v2 = { ...DEFAULT_STANDARD_SET, version: 2, name: 'Version two' };
    await getDb().standardSets.put({ ...v2, key: standardSetKey(v2.id, 2) });
    expect(await readActiveStandardSet('gaplens-default')).toEqual({ set: v2, problem: null });
  });

  it('falls back to the built-in set, saying why, when the active set is damaged', async () => {
    await getDb().standardSets.put({ key: 'team@1', id: 'team', version: 1, standards: [] } as never);
    const { set, problem } = await readActiveStandardSet('team');
    expect(set).toBe(DEFAULT_STANDARD_SET);
    expect(problem).toMatch(/The standard set “team” is damaged \(team@1: .*standards.*\)/);
  });

  it('falls back to the built-in set when the active set is not installed', async () => {
    const { set, problem } = await readActiveStandardSet('missing');
    expect(set).toBe(DEFAULT_STANDARD_SET);
    expect(problem).toContain('not installed');
  });
});
