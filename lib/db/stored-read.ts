import type { z } from 'zod';
import { describeZodError } from '../model';

/**
 * What reading one record gave: the parsed value, nothing, or a record that no longer matches its
 * schema (hand-edited, written by a buggy build, half-migrated). Pages show `problem` and carry on.
 */
export type StoredRead<T> = { status: 'ok'; value: T } | { status: 'missing' } | { status: 'damaged'; problem: string };

const MAX_PROBLEMS = 3;

/** Parses a record read from the database; never throws. */
export function parseStored<S extends z.ZodType>(schema: S, raw: unknown): StoredRead<z.output<S>> {
  if (raw === undefined || raw === null) return { status: 'missing' };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { status: 'ok', value: parsed.data };
  // The first few problems say enough to recognise the damage; the rest would only be noise.
  const problems = describeZodError(parsed.error).split('\n');
  const more = problems.length > MAX_PROBLEMS ? ` (and ${problems.length - MAX_PROBLEMS} more)` : '';
  return { status: 'damaged', problem: problems.slice(0, MAX_PROBLEMS).join('; ') + more };
}
