import type { Credentials } from '../../model';
import { basicAuthorization } from '../shared/basic-auth';
import { resumeWalk, streamPage, type CsatStream } from '../shared/csat-pass';
import { HelpdeskError, isHelpdeskError } from '../shared/errors';
import type { HelpdeskApiSpec } from '../shared/helpdesk-api';
import type { HttpClient } from '../shared/http-client';
import { idBatches, nextFromMetaCursor, readInBatches, walkPages } from '../shared/pagination';
import { perTicketStream } from '../shared/per-ticket-stream';
import type { RateLimitHeaderNames } from '../shared/rate-limit';
import type { CsatReadRequest, RatingDraft, TicketState, WhoAmI } from '../types';
import { draftFromGorgiasSurvey } from './csat';
import {
  gorgiasSatisfactionSurveysPageSchema,
  gorgiasTicketsPageSchema,
  gorgiasUserSchema,
  type GorgiasSatisfactionSurvey,
  type GorgiasTicket,
} from './schemas';

/** `limit` maximum of Gorgias lists (default 30), and of `ticket_ids` per tickets request. */
export const GORGIAS_PAGE_SIZE = 100;
/** Agent path: tickets whose survey is read one request each, committed in groups of this many. */
export const GORGIAS_TICKETS_PER_PAGE = 20;

/**
 * Gorgias counts calls in a leaky bucket per account (40 per 20 s with an API key) and says how full
 * it is in one header, `X-Gorgias-Account-Api-Call-Limit: used/limit`; a 429 carries `Retry-after`
 * in seconds, read by the shared client whatever its case (HELPDESK-APIS.md §1 and §3.9). A full
 * bucket waits until one call has drained (0.5 s at 40 / 20 s), not a whole minute.
 */
export const GORGIAS_RATE_LIMIT_HEADERS: RateLimitHeaderNames = {
  limit: [],
  remaining: [],
  resetSeconds: [],
  usedOfLimit: ['x-gorgias-account-api-call-limit'],
  bucketDrainSeconds: 20,
};

/**
 * A private app's credentials: Basic `{email}:{api_key}` (developers.gorgias.com, “Authentication”).
 * They are stored as the `api-token` kind ({email, token}) that Zendesk uses too; only the header
 * differs, and the connection form calls the secret “API key” for Gorgias.
 */
function authorization(credentials: Credentials): string {
  if (credentials.type === 'api-token') return basicAuthorization(credentials.email, credentials.token);
  throw new HelpdeskError(
    'unauthorized',
    'Gorgias takes the e-mail of the account’s user and an API key (Settings → REST API).',
  );
}

/**
 * `GET /api/users/0`: user id 0 stands for the user the credentials belong to (Gorgias's “Retrieve a
 * user” reference, as public API clients quote it: “use id=0 to retrieve the currently authenticated
 * user”; HELPDESK-APIS.md marks the “me” user unverified, so this is the assumption to check first on
 * a live account). Chosen over `GET /api/account`, which only proves the credentials work, because
 * GapLens needs the agent's own id to attribute ratings. The name falls back to first + last name,
 * then the e-mail.
 */
async function whoAmI(client: HttpClient, signal?: AbortSignal): Promise<WhoAmI> {
  const { data } = await client.getJson(client.url('/api/users/0'), gorgiasUserSchema, { signal });
  const fullName = [data.firstname, data.lastname].filter(Boolean).join(' ');
  const role = typeof data.role === 'string' ? data.role : (data.role?.name ?? 'agent');
  return {
    id: String(data.id),
    name: data.name || fullName || data.email || `user ${data.id}`,
    email: data.email ?? null,
    role,
  };
}

/**
 * `GET /api/tickets?ticket_ids=1&ticket_ids=2…`: the List Tickets filter (at most 100 ids), repeated
 * once per id as public clients send it (not in the stored fixtures: an assumption to check live).
 */
function ticketsByIdsUrl(client: HttpClient, ids: readonly string[]): string {
  const url = new URL(client.url('/api/tickets', { limit: GORGIAS_PAGE_SIZE }));
  for (const id of ids) url.searchParams.append('ticket_ids', id);
  return url.toString();
}

/**
 * Surveys name no agent, so each answered survey is joined to its ticket's current assignee: one
 * tickets request per 100 tickets, per page of surveys (HELPDESK-APIS.md §3.4: the assignee can have
 * changed since the rating). A refused lookup keeps the ratings, without an agent.
 */
async function assigneesOf(
  client: HttpClient,
  surveys: readonly GorgiasSatisfactionSurvey[],
  signal?: AbortSignal,
): Promise<(ticketId: string) => string | null> {
  const answered = surveys.filter((survey) => survey.score !== null).map((survey) => String(survey.ticket_id));
  const assignees = new Map<string, string | null>();
  for (const batch of idBatches([...new Set(answered)], GORGIAS_PAGE_SIZE, null)) {
    try {
      const { data } = await client.getJson(ticketsByIdsUrl(client, batch), gorgiasTicketsPageSchema, { signal });
      for (const ticket of data.data) assignees.set(String(ticket.id), assigneeIdOf(ticket));
    } catch (error) {
      if (!isHelpdeskError(error, 'forbidden') && !isHelpdeskError(error, 'not-found')) throw error;
    }
  }
  return (ticketId) => assignees.get(ticketId) ?? null;
}

const assigneeIdOf = (ticket: GorgiasTicket) => (ticket.assignee_user ? String(ticket.assignee_user.id) : null);

