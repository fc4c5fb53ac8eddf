import type { Credentials } from '../../model';
import { basicAuthorization } from '../shared/basic-auth';
import { streamPage, stringPosition, type CsatStream } from '../shared/csat-pass';
import { HelpdeskError } from '../shared/errors';
import type { HelpdeskApiSpec } from '../shared/helpdesk-api';
import type { HttpClient } from '../shared/http-client';
import { nextFromLinkHeader, walkPages } from '../shared/pagination';
import { perTicketStream } from '../shared/per-ticket-stream';
import type { RateLimitHeaderNames } from '../shared/rate-limit';
import { statesOneByOne } from '../shared/ticket-states';
import type { TicketState, WhoAmI } from '../types';
import { draftFromFreshdeskRating } from './csat';
import {
  freshdeskAgentSchema,
  freshdeskSatisfactionRatingsSchema,
  freshdeskTicketListSchema,
  freshdeskTicketSchema,
  type FreshdeskTicket,
} from './schemas';

/** `per_page` maximum (developers.freshdesk.com/api/#pagination). */
export const FRESHDESK_PAGE_SIZE = 100;
/** Agent path: tickets read one request each, committed in groups of this many. */
export const FRESHDESK_TICKETS_PER_PAGE = 20;

/**
 * Without `created_since` the list returns only the last 30 days (developers.freshdesk.com/api/#satisfaction-ratings),
 * so a first sync asks from a date before any Freshdesk account existed.
 */
const BEGINNING_OF_HISTORY = '2000-01-01T00:00:00Z';

/** developers.freshdesk.com/api/#ratelimit: `X-RateLimit-Total`, `X-RateLimit-Remaining`, no reset header. */
export const FRESHDESK_RATE_LIMIT_HEADERS: RateLimitHeaderNames = {
  limit: ['x-ratelimit-total'],
  remaining: ['x-ratelimit-remaining'],
  resetSeconds: [],
};

/** The API key is the Basic user name; the password is ignored, `X` by convention. */
function authorization(credentials: Credentials): string {
  if (credentials.type === 'api-key') return basicAuthorization(credentials.apiKey, 'X');
  throw new HelpdeskError(
    'unauthorized',
    'Freshdesk takes the API key from the agent’s profile settings, not a token.',
  );
}

async function whoAmI(client: HttpClient, signal?: AbortSignal): Promise<WhoAmI> {
  const { data } = await client.getJson(client.url('/api/v2/agents/me'), freshdeskAgentSchema, { signal });
  return {
    id: String(data.id),
    name: data.contact.name,
    email: data.contact.email ?? null,
    role: data.type ?? 'agent',
  };
}

/** Admin path: every rating created since `since`, 100 a page, following the `Link` header. */
function satisfactionRatingsStream(client: HttpClient): CsatStream {
  return {
    id: 'satisfaction_ratings',
    async *pages(at, request) {
      // Freshdesk wants the ISO time without milliseconds, URL-encoded (the client encodes the query).
      const start = client.url('/api/v2/surveys/satisfaction_ratings', {
        created_since: request.since === null ? BEGINNING_OF_HISTORY : `${request.since.slice(0, 19)}Z`,
        page: 1,
        per_page: FRESHDESK_PAGE_SIZE,
      });
      const walk = walkPages(
        client,
        stringPosition(at) ?? start,
        freshdeskSatisfactionRatingsSchema,
        nextFromLinkHeader,
        request,
      );
      for await (const { response, next } of walk) {
        yield streamPage(response.endpoint, next, response.data.map(draftFromFreshdeskRating));
      }
    },
  };
}

/** Agent path: the ratings of each ticket the agent assessed (an agent's key cannot list them all). */
function assessedTicketsStream(client: HttpClient): CsatStream {
  return perTicketStream({
    id: 'ticket_ratings',
    ticketsPerPage: FRESHDESK_TICKETS_PER_PAGE,
    endpoint: 'GET /api/v2/tickets/:id/satisfaction_ratings',
    async readTicket(ticketId, request) {
      const { data, endpoint } = await client.getJson(
        client.url(`/api/v2/tickets/${ticketId}/satisfaction_ratings`),
        freshdeskSatisfactionRatingsSchema,
        request,
      );
      return { endpoint, records: data };
    },
    toDrafts: (records) => records.map(draftFromFreshdeskRating),
  });
}

/** 4 resolved, 5 closed: the agent is done with the ticket. */
const DONE_STATUSES = new Set([4, 5]);

function ticketState(ticket: FreshdeskTicket): TicketState {
  return {
    ticketId: String(ticket.id),
    status: String(ticket.status),
    done: DONE_STATUSES.has(ticket.status),
    assigneeId: ticket.responder_id == null ? null : String(ticket.responder_id),
    subject: ticket.subject ?? null,
    updatedAt: ticket.updated_at,
  };
}

/**
 * Freshdesk has no batch read of tickets by id, so one request a ticket; the caller batches the
 * ids it collected over a moment, so a burst of page events still costs one request per ticket.
 */
function ticketStates(client: HttpClient, ticketIds: readonly string[], signal?: AbortSignal) {
  const path = (id: string) => `/api/v2/tickets/${id}`;
  return statesOneByOne(client, ticketIds, path, freshdeskTicketSchema, ticketState, signal);
}

/** At most this many pages of recently updated tickets: the unrated queue needs today's. */
const UPDATED_TICKETS_MAX_PAGES = 3;

/**
 * `GET /api/v2/tickets?updated_since=…&order_by=updated_at` (developers.freshdesk.com/api/#list_all_tickets):
 * tickets the key may see, changed since `since`; the done ones are kept. The caller keeps only
 * those assigned to the agent.
 */
async function solvedTickets(client: HttpClient, since: string, signal?: AbortSignal) {
  const start = client.url('/api/v2/tickets', {
    updated_since: `${new Date(since).toISOString().slice(0, 19)}Z`,
    order_by: 'updated_at',
    order_type: 'desc',
    per_page: FRESHDESK_PAGE_SIZE,
  });
  const states: TicketState[] = [];
  let pages = 0;
  for await (const { response } of walkPages(client, start, freshdeskTicketListSchema, nextFromLinkHeader, {
    signal,
  })) {
    states.push(...response.data.filter((ticket) => DONE_STATUSES.has(ticket.status)).map(ticketState));
    if (++pages >= UPDATED_TICKETS_MAX_PAGES) break;
  }
  return states;
}

/** Freshdesk's API, as data and a few functions for {@link createHelpdeskApi}. */
export const FRESHDESK_API_SPEC: HelpdeskApiSpec = {
  rateLimitHeaders: FRESHDESK_RATE_LIMIT_HEADERS,
  authorization,
  whoAmI,
  listProbeUrl: (client) =>
    client.url('/api/v2/surveys/satisfaction_ratings', { created_since: BEGINNING_OF_HISTORY, page: 1, per_page: 1 }),
  streams: (client) => ({ list: [satisfactionRatingsStream(client)], agent: [assessedTicketsStream(client)] }),
  ticketStates,
  solvedTickets,
};
