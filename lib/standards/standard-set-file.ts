import { z } from 'zod';
import { parseJsonFile } from '../export/json-file';
import { standardSetSchema, type Standard, type StandardSet } from '../model';

export const STANDARD_SET_FILE_FORMAT = 'gaplens-standard-set';

/**
 * A published standard set as a file or at an https URL (documented in the README):
 * `{ "format": "gaplens-standard-set", "version": 1, "set": StandardSet }`.
 */
export const standardSetFileSchema = z.strictObject({
  format: z.literal(STANDARD_SET_FILE_FORMAT),
  version: z.literal(1),
  set: standardSetSchema,
});
export type StandardSetFile = z.infer<typeof standardSetFileSchema>;

/** Above this many standards rating takes noticeably longer; the editor warns (micro-rubric). */
export const RECOMMENDED_MAX_STANDARDS = 8;

export function buildStandardSetFile(set: StandardSet): StandardSetFile {
  return { format: STANDARD_SET_FILE_FORMAT, version: 1, set };
}

export type StandardSetFileRead = { ok: true; set: StandardSet } | { ok: false; error: string };

/** Reads a set file's text: JSON first, then the schema; every problem with its path and reason. */
export function parseStandardSetFile(text: string): StandardSetFileRead {
  const read = parseJsonFile(text, standardSetFileSchema);
  return read.ok ? { ok: true, set: read.file.set } : read;
}

export interface StandardSetDiff {
  added: Standard[];
  removed: Standard[];
  /** Standards in both, with the fields that differ. */
  changed: { id: string; title: string; fields: (keyof Standard)[] }[];
  /** Whether the standards that stayed are in another order. */
  reordered: boolean;
  renamed: boolean;
}

const FIELDS: (keyof Standard)[] = ['title', 'description', 'factor', 'weight', 'allowNa'];

/** What changes from `current` to `next`, standard by standard (matched by id). */
export function diffStandardSets(current: StandardSet, next: StandardSet): StandardSetDiff {
  const before = new Map(current.standards.map((s) => [s.id, s]));
  const after = new Map(next.standards.map((s) => [s.id, s]));
  const kept = next.standards.filter((s) => before.has(s.id)).map((s) => s.id);
  const keptBefore = current.standards.filter((s) => after.has(s.id)).map((s) => s.id);
  return {
    added: next.standards.filter((s) => !before.has(s.id)),
    removed: current.standards.filter((s) => !after.has(s.id)),
    changed: next.standards.flatMap((s) => {
      const old = before.get(s.id);
      const fields = old ? FIELDS.filter((f) => old[f] !== s[f]) : [];
      return fields.length > 0 ? [{ id: s.id, title: s.title, fields }] : [];
    }),
    reordered: kept.join('\n') !== keptBefore.join('\n'),
    renamed: current.name !== next.name,
  };
}

/** A standard id from its title (`Clear next steps` → `clear-next-steps`), unique among `taken`. */
export function standardIdFor(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'standard';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
