import type { DBCoreMutateRequest } from 'dexie';
import type { TicketRecords } from './ticket-entry';

/**
 * The touched tickets' records after a successful write, worked out from the records before it
 * and the write itself, instead of reading them back: the middleware runs on every page a sync
 * commits, and a read-back would cost two more IndexedDB requests per rating.
 *
 * Returns null where the request is not a plain keyed write this function can replay exactly; the
 * middleware then reads the records back.
 */
export function recordsAfterWrite(
  table: 'assessments' | 'csatRatings',
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
  before: ReadonlyMap<string, TicketRecords>,
): Map<string, TicketRecords> | null {
  const after = new Map(
    [...before].map(([key, records]) => [key, { assessment: records.assessment, ratings: [...records.ratings] }]),
  );
  if (table === 'assessments') {
    if (req.type === 'delete') {
      for (const key of req.keys) {
        const records = after.get(String(key));
        if (records) records.assessment = undefined;
      }
      return after;
    }
    // Inbound keys only: the assessment's own ticketKey is its primary key.
    if (req.keys && req.keys.some((key, i) => key !== ticketKeyOf(req.values[i]))) return null;
    for (const value of req.values) {
      const key = ticketKeyOf(value);
      if (key === null) return null;
      const records = after.get(key);
      if (!records) return null;
      records.assessment = value;
    }
    return after;
  }
  const ids = req.type === 'delete' ? req.keys : req.values.map(idOf);
  if (ids.some((id) => typeof id !== 'string')) return null;
  // A rating replaced or deleted by id leaves whichever ticket's list holds it.
  for (const records of after.values())
    records.ratings = records.ratings.filter((rating) => !ids.includes(idOf(rating)));
  if (req.type !== 'delete') {
    for (const value of req.values) {
      const key = ticketKeyOf(value);
      if (key === null) continue; // a rating without a ticket key belongs to no ticket
      const records = after.get(key);
      if (!records) return null;
      // A later value in the same request replaces an earlier one with the same id.
      records.ratings = [...records.ratings.filter((rating) => idOf(rating) !== idOf(value)), value];
    }
  }
  return after;
}

function ticketKeyOf(value: unknown): string | null {
  const key = (value as { ticketKey?: unknown } | null)?.ticketKey;
  return typeof key === 'string' ? key : null;
}

function idOf(value: unknown): unknown {
  return (value as { id?: unknown } | null)?.id;
}
