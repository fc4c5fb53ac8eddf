import type { RatingDraft } from '../types';
import { draftFromRecord, ratingDraft } from '../shared/rating-draft';
import { GOOD_BAD_SCALE, numericRangeValue, scaleValue, type NumericRange } from '../shared/scales';
import type { ZendeskSatisfactionRating, ZendeskSurveyResponse, ZendeskTicket } from './schemas';

/*
 * Zendesk ratings → RatingDraft. Legacy CSAT is good/bad; `offered` (sent, unanswered) and
 * `unoffered` are not ratings and come back as null (HELPDESK-APIS.md §3.1). The new CSAT rates on
 * the survey's numeric scale with a `rating_category`.
 */

/** The new-CSAT scale when the account does not say otherwise: 1–5, as in Zendesk's documented example. */
export const DEFAULT_NEW_CSAT_RANGE: NumericRange = { min: 1, max: 5 };

/** A legacy rating from `GET /api/v2/satisfaction_ratings`; `assignee_id` is the agent at the time of rating. */
export function draftFromSatisfactionRating(record: ZendeskSatisfactionRating): RatingDraft | null {
  const rating = scaleValue(GOOD_BAD_SCALE, record.score);
  return (
    rating &&
    draftFromRecord(record, {
      source: 'satisfaction_ratings',
      rating,
      comment: record.comment,
      agentId: record.assignee_id,
    })
  );
}

/**
 * The rating embedded in a ticket (show_many, search): what an agent's own token can read. It has
 * the same id as the list endpoint's record, so both paths upsert the same row. Its times are
 * optional in the documented object; the ticket's `updated_at` is then the best bound we have (a
 * re-rating updates the ticket), and the ticket's current assignee is the agent.
 */
export function draftFromTicket(ticket: ZendeskTicket): RatingDraft | null {
  const embedded = ticket.satisfaction_rating;
  if (!embedded || typeof embedded === 'string') return null;
  const rating = scaleValue(GOOD_BAD_SCALE, embedded.score);
  if (!rating) return null;
  return ratingDraft({
    id: embedded.id ?? `ticket-${ticket.id}`,
    source: 'ticket',
    ticketId: ticket.id,
    rating,
    comment: embedded.comment,
    agentId: ticket.assignee_id,
    createdAt: embedded.created_at ?? embedded.updated_at ?? ticket.updated_at,
    updatedAt: embedded.updated_at ?? ticket.updated_at,
  });
}

const TICKET_ZRN = /^zen:ticket:(\d{1,20})$/;

/** The ticket a survey response is about, from `subjects` or `subject_zrns` (`zen:ticket:99`). */
export function surveyTicketId(response: ZendeskSurveyResponse): string | null {
  const subject = response.subjects?.find(
    (candidate) => candidate.type === 'ticket' && /^\d{1,20}$/.test(candidate.id),
  );
  if (subject) return subject.id;
  for (const zrn of response.subject_zrns ?? []) {
    const match = TICKET_ZRN.exec(zrn);
    if (match?.[1]) return match[1];
  }
  return null;
}

/**
 * A new-CSAT survey response. The rating is the answer to the `customer_satisfaction` question;
 * a skipped rating question (answer type `skipped`, no `rating`) is not a rating. Normalized
 * `(rating − min) / (max − min)`, satisfied only when `rating_category` is `good` (neutral is not).
 * The first open-ended answer is the customer's comment. New CSAT names no agent, so `agentId` is
 * the ticket's assignee when the caller knows it.
 */
export function draftFromSurveyResponse(
  response: ZendeskSurveyResponse,
  assigneeOf: (ticketId: string) => string | null,
  range: NumericRange = DEFAULT_NEW_CSAT_RANGE,
): RatingDraft | null {
  const ticketId = surveyTicketId(response);
  const answer = response.answers.find(
    (candidate) => candidate.question.sub_type === 'customer_satisfaction' && typeof candidate.rating === 'number',
  );
  if (!ticketId || !answer || answer.rating === undefined) return null;
  const rating = numericRangeValue(answer.rating, range, answer.rating_category === 'good');
  if (!rating) return null;
  const comment = response.answers.find((candidate) => candidate.type === 'open_ended' && candidate.value?.trim());
  return ratingDraft({
    id: response.id,
    source: 'survey_responses',
    ticketId,
    rating,
    comment: comment?.value,
    agentId: assigneeOf(ticketId),
    createdAt: answer.created_at,
    updatedAt: answer.updated_at,
  });
}
