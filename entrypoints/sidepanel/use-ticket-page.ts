import { useLiveQuery } from 'dexie-react-hooks';
import { readTicketPage, type TicketListQuery, type TicketPage } from '../../lib/gap-store/queries';

/**
 * A page of a ticket list, re-read whenever a write touches the store. The result carries the key
 * of the query it answers, so the panel can tell a stale page (still showing while the new one is
 * read) from the answer to the current filters.
 */
export function useTicketPage(
  query: TicketListQuery | null,
  initial?: TicketPage & { key: string },
): (TicketPage & { key: string }) | undefined {
  const key = JSON.stringify(query);
  return useLiveQuery(async () => (query ? { key, ...(await readTicketPage(query)) } : undefined), [key], initial);
}
