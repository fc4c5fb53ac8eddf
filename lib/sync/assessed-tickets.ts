import Dexie from 'dexie';
import { getDb } from '../db/db';
import { compareNumericIds } from '../helpdesks/shared/pagination';

/**
 * Ids of the tickets the agent assessed on `origin`, ascending, for the agent path (an agent's own
 * token cannot list ratings, so their tickets are read one by one). With `since`, only tickets
 * whose assessment changed from then on: older ones were read by earlier passes, and a late rating
 * on an older ticket is found by the adapter's search for rated tickets, where the helpdesk has one.
 */
export async function assessedTicketIds(origin: string, since: string | null): Promise<string[]> {
  const ids: string[] = [];
  await getDb()
    .assessments.where('[ticket.origin+ticket.ticketId]')
    .between([origin, Dexie.minKey], [origin, Dexie.maxKey])
    .each((assessment) => {
      if (since === null || assessment.updatedAt >= since) ids.push(assessment.ticket.ticketId);
    });
  return ids.sort(compareNumericIds);
}
