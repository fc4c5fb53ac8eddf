import { getDb } from '../db/db';
import { describeZodError, standardSetKey, standardSetSchema, type Standard, type StandardSet } from '../model';
import { updateSettings } from '../settings/settings-store';

export type PublishResult = { ok: true; set: StandardSet } | { ok: false; error: string };

/**
 * Publishes an edited set as the next version of its id. Earlier versions stay stored untouched, so
 * every assessment keeps the version it was made against and is still scored with it. The new
 * version becomes the active set. Nothing is written unless the whole set validates.
 */
export async function publishStandardSet(
  draft: { id: string; name: string; standards: Standard[] },
  now = new Date(),
): Promise<PublishResult> {
  const db = getDb();
  const stored = await db.standardSets.where('id').equals(draft.id).toArray();
  const version = Math.max(0, ...stored.map((s) => s.version)) + 1;
  const parsed = standardSetSchema.safeParse({ ...draft, version, publishedAt: now.toISOString() });
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const set = parsed.data;
  // add, not put: if another page published this version a moment ago, fail instead of overwriting it.
  await db.standardSets.add({ ...set, key: standardSetKey(set.id, set.version) });
  await updateSettings((settings) => ({ ...settings, activeStandardSetId: set.id }));
  return { ok: true, set };
}

/**
 * Installs a set imported from a file or URL as published (its own id and version) and makes it
 * active. The same version already stored with other content is refused: a version, once
 * published, means one list of standards.
 */
export async function installStandardSet(set: StandardSet): Promise<PublishResult> {
  const db = getDb();
  const key = standardSetKey(set.id, set.version);
  const existing = await db.standardSets.get(key);
  if (existing) {
    const { key: _key, ...stored } = existing;
    if (JSON.stringify(standardSetSchema.parse(stored)) !== JSON.stringify(set)) {
      return {
        ok: false,
        error: `${key} is already installed with different standards. Ask for a file with a new version number.`,
      };
    }
  } else {
    await db.standardSets.add({ ...set, key });
  }
  await updateSettings((settings) => ({ ...settings, activeStandardSetId: set.id }));
  return { ok: true, set };
}
