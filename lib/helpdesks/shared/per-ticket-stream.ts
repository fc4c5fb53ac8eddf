import type { CsatReadRequest, RatingDraft } from '../types';
import { streamPage, stringPosition, type CsatStream } from './csat-pass';
import { isHelpdeskError } from './errors';
import { idBatches } from './pagination';

/** How one helpdesk reads the rating records of a single ticket, and turns a batch of them into drafts. */
export interface PerTicketReader<T> {
  /** The stream id in the pass's resume value, e.g. `ticket_ratings`. */
  id: string;
  /** Tickets read (one request each) before a page is committed. */
  ticketsPerPage: number;
  /** The endpoint named on a page whose tickets were all skipped. */
  endpoint: string;
  readTicket(ticketId: string, request: CsatReadRequest): Promise<{ endpoint: string; records: readonly T[] }>;
  /** The batch's records as drafts (null: not a rating); may look things up, e.g. the tickets' assignees. */
  toDrafts(records: readonly T[], request: CsatReadRequest): Promise<(RatingDraft | null)[]> | (RatingDraft | null)[];
}

/**
 * Agent path for helpdesks whose agents cannot list every rating: the ratings of each ticket the
 * agent assessed, in ascending id batches, the batch's last id as the position. A ticket that no
 * longer exists (404) has no rating to read, and one the agent can no longer see (403: reassigned
 * under an "assigned tickets only" scope) is that agent's business no more; both are skipped rather
 * than pausing the whole connection. A revoked key still pauses it: 401.
 */
export function perTicketStream<T>(reader: PerTicketReader<T>): CsatStream {
  return {
    id: reader.id,
    async *pages(at, request) {
      for (const batch of idBatches(request.assessedTicketIds, reader.ticketsPerPage, stringPosition(at))) {
        const records: T[] = [];
        let endpoint = reader.endpoint;
        for (const ticketId of batch) {
          try {
            const read = await reader.readTicket(ticketId, request);
            endpoint = read.endpoint;
            records.push(...read.records);
          } catch (error) {
            if (!isHelpdeskError(error, 'not-found') && !isHelpdeskError(error, 'forbidden')) throw error;
          }
        }
        yield streamPage(endpoint, batch[batch.length - 1]!, await reader.toDrafts(records, request));
      }
    },
  };
}
