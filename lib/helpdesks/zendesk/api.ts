import type { Credentials } from '../../model';
import { streamPage, stringPosition, type CsatStream } from '../shared/csat-pass';
import { basicAuthorization, bearerAuthorization } from '../shared/basic-auth';
import { HelpdeskError, isHelpdeskError } from '../shared/errors';
import type { HelpdeskApiSpec } from '../shared/helpdesk-api';
import type { HttpClient } from '../shared/http-client';
import { idBatches, nextFromCursorLinks, nextFromNextPageField, readInBatches, walkPages } from '../shared/pagination';
import type { RateLimitHeaderNames } from '../shared/rate-limit';
import { toEpochSeconds } from '../shared/timestamps';
import type { CsatReadRequest, TicketState, WhoAmI } from '../types';
import { draftFromSatisfactionRating, draftFromSurveyResponse, draftFromTicket, surveyTicketId } from './csat';
import {
  zendeskMeSchema,
  zendeskSatisfactionRatingsPageSchema,
  zendeskShowManySchema,
  zendeskSurveyResponsesPageSchema,
  zendeskTicketSearchPageSchema,
  type ZendeskTicket,
} from './schemas';

/** Cursor pages of 100, Zendesk's maximum `page[size]` (developer.zendesk.com/api-reference/introduction/pagination/). */
export const ZENDESK_PAGE_SIZE = 100;
/** `tickets/show_many` takes at most 100 ids a request. */
export const ZENDESK_SHOW_MANY_LIMIT = 100;

/**
 * Zendesk sends `x-rate-limit` / `x-rate-limit-remaining`, and lately also `ratelimit-*` and
 * `rate-limit-*` with a reset in seconds (test/fixtures/api/zendesk/zendesk-response-headers-ratelimit-zenpy-fixture.json).
 */
export const ZENDESK_RATE_LIMIT_HEADERS: RateLimitHeaderNames = {
  limit: ['x-rate-limit', 'ratelimit-limit', 'rate-limit'],
  remaining: ['x-rate-limit-remaining', 'ratelimit-remaining', 'rate-limit-remaining'],
  resetSeconds: ['ratelimit-reset', 'rate-limit-reset'],
};

/** API token: Basic `{email}/token:{token}`; OAuth: Bearer (developer.zendesk.com/api-reference/introduction/security-and-auth/). */
function authorization(credentials: Credentials): string {
  switch (credentials.type) {
    case 'api-token':
      return basicAuthorization(`${credentials.email}/token`, credentials.token);
    case 'oauth-token':
      return bearerAuthorization(credentials.token);
    default:
      throw new HelpdeskError(
        'unauthorized',
        'Zendesk takes an API token (with the agent’s e-mail) or an OAuth token, not an API key.',
      );
  }
}

async function whoAmI(client: HttpClient, signal?: AbortSignal): Promise<WhoAmI> {
  const { data, endpoint } = await client.getJson(client.url('/api/v2/users/me'), zendeskMeSchema, { signal });
  const { user } = data;
  // Without valid credentials Zendesk may answer 200 with the anonymous user rather than 401.
  if (user.id === null)
    throw new HelpdeskError('unauthorized', `${endpoint}: the credentials were not accepted (anonymous user).`, {
      endpoint,
    });
  if (user.role === 'end-user') {
    throw new HelpdeskError(
      'forbidden',
      `${endpoint}: ${user.name} is an end user, not an agent: GapLens needs an agent’s or admin’s credentials.`,
      {
        endpoint,
      },
    );
  }
  return { id: String(user.id), name: user.name, email: user.email ?? null, role: user.role };
}

/** Legacy CSAT, admin path: every received rating since `since`, cursor-paged. */
function satisfactionRatingsStream(client: HttpClient): CsatStream {
  return {
    id: 'satisfaction_ratings',
    async *pages(at, request) {
      // score=received leaves out offered/unoffered at the source; the mapping drops them anyway.
      const start = client.url('/api/v2/satisfaction_ratings', {
        score: 'received',
        'page[size]': ZENDESK_PAGE_SIZE,
        start_time: request.since === null ? null : toEpochSeconds(request.since),
      });
      const walk = walkPages(
        client,
        stringPosition(at) ?? start,
        zendeskSatisfactionRatingsPageSchema,
        nextFromCursorLinks,
        request,
      );
      for await (const { response, next } of walk) {
        yield streamPage(response.endpoint, next, response.data.satisfaction_ratings.map(draftFromSatisfactionRating));
      }
    },
  };
}