async function draftsOf(
  client: HttpClient,
  surveys: readonly GorgiasSatisfactionSurvey[],
  request: CsatReadRequest,
): Promise<(RatingDraft | null)[]> {
  const assigneeOf = await assigneesOf(client, surveys, request.signal);
  return surveys.map((survey) => draftFromGorgiasSurvey(survey, assigneeOf));
}

/**
 * Admin path: every survey, newest first. The list has no time filter (only `order_by`), and its
 * cursors are short-lived, so the pass's persisted datetime watermark (`since`: the last successful
 * pass minus the trailing window, lib/sync) is what makes it incremental: the walk stops at the first
 * page that reaches a survey created before it. A survey answered late (`scored_datetime` after its
 * creation) is found while its creation is inside the trailing window. Within a pass the position is
 * the next page's URL; a cursor that expired meanwhile is refused with a 4xx, and lib/sync restarts
 * the pass from its start (the upsert makes re-reading harmless).
 */
function satisfactionSurveysStream(client: HttpClient): CsatStream {
  return {
    id: 'satisfaction-surveys',
    async *pages(at, request) {
      const start = client.url('/api/satisfaction-surveys', {
        limit: GORGIAS_PAGE_SIZE,
        order_by: 'created_datetime:desc',
      });
      const walk = resumeWalk(client, at, start, gorgiasSatisfactionSurveysPageSchema, nextFromMetaCursor, request);
      for await (const { response, next } of walk) {
        const surveys = response.data.data;
        const since = request.since;
        const fresh = since === null ? surveys : surveys.filter((survey) => survey.created_datetime >= since);
        const reachedWatermark = fresh.length < surveys.length;
        yield streamPage(response.endpoint, reachedWatermark ? null : next, await draftsOf(client, fresh, request));
        if (reachedWatermark) return;
      }
    },
  };
}

/**
 * Agent path: the survey of each ticket the agent assessed, with the list's documented `ticket_id`
 * filter (one survey per ticket), joined to the ticket's assignee like the admin path. Gorgias has
 * no search for rated tickets, so the tickets are those lib/sync hands over (assessments changed
 * within the trailing window): a survey answered later than that is read by a lead's list path.
 */
function assessedTicketsStream(client: HttpClient): CsatStream {
  return perTicketStream<GorgiasSatisfactionSurvey>({
    id: 'ticket-surveys',
    ticketsPerPage: GORGIAS_TICKETS_PER_PAGE,
    endpoint: 'GET /api/satisfaction-surveys',
    async readTicket(ticketId, request) {
      const url = client.url('/api/satisfaction-surveys', { ticket_id: ticketId, limit: GORGIAS_PAGE_SIZE });
      const { data, endpoint } = await client.getJson(url, gorgiasSatisfactionSurveysPageSchema, request);
      return { endpoint, records: data.data };
    },
    toDrafts: (surveys, request) => draftsOf(client, surveys, request),
  });
}

/** Gorgias tickets are `open` or `closed` (plus `new` in older answers); closed = the agent is done. */
function ticketState(ticket: GorgiasTicket): TicketState {
  return {
    ticketId: String(ticket.id),
    status: ticket.status,
    done: ticket.status === 'closed',
    assigneeId: assigneeIdOf(ticket),
    subject: ticket.subject ?? null,
    updatedAt: ticket.updated_datetime,
  };
}

/** One tickets request per 100 ids (`ticket_ids`); tickets that are gone or hidden are left out. */
function ticketStates(client: HttpClient, ticketIds: readonly string[], signal?: AbortSignal) {
  return readInBatches(ticketIds, GORGIAS_PAGE_SIZE, async (batch) => {
    const { data } = await client.getJson(ticketsByIdsUrl(client, batch), gorgiasTicketsPageSchema, { signal });
    return data.data.map(ticketState);
  });
}

/** At most this many pages of recently updated tickets: the unrated queue needs today's. */
const UPDATED_TICKETS_MAX_PAGES = 3;

/**
 * `GET /api/tickets?order_by=updated_datetime:desc`: the list has no "updated since" or status
 * filter, so the walk reads the most recently updated tickets until one is older than `since`, and
 * keeps the closed ones. The caller keeps only those assigned to the agent.
 */
async function solvedTickets(client: HttpClient, since: string, signal?: AbortSignal) {
  const start = client.url('/api/tickets', { limit: GORGIAS_PAGE_SIZE, order_by: 'updated_datetime:desc' });
  const sinceMs = Date.parse(since);
  const states: TicketState[] = [];
  let pages = 0;
  for await (const { response } of walkPages(client, start, gorgiasTicketsPageSchema, nextFromMetaCursor, {
    signal,
  })) {
    const recent = response.data.data.filter((ticket) => Date.parse(ticket.updated_datetime) >= sinceMs);
    states.push(...recent.filter((ticket) => ticket.status === 'closed').map(ticketState));
    if (recent.length < response.data.data.length || ++pages >= UPDATED_TICKETS_MAX_PAGES) break;
  }
  return states;
}

/** Gorgias's API, as data and a few functions for {@link createHelpdeskApi}. */
export const GORGIAS_API_SPEC: HelpdeskApiSpec = {
  rateLimitHeaders: GORGIAS_RATE_LIMIT_HEADERS,
  authorization,
  whoAmI,
  listProbeUrl: (client) => client.url('/api/satisfaction-surveys', { limit: 1 }),
  streams: (client) => ({ list: [satisfactionSurveysStream(client)], agent: [assessedTicketsStream(client)] }),
  ticketStates,
  solvedTickets,
};
