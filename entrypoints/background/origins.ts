import type { HelpdeskOriginEntry } from '../../lib/model';

/** `entries` plus each of `more` that is not in it yet (same kind and origin). */
export function withOrigins(
  entries: readonly HelpdeskOriginEntry[],
  more: readonly HelpdeskOriginEntry[],
): HelpdeskOriginEntry[] {
  const merged = [...entries];
  for (const entry of more) {
    if (!merged.some((e) => e.kind === entry.kind && e.origin === entry.origin)) merged.push(entry);
  }
  return merged;
}
