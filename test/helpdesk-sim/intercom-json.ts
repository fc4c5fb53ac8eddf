/**
 * Intercom's JSON shapes, from fixtures/intercom (OpenAPI 2.14 examples: `/me`, the search and list
 * responses; the rating object from the spec's property examples). Times are unix seconds.
 */
import { customerName } from './generator';
import type { SimAgent, SimRating, SimTicket, TicketStatus } from './model';

/** The simulated workspace's app id (`/me` → `app.id_code`), also in the agent page URLs. */
export const SIM_APP_ID = 'sim0app1';

/** Intercom has three states: open, snoozed (pending, on hold) and closed (solved, closed). */
export const INTERCOM_STATE: Record<TicketStatus, 'open' | 'snoozed' | 'closed'> = {
  new: 'open',
  open: 'open',
  pending: 'snoozed',
  hold: 'snoozed',
  solved: 'closed',
  closed: 'closed',
};

export const unixSeconds = (ms: number) => Math.floor(ms / 1000);

/** Contact ids are 24 hex digits (`6762f0f31bb69f9f2193bb8b`); derived from the requester number. */
export const contactId = (requesterId: number) => requesterId.toString(16).padStart(24, '6762f0f3');

/** `GET /me`, like intercom-me-spec-example.json. */
export function meJson(admin: SimAgent) {
  return {
    type: 'admin',
    id: String(admin.id),
    email: admin.email,
    name: admin.name,
    email_verified: true,
    app: {
      type: 'app',
      id_code: SIM_APP_ID,
      name: 'Initech Support (simulated)',
      created_at: unixSeconds(admin.createdAt),
      secure: false,
      identity_verification: false,
      timezone: 'Europe/London',
      region: 'US',
    },
    avatar: { type: 'avatar', image_url: 'https://static.intercomassets.com/assets/default-avatars/admins/128.png' },
    has_inbox_seat: true,
  };
}

/**
 * `conversation_rating`, like the reconstructed fixture: `created_at` when the rating was requested,
 * `updated_at` the last answer; `remark` is "" without a comment, as in the spec's example.
 */
export function conversationRatingJson(rating: SimRating) {
  return {
    rating: rating.score,
    remark: rating.comment ?? '',
    created_at: unixSeconds(rating.createdAt),
    updated_at: unixSeconds(rating.updatedAt),
    contact: { type: 'contact', id: contactId(rating.requesterId), external_id: String(rating.requesterId) },
    teammate: rating.assigneeId === null ? null : { type: 'admin', id: String(rating.assigneeId) },
  };
}

/**
 * Fin (Intercom's AI agent) took part in about one conversation in nine, and some customers rated
 * it: `ai_agent.rating` is that rating, never the teammate's CSAT. Derived from the id, so stable.
 */
function aiAgentJson(ticket: SimTicket) {
  if (ticket.id % 9 !== 0) return null;
  return {
    source_type: 'workflow',
    source_title: 'Fin triage',
    last_answer_type: 'ai_answer',
    resolution_state: 'routed_to_team',
    rating: ticket.id % 2 === 0 ? 1 + (ticket.id % 5) : null,
    rating_remark: null,
    created_at: unixSeconds(ticket.createdAt),
    updated_at: unixSeconds(ticket.createdAt),
  };
}

/** A conversation as search, list and retrieve return it (the fields of the spec's examples). */
export function conversationJson(ticket: SimTicket) {
  const state = INTERCOM_STATE[ticket.status];
  const customer = customerName(ticket.requesterId);
  const aiAgent = aiAgentJson(ticket);
  return {
    type: 'conversation',
    id: String(ticket.id),
    created_at: unixSeconds(ticket.createdAt),
    updated_at: unixSeconds(ticket.updatedAt),
    waiting_since: null,
    snoozed_until: null,
    source: {
      type: 'conversation',
      id: String(ticket.id - 215_000_000_000_000),
      delivered_as: 'customer_initiated',
      subject: '',
      body: `<p>${ticket.description.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      author: { type: 'user', id: contactId(ticket.requesterId), name: customer.name, email: customer.email },
      attachments: [],
      url: null,
      redacted: false,
    },
    contacts: {
      type: 'contact.list',
      contacts: [{ type: 'contact', id: contactId(ticket.requesterId), external_id: String(ticket.requesterId) }],
    },
    first_contact_reply: null,
    admin_assignee_id: ticket.assigneeId,
    team_assignee_id: ticket.groupId,
    open: state !== 'closed',
    state,
    read: true,
    tags: { type: 'tag.list', tags: [] },
    priority: ticket.priority === 'urgent' || ticket.priority === 'high' ? 'priority' : 'not_priority',
    sla_applied: null,
    statistics: null,
    conversation_rating: ticket.rating ? conversationRatingJson(ticket.rating) : null,
    teammates: null,
    title: ticket.subject,
    custom_attributes: {},
    topics: {},
    ticket: null,
    linked_objects: { type: 'list', data: [], total_count: 0, has_more: false },
    ai_agent: aiAgent,
    ai_agent_participated: aiAgent !== null,
  };
}

/** Intercom's error envelope (`error.list`). */
export function errorList(code: string, message: string) {
  return { type: 'error.list', request_id: null, errors: [{ code, message }] };
}
