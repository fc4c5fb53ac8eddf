import type { z } from 'zod';
import { describeZodError } from '../model';

export type JsonFileRead<T> = { ok: true; file: T } | { ok: false; error: string };

/** Reads an imported file's text: JSON first, then the schema; each problem is reported with its path. */
export function parseJsonFile<S extends z.ZodType>(text: string, schema: S): JsonFileRead<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON (${(error as Error).message}).` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  return { ok: true, file: parsed.data };
}
