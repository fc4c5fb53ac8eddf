import { DEFAULT_STANDARD_SET, standardSetKey, standardSetSchema, type StandardSet } from '../model';
import { getDb } from './db';
import { parseStored, type StoredRead } from './stored-read';

/** Stores the built-in set unless that version is already there. Idempotent; run on install. */
export async function seedDefaultStandardSet(): Promise<boolean> {
  const db = getDb();
  const key = standardSetKey(DEFAULT_STANDARD_SET.id, DEFAULT_STANDARD_SET.version);
  return db.transaction('rw', db.standardSets, async () => {
    if (await db.standardSets.get(key)) return false;
    await db.standardSets.put({ ...DEFAULT_STANDARD_SET, key });
    return true;
  });
}

/** One stored version of a set, parsed. The built-in default counts as stored even before seeding. */
export async function readStandardSetVersion(id: string, version: number): Promise<StoredRead<StandardSet>> {
  const raw = await getDb().standardSets.get(standardSetKey(id, version));
  const read = parseStored(standardSetSchema, raw && withoutKey(raw));
  if (read.status === 'missing' && id === DEFAULT_STANDARD_SET.id && version === DEFAULT_STANDARD_SET.version) {
    return { status: 'ok', value: DEFAULT_STANDARD_SET };
  }
  return read;
}

export type ActiveStandardSet = {
  set: StandardSet;
  /** Why `set` is not the one the settings name, when it is not; shown to the user. */
  problem: string | null;
};

/**
 * The newest valid version of the set the settings name. A damaged or missing set never leaves the
 * agent without a form: the built-in default is used instead, and `problem` says why.
 */
export async function readActiveStandardSet(id: string): Promise<ActiveStandardSet> {
  const rows = await getDb().standardSets.where('id').equals(id).toArray();
  const reads = rows.map((row) => ({ key: row.key, read: parseStored(standardSetSchema, withoutKey(row)) }));
  const valid = reads.flatMap(({ read }) => (read.status === 'ok' ? [read.value] : []));
  const newest = valid.sort((a, b) => b.version - a.version)[0];
  const damaged = reads.find(({ read }) => read.status === 'damaged');
  const damage = damaged?.read.status === 'damaged' ? `${damaged.key}: ${damaged.read.problem}` : null;
  if (newest) {
    return {
      set: newest,
      problem:
        damage && `A stored version of this standard set is damaged (${damage}); version ${newest.version} is used.`,
    };
  }
  if (id === DEFAULT_STANDARD_SET.id && !damage) return { set: DEFAULT_STANDARD_SET, problem: null };
  return {
    set: DEFAULT_STANDARD_SET,
    problem: damage
      ? `The standard set “${id}” is damaged (${damage}), so the built-in default set is used.`
      : `The standard set “${id}” is not installed, so the built-in default set is used.`,
  };
}

function withoutKey(row: { key: string }): unknown {
  const { key: _key, ...set } = row;
  return set;
}
