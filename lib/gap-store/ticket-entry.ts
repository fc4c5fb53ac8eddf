import { ticketEntries, type TicketEntry } from '../gap';
import { csatRatingSchema, selfAssessmentSchema, type CsatRating, type SelfAssessment } from '../model';

/*
 * Raw records → lib/gap's TicketEntry. Both the incremental path (middleware) and the rebuild go
 * through these functions, so they agree on which records count: a record that fails its schema
 * (hand-edited, half-migrated) counts as absent in both, exactly as the popup treats it as damaged.
 */

export function validAssessment(raw: unknown): SelfAssessment | null {
  const parsed = selfAssessmentSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function validRating(raw: unknown): CsatRating | null {
  const parsed = csatRatingSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The raw records stored for one ticket key: at most one assessment (its primary key), any number of ratings. */
export interface TicketRecords {
  assessment: unknown;
  ratings: readonly unknown[];
}

/**
 * The de-duplicated state of one ticket (latest assessment, latest rating), or null when no valid
 * record of it is stored. Records whose ticket key is not `ticketKey` are ignored: they belong to
 * another ticket.
 */
export function entryOfTicket(ticketKey: string, records: TicketRecords): TicketEntry | null {
  const assessment = validAssessment(records.assessment);
  const ratings = records.ratings.map(validRating).filter((r): r is CsatRating => r?.ticketKey === ticketKey);
  const assessments = assessment?.ticketKey === ticketKey ? [assessment] : [];
  return ticketEntries(assessments, ratings)[0] ?? null;
}

/** Every ticket's entry from the whole raw tables (the rebuild), damaged records left out. */
export function entriesOfTables(assessments: readonly unknown[], ratings: readonly unknown[]): TicketEntry[] {
  const valid = <T>(items: readonly unknown[], parse: (raw: unknown) => T | null) =>
    items.map(parse).filter((item): item is T => item !== null);
  return ticketEntries(valid(assessments, validAssessment), valid(ratings, validRating));
}