/**
 * New CSAT, admin path. Accounts without it answer 404 or 403 here; that only means "nothing to
 * read", since the legacy list before it already proved the credentials may list ratings.
 */
function surveyResponsesStream(client: HttpClient): CsatStream {
  return {
    id: 'survey_responses',
    async *pages(at, request) {
      const start = client.url('/api/v2/guide/survey_responses', {
        'page[size]': ZENDESK_PAGE_SIZE,
        // New CSAT filters in epoch milliseconds, unlike the legacy list (HELPDESK-APIS.md §3.6).
        'filter[created_at_start]': request.since === null ? null : Date.parse(request.since),
      });
      const walk = walkPages(
        client,
        stringPosition(at) ?? start,
        zendeskSurveyResponsesPageSchema,
        nextFromCursorLinks,
        request,
      );
      try {
        for await (const { response, next } of walk) {
          const responses = response.data.survey_responses;
          const ticketIds = responses.map(surveyTicketId).filter((id): id is string => id !== null);
          const assignees = await assigneesOf(client, ticketIds, request.signal);
          const drafts = responses.map((item) =>
            draftFromSurveyResponse(item, (ticketId) => assignees.get(ticketId) ?? null),
          );
          yield streamPage(response.endpoint, next, drafts);
        }
      } catch (error) {
        if (isHelpdeskError(error, 'not-found') || isHelpdeskError(error, 'forbidden')) return;
        throw error;
      }
    },
  };
}

/**
 * New CSAT names no agent: the ticket's assignee stands in (HELPDESK-APIS.md §3.4), looked up with
 * one show_many per page. If the lookup is refused the ratings are kept without an agent.
 */
