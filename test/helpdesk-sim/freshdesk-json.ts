/**
 * Freshdesk's JSON shapes, from fixtures/freshdesk: agents-me (docs), satisfaction_ratings list
 * (docs), ticket (python-freshdesk fixture).
 */
import { customerName } from './generator';
import { isoSeconds } from './http-kit';
import type { SimAgent, SimRating, SimTicket, TicketStatus } from './model';

/** Freshdesk status codes: 2 Open, 3 Pending, 4 Resolved, 5 Closed. */
export const FRESHDESK_STATUS: Record<TicketStatus, number> = { new: 2, open: 2, pending: 3, hold: 3, solved: 4, closed: 5 };
const PRIORITY: Record<SimTicket['priority'], [number, string]> = { low: [1, 'Low'], normal: [2, 'Medium'], high: [3, 'High'], urgent: [4, 'Urgent'] };

/** `GET /api/v2/agents/me`, like freshdesk-agents-me-docs-example.json. */
export function agentJson(agent: SimAgent) {
  const created = isoSeconds(agent.createdAt);
  return {
    available: true,
    occasional: false,
    signature: null,
    group_ids: [agent.groupId],
    // The lead holds the Account Administrator role; agents the plain Agent role.
    role_ids: [agent.role === 'admin' ? 1 : 4],
    skill_ids: [],
    id: agent.id,
    // 1 = global access (the lead), 3 = only tickets assigned to them (the agents).
    ticket_scope: agent.role === 'admin' ? 1 : 3,
    created_at: created,
    updated_at: created,
    available_since: null,
    type: 'support_agent',
    contact: {
      active: true,
      email: agent.email,
      job_title: agent.role === 'admin' ? 'Support Team Lead' : 'Support Agent',
      language: 'en',
      last_login_at: created,
      mobile: null,
      name: agent.name,
      phone: null,
      time_zone: 'London',
      created_at: created,
      updated_at: created,
    },
  };
}

/**
 * One survey result, like freshdesk-satisfaction_ratings-list-docs-example.json. `ratings` may carry
 * extra questions (`question_2`) beside `default_question`; `feedback` is null without a comment
 * (unverified: the docs example always has text).
 */
export function satisfactionRatingJson(rating: SimRating) {
  return {
    id: rating.id,
    survey_id: 1,
    user_id: rating.requesterId,
    agent_id: rating.assigneeId,
    feedback: rating.comment,
    group_id: rating.groupId,
    ticket_id: rating.ticketId,
    ratings: { default_question: rating.score, ...(rating.extraAnswers ?? {}) },
    created_at: isoSeconds(rating.createdAt),
    updated_at: isoSeconds(rating.updatedAt),
  };
}

/** `GET /api/v2/tickets/:id`, like freshdesk-ticket-python-freshdesk-fixture.json (without `include=`). */
export function ticketJson(ticket: SimTicket, include: Set<string>) {
  const [priority, priorityName] = PRIORITY[ticket.priority];
  const requester = customerName(ticket.requesterId);
  const created = isoSeconds(ticket.createdAt);
  return {
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    email_config_id: null,
    fr_escalated: false,
    group_id: ticket.groupId,
    priority,
    priority_name: priorityName,
    requester_id: ticket.requesterId,
    responder_id: ticket.assigneeId,
    source: 1,
    spam: false,
    status: FRESHDESK_STATUS[ticket.status],
    subject: ticket.subject,
    type: 'Question',
    company_id: null,
    id: ticket.id,
    to_emails: null,
    product_id: null,
    created_at: created,
    updated_at: isoSeconds(ticket.updatedAt),
    due_by: isoSeconds(ticket.createdAt + 3 * 24 * 3600 * 1000),
    fr_due_by: isoSeconds(ticket.createdAt + 24 * 3600 * 1000),
    is_escalated: false,
    description_text: ticket.description,
    description: `<div>${ticket.description.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</div>`,
    custom_fields: {},
    tags: [],
    attachments: [],
    ...(include.has('stats')
      ? {
          stats: {
            agent_responded_at: created,
            requester_responded_at: null,
            first_responded_at: created,
            status_updated_at: isoSeconds(ticket.updatedAt),
            reopened_at: null,
            resolved_at: ticket.solvedAt !== null ? isoSeconds(ticket.solvedAt) : null,
            closed_at: ticket.status === 'closed' ? isoSeconds(ticket.updatedAt) : null,
            pending_since: null,
          },
        }
      : {}),
    ...(include.has('requester') ? { requester: { id: ticket.requesterId, name: requester.name, email: requester.email, mobile: null, phone: null } } : {}),
  };
}
