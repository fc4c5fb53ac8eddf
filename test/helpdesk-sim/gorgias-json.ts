/**
 * Gorgias's JSON shapes: the SatisfactionSurvey object and the cursor list envelope from
 * fixtures/gorgias (docs example; the envelope is reconstructed), the User and Ticket objects with
 * the documented fields GapLens and a reader of the page need (no payload of those is stored).
 * Gorgias prints times without a zone and with microseconds (`2019-11-16T15:59:41.966927`).
 */
import { customerName } from './generator';
import type { SimAgent, SimData, SimRating, SimTicket, TicketStatus } from './model';

/** Gorgias tickets are open or closed; the simulator's finer lifecycle folds into those two. */
export const GORGIAS_STATUS: Record<TicketStatus, 'open' | 'closed'> = {
  new: 'open',
  open: 'open',
  pending: 'open',
  hold: 'open',
  solved: 'closed',
  closed: 'closed',
};

/** `2026-11-20T12:00:00.000000`: UTC, no zone, microseconds, as the documented examples print. */
export function gorgiasTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, -1)}000`;
}

/** The list envelope: `data` plus `meta` cursors (null at the ends), `object: "list"`, `uri`. */
export function listJson(items: unknown[], uri: string, cursors: { next: string | null; prev: string | null }) {
  return { data: items, meta: { next_cursor: cursors.next, prev_cursor: cursors.prev }, object: 'list', uri };
}

/** `GET /api/users/{id}` (0 = the current user). */
export function userJson(agent: SimAgent) {
  const [firstname = '', ...rest] = agent.name.split(' ');
  return {
    id: agent.id,
    active: true,
    email: agent.email,
    name: agent.name,
    firstname,
    lastname: rest.join(' '),
    role: { name: agent.role === 'admin' ? 'admin' : 'agent' },
    language: 'en',
    timezone: 'UTC',
    meta: null,
    created_datetime: gorgiasTime(agent.createdAt),
    updated_datetime: gorgiasTime(agent.createdAt),
    uri: `/api/users/${agent.id}/`,
  };
}

/**
 * One survey, like gorgias-satisfaction-survey-object-docs-example.json. A survey that went out
 * unanswered (stored as `offered`) prints `score: null` and no `scored_datetime`; a re-rating moves
 * `scored_datetime` (the record has no updated time of its own).
 */
export function surveyJson(rating: SimRating) {
  const answered = rating.score !== 'offered';
  return {
    id: rating.id,
    body_text: answered ? rating.comment : null,
    created_datetime: gorgiasTime(rating.createdAt),
    customer_id: rating.requesterId,
    meta: null,
    score: answered ? rating.score : null,
    scored_datetime: answered ? gorgiasTime(rating.updatedAt) : null,
    sent_datetime: gorgiasTime(rating.createdAt),
    should_send_datetime: gorgiasTime(rating.createdAt),
    ticket_id: rating.ticketId,
    uri: `/api/satisfaction-surveys/${rating.id}/`,
  };
}

/** A ticket as `GET /api/tickets` and `GET /api/tickets/{id}` print it (documented Ticket fields). */
export function ticketJson(ticket: SimTicket, data: SimData) {
  const assignee = data.agents.find((agent) => agent.id === ticket.assigneeId);
  const customer = customerName(ticket.requesterId);
  const status = GORGIAS_STATUS[ticket.status];
  return {
    id: ticket.id,
    uri: `/api/tickets/${ticket.id}/`,
    external_id: null,
    language: 'en',
    status,
    priority: ticket.priority === 'urgent' ? 'critical' : ticket.priority,
    channel: 'email',
    via: 'email',
    from_agent: false,
    customer: { id: ticket.requesterId, email: customer.email, name: customer.name },
    assignee_user: assignee
      ? {
          id: assignee.id,
          email: assignee.email,
          name: assignee.name,
          firstname: assignee.name.split(' ')[0],
          lastname: assignee.name.split(' ').slice(1).join(' '),
        }
      : null,
    assignee_team: null,
    subject: ticket.subject,
    excerpt: ticket.description.slice(0, 80),
    tags: [],
    spam: false,
    created_datetime: gorgiasTime(ticket.createdAt),
    opened_datetime: gorgiasTime(ticket.createdAt),
    updated_datetime: gorgiasTime(ticket.updatedAt),
    closed_datetime: status === 'closed' && ticket.solvedAt !== null ? gorgiasTime(ticket.solvedAt) : null,
    snooze_datetime: null,
    trashed_datetime: null,
    meta: null,
  };
}