async function assigneesOf(
  client: HttpClient,
  ticketIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, string | null>> {
  const assignees = new Map<string, string | null>();
  for (const batch of idBatches([...new Set(ticketIds)], ZENDESK_SHOW_MANY_LIMIT, null)) {
    try {
      const { data } = await client.getJson(showManyUrl(client, batch), zendeskShowManySchema, { signal });
      for (const ticket of data.tickets)
        assignees.set(String(ticket.id), ticket.assignee_id == null ? null : String(ticket.assignee_id));
    } catch (error) {
      if (isHelpdeskError(error, 'forbidden') || isHelpdeskError(error, 'not-found')) continue;
      throw error;
    }
  }
  return assignees;
}

function showManyUrl(client: HttpClient, ids: readonly string[]): string {
  return client.url('/api/v2/tickets/show_many', { ids: ids.join(',') });
}

/**
 * Agent path, part 1: the tickets the agent assessed, ≤ 100 a request. The position is the last
 * ticket id of the last committed batch, so a restart continues with the next batch.
 */
function assessedTicketsStream(client: HttpClient): CsatStream {
  return {
    id: 'show_many',
    async *pages(at, request) {
      for (const batch of idBatches(request.assessedTicketIds, ZENDESK_SHOW_MANY_LIMIT, stringPosition(at))) {
        const { data, endpoint } = await client.getJson(showManyUrl(client, batch), zendeskShowManySchema, request);
        yield streamPage(endpoint, batch[batch.length - 1]!, data.tickets.map(draftFromTicket));
      }
    },
  };
}

/**
 * Agent path, part 2: rated tickets assigned to the agent that they never assessed, found with
 * search (developer.zendesk.com/api-reference/ticketing/ticket-management/search/). One stream per
 * score, because search ANDs different keywords and a single query could not ask for both.
 * Search answers at most 1,000 results a query (422 past them), so the most recently updated come
 * first; on later passes the `updated>` term keeps the result small.
 */
function ratedTicketsSearchStream(client: HttpClient, score: 'good' | 'bad'): CsatStream {
  return {
    id: `search_${score}`,
    async *pages(at, request) {
      const start = client.url('/api/v2/search', {
        query: ratedTicketsQuery(score, request),
        sort_by: 'updated_at',
        sort_order: 'desc',
      });
      const walk = walkPages(
        client,
        stringPosition(at) ?? start,
        zendeskTicketSearchPageSchema,
        nextFromNextPageField,
        request,
      );
      let first = true;
      try {
        for await (const { response, next } of walk) {
          first = false;
          yield streamPage(
            response.endpoint,
            next,
            response.data.results.map((ticket: ZendeskTicket) => draftFromTicket(ticket)),
          );
        }
      } catch (error) {
        // Past the 1,000-result limit: what is left is older than what was read, and out of reach.
        if (first || !isHelpdeskError(error, 'bad-request')) throw error;
      }
    },
  };
}

/** `type:ticket assignee:me satisfaction:good updated>2026-11-05`: search dates are whole days. */
export function ratedTicketsQuery(score: 'good' | 'bad', request: Pick<CsatReadRequest, 'since'>): string {
  const terms = ['type:ticket', 'assignee:me', `satisfaction:${score}`];
  if (request.since !== null) {
    // `updated>DAY` excludes DAY itself, so ask from the day before to keep `since` inside.
    const dayBefore = new Date(Date.parse(request.since) - 24 * 3600 * 1000).toISOString().slice(0, 10);
    terms.push(`updated>${dayBefore}`);
  }
  return terms.join(' ');
}

/** Statuses after which the agent is done with a ticket (closed follows solved after a few days). */
const DONE_STATUSES = new Set(['solved', 'closed']);

function ticketState(ticket: ZendeskTicket): TicketState {
  const status = ticket.status ?? 'unknown';
  return {
    ticketId: String(ticket.id),
    status,
    done: DONE_STATUSES.has(status),
    assigneeId: ticket.assignee_id == null ? null : String(ticket.assignee_id),
    subject: ticket.subject ?? null,
    updatedAt: ticket.updated_at,
  };
}

/** One `show_many` per 100 tickets: a done-check of many tabs costs one request, not one per ticket. */
function ticketStates(client: HttpClient, ticketIds: readonly string[], signal?: AbortSignal) {
  return readInBatches(ticketIds, ZENDESK_SHOW_MANY_LIMIT, async (batch) => {
    const { data } = await client.getJson(showManyUrl(client, batch), zendeskShowManySchema, { signal });
    return data.tickets.map(ticketState);
  });
}

/** Most tickets a done-tickets search reads: the unrated queue needs today's, not the history. */
const SOLVED_SEARCH_MAX_PAGES = 3;

/** `type:ticket assignee:me status>=solved updated>2026-11-20T08:00:00Z` (search takes ISO date-times too). */
export function solvedTicketsQuery(since: string): string {
  return `type:ticket assignee:me status>=solved updated>${new Date(since).toISOString().slice(0, 19)}Z`;
}

async function solvedTickets(client: HttpClient, since: string, signal?: AbortSignal) {
  const start = client.url('/api/v2/search', {
    query: solvedTicketsQuery(since),
    sort_by: 'updated_at',
    sort_order: 'desc',
  });
  const states: TicketState[] = [];
  let pages = 0;
  for await (const { response } of walkPages(client, start, zendeskTicketSearchPageSchema, nextFromNextPageField, {
    signal,
  })) {
    states.push(...response.data.results.map(ticketState));
    if (++pages >= SOLVED_SEARCH_MAX_PAGES) break;
  }
  return states;
}

/** Zendesk Support's API, as data and a few functions for {@link createHelpdeskApi}. */
export const ZENDESK_API_SPEC: HelpdeskApiSpec = {
  rateLimitHeaders: ZENDESK_RATE_LIMIT_HEADERS,
  authorization,
  whoAmI,
  listProbeUrl: (client) => client.url('/api/v2/satisfaction_ratings', { score: 'received', 'page[size]': 1 }),
  streams: (client) => ({
    // Legacy first, then new CSAT: an account on the new CSAT has an empty legacy list (HELPDESK-APIS.md §3.2).
    list: [satisfactionRatingsStream(client), surveyResponsesStream(client)],
    agent: [
      assessedTicketsStream(client),
      ratedTicketsSearchStream(client, 'good'),
      ratedTicketsSearchStream(client, 'bad'),
    ],
  }),
  ticketStates,
  solvedTickets,
};
