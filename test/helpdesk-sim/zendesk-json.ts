/**
 * Zendesk's JSON shapes, field for field from the fixtures in /work/shared/fixtures/zendesk:
 * users-me (zenpy recording), satisfaction_ratings list (docs), ticket object (docs) and the
 * tickets in the zenpy recordings, survey_responses list (docs).
 */
import { customerName } from './generator';
import { isoSeconds } from './http-kit';
import type { SimAgent, SimData, SimRating, SimTicket } from './model';

/** `GET /api/v2/users/me` → user, like zendesk-users-me-zenpy-fixture.json. */
export function userJson(agent: SimAgent, origin: string) {
  const created = isoSeconds(agent.createdAt);
  return {
    id: agent.id,
    url: `${origin}/api/v2/users/${agent.id}.json`,
    name: agent.name,
    email: agent.email,
    created_at: created,
    updated_at: created,
    time_zone: 'Europe/London',
    iana_time_zone: 'Europe/London',
    phone: null,
    shared_phone_number: null,
    photo: null,
    locale_id: 1,
    locale: 'en-US',
    organization_id: null,
    role: agent.role,
    verified: true,
    external_id: null,
    tags: [],
    alias: null,
    active: true,
    shared: false,
    shared_agent: false,
    last_login_at: created,
    two_factor_auth_enabled: null,
    signature: null,
    details: null,
    notes: null,
    // Zendesk's role_type 4 is admin; plain agents have none.
    role_type: agent.role === 'admin' ? 4 : null,
    custom_role_id: null,
    moderator: agent.role === 'admin',
    ticket_restriction: null,
    only_private_comments: false,
    restricted_agent: false,
    suspended: false,
    default_group_id: agent.groupId,
    report_csv: agent.role === 'admin',
    user_fields: {},
  };
}

/**
 * One legacy satisfaction rating, like zendesk-satisfaction_ratings-list-docs-example.json.
 * `comment` and `reason` appear only when the customer gave them (the docs' object example has
 * neither), so clients must treat both as optional.
 */
export function satisfactionRatingJson(rating: SimRating, origin: string) {
  return {
    assignee_id: rating.assigneeId,
    ...(rating.comment !== null ? { comment: rating.comment } : {}),
    created_at: isoSeconds(rating.createdAt),
    group_id: rating.groupId,
    id: rating.id,
    ...(rating.reason !== null ? { reason: rating.reason } : {}),
    requester_id: rating.requesterId,
    score: rating.score,
    ticket_id: rating.ticketId,
    updated_at: isoSeconds(rating.updatedAt),
    url: `${origin}/api/v2/satisfaction_ratings/${rating.id}.json`,
  };
}

/**
 * `ticket.satisfaction_rating` (zendesk-ticket-object-docs-example.json): `{id, score, comment}`
 * when answered, `{score: "offered"}` while unanswered, `{score: "unoffered"}` when no survey went
 * out. Accounts on the new CSAT do not fill the legacy field: null, as on plans without CSAT.
 */
function ticketSatisfaction(ticket: SimTicket, data: SimData) {
  if (data.csat !== 'zendesk-legacy') return null;
  const rating = ticket.rating;
  if (!rating || rating.score === 'unoffered') return { score: 'unoffered' };
  if (rating.score === 'offered') return { score: 'offered' };
  return { comment: rating.comment, id: rating.id, score: rating.score };
}

/** A ticket, with the fields of the zenpy-recorded tickets (show_many, search results, show). */
export function ticketJson(ticket: SimTicket, data: SimData, origin: string) {
  const requester = customerName(ticket.requesterId);
  return {
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: null,
    via: { channel: 'email', source: { from: { address: requester.email, name: requester.name }, to: {}, rel: null } },
    created_at: isoSeconds(ticket.createdAt),
    updated_at: isoSeconds(ticket.updatedAt),
    type: 'question',
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    status: ticket.status,
    recipient: 'support@acme-support.test',
    requester_id: ticket.requesterId,
    submitter_id: ticket.requesterId,
    assignee_id: ticket.assigneeId,
    organization_id: null,
    group_id: ticket.groupId,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: [],
    custom_fields: [],
    satisfaction_rating: ticketSatisfaction(ticket, data),
    sharing_agreement_ids: [],
    fields: [],
    followup_ids: [],
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id (like `01J1WB51MG6HXTYWE6Q0C93RNW`): creation time, then the rating id, so it is unique and stable. */
export function surveyResponseId(rating: SimRating): string {
  let time = '';
  let t = rating.createdAt;
  for (let i = 0; i < 10; i++) {
    time = (CROCKFORD[t % 32] ?? '0') + time;
    t = Math.floor(t / 32);
  }
  let tail = '';
  let n = rating.id;
  for (let i = 0; i < 16; i++) {
    tail = (CROCKFORD[n % 32] ?? '0') + tail;
    n = Math.floor(n / 32);
  }
  return time + tail;
}

const CSAT_QUESTION_ID = '01J1WBE8QR0YQVE373K2JDJR0F';
const COMMENT_QUESTION_ID = '01J1WBNS76ZC4TTFWP9RCNQ1S8';
const SURVEY_ID = '01J58KJ9RAE0D2EK7HRVM7Z8F2';

/** 1–2 bad, 3 neutral, 4–5 good on the default five-point survey. */
export function ratingCategory(rating: number): 'bad' | 'neutral' | 'good' {
  return rating <= 2 ? 'bad' : rating === 3 ? 'neutral' : 'good';
}

/** One new-CSAT survey response, like zendesk-csat-survey_responses-list-docs-example.json. */
export function surveyResponseJson(rating: SimRating) {
  const created = new Date(rating.createdAt).toISOString();
  const updated = new Date(rating.updatedAt).toISOString();
  const value = Number(rating.score);
  const zrn = `zen:ticket:${rating.ticketId}`;
  return {
    answers: [
      {
        created_at: created,
        question: { id: CSAT_QUESTION_ID, sub_type: 'customer_satisfaction', type: 'rating_scale_numeric' },
        rating: value,
        rating_category: ratingCategory(value),
        type: 'rating_scale',
        updated_at: updated,
      },
      rating.comment !== null
        ? { created_at: created, question: { id: COMMENT_QUESTION_ID, type: 'open_ended' }, type: 'open_ended', updated_at: created, value: rating.comment }
        : { created_at: created, question: { id: COMMENT_QUESTION_ID, type: 'open_ended' }, type: 'skipped', updated_at: created },
    ],
    expires_at: new Date(rating.expiresAt).toISOString(),
    id: surveyResponseId(rating),
    responder_id: rating.requesterId,
    subject_zrns: [zrn],
    subjects: [{ id: String(rating.ticketId), type: 'ticket', zrn }],
    survey: { id: SURVEY_ID, state: 'enabled', version: 3 },
  };
}
