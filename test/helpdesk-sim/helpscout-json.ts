/**
 * Help Scout's JSON shapes, from fixtures/helpscout: the user (PHP-SDK fixture), the ratings report
 * rows (docs examples), the conversation object (documented fields) and HAL lists.
 */
import { customerName, ID_BASES } from './generator';
import { isoSeconds } from './http-kit';
import type { SimAgent, SimRating, SimTicket, TicketStatus } from './model';

/** Help Scout's statuses for the simulator's lifecycle: active, pending, closed. */
export const HELPSCOUT_STATUS: Record<TicketStatus, 'active' | 'pending' | 'closed'> = {
  new: 'active',
  open: 'active',
  pending: 'pending',
  hold: 'pending',
  solved: 'closed',
  closed: 'closed',
};

/** The number agents see (`/conversation/{id}/{number}`): counts up from 1001, apart from the API id. */
export function conversationNumber(ticket: Pick<SimTicket, 'id'>): number {
  return ticket.id - ID_BASES.helpscout.ticket + 1001;
}

/** The agent-UI path of a conversation, with both its id and its number. */
export function conversationPath(ticket: Pick<SimTicket, 'id'>): string {
  return `/conversation/${ticket.id}/${conversationNumber(ticket)}`;
}

const [firstNameOf, lastNameOf] = [
  (agent: SimAgent) => agent.name.split(' ')[0] ?? agent.name,
  (agent: SimAgent) => agent.name.split(' ').slice(1).join(' '),
];

/** `GET /v2/users/me`, like helpscout-user-php-sdk-fixture-rendered.json. The lead is the account owner. */
export function userJson(agent: SimAgent, origin: string) {
  const created = isoSeconds(agent.createdAt);
  return {
    id: agent.id,
    createdAt: created,
    updatedAt: created,
    firstName: firstNameOf(agent),
    lastName: lastNameOf(agent),
    email: agent.email,
    role: agent.role === 'admin' ? 'owner' : 'user',
    jobTitle: agent.role === 'admin' ? 'Support Team Lead' : 'Support Agent',
    phone: null,
    alternateEmails: [],
    timezone: 'Europe/London',
    photoUrl: null,
    type: 'user',
    _links: { self: { href: `${origin}/v2/users/${agent.id}` } },
  };
}

/**
 * One row of a ratings report, like helpscout-reports-user-ratings-docs-example.json: no rating
 * value (the report was asked for one), `threadid` in lower case as documented.
 */
export function reportRowJson(rating: SimRating, ticket: SimTicket, agents: readonly SimAgent[]) {
  const agent = agents.find((candidate) => candidate.id === rating.assigneeId);
  return {
    number: conversationNumber(ticket),
    threadid: ticket.id * 10 + 1,
    threadCreatedAt: isoSeconds(ticket.solvedAt ?? ticket.createdAt),
    id: ticket.id,
    type: 'email',
    ratingId: rating.id,
    ratingCustomerId: rating.requesterId,
    ratingComments: rating.comment ?? '',
    ratingCreatedAt: isoSeconds(rating.createdAt),
    ratingCustomerName: customerName(rating.requesterId).name,
    ratingUserId: rating.assigneeId,
    ratingUserName: agent?.name ?? '',
  };
}

/** A conversation (`GET /v2/conversations/{id}` and list items), the documented fields GapLens may read. */
export function conversationJson(ticket: SimTicket, agents: readonly SimAgent[], origin: string) {
  const assignee = agents.find((agent) => agent.id === ticket.assigneeId);
  const status = HELPSCOUT_STATUS[ticket.status];
  const customer = customerName(ticket.requesterId);
  return {
    id: ticket.id,
    number: conversationNumber(ticket),
    threads: 3,
    type: 'email',
    folderId: ticket.groupId,
    status,
    state: 'published',
    subject: ticket.subject,
    preview: ticket.description.slice(0, 60),
    mailboxId: ticket.groupId,
    ...(assignee
      ? {
          assignee: {
            id: assignee.id,
            first: firstNameOf(assignee),
            last: lastNameOf(assignee),
            email: assignee.email,
            type: 'user',
          },
        }
      : {}),
    createdBy: { id: ticket.requesterId, type: 'customer', email: customer.email },
    createdAt: isoSeconds(ticket.createdAt),
    ...(status === 'closed' && ticket.solvedAt !== null ? { closedAt: isoSeconds(ticket.solvedAt) } : {}),
    userUpdatedAt: isoSeconds(ticket.updatedAt),
    primaryCustomer: { id: ticket.requesterId, type: 'customer', email: customer.email },
    tags: [],
    _links: {
      self: { href: `${origin}/v2/conversations/${ticket.id}` },
      web: { href: `${origin}${conversationPath(ticket)}` },
    },
  };
}
