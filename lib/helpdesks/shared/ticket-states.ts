import type { z } from 'zod';
import type { TicketState } from '../types';
import { isHelpdeskError } from './errors';
import type { HttpClient } from './http-client';

/**
 * Ticket states for APIs without a batch read by id (Freshdesk tickets, Intercom conversations): one
 * GET each, every id once. A ticket that no longer exists (404) or that these credentials may no
 * longer see (403) is left out rather than failing the whole check; a 401 still fails it.
 */
export async function statesOneByOne<S extends z.ZodType>(
  client: HttpClient,
  ticketIds: readonly string[],
  pathOf: (ticketId: string) => string,
  schema: S,
  stateOf: (record: z.output<S>) => TicketState,
  signal?: AbortSignal,
): Promise<TicketState[]> {
  const states: TicketState[] = [];
  for (const ticketId of new Set(ticketIds)) {
    try {
      const { data } = await client.getJson(client.url(pathOf(ticketId)), schema, { signal });
      states.push(stateOf(data));
    } catch (error) {
      if (!isHelpdeskError(error, 'not-found') && !isHelpdeskError(error, 'forbidden')) throw error;
    }
  }
  return states;
}
