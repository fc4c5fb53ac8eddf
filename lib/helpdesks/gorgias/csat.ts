import { ratingDraft } from '../shared/rating-draft';
import { FIVE_POINT_SCALE, scaleValue } from '../shared/scales';
import type { RatingDraft } from '../types';
import type { GorgiasSatisfactionSurvey } from './schemas';

/**
 * A Gorgias satisfaction survey → RatingDraft. `score` is 1–5, normalized `(score − 1) / 4`,
 * satisfied from 4 up (DESIGN.md §4, through the shared five-point scale). A null score is a survey
 * not yet sent or never answered: not a rating (HELPDESK-APIS.md §3.1), so null comes back and the
 * pass counts it as skipped; so does a score outside 1–5.
 *
 * Surveys name no agent (HELPDESK-APIS.md §3.4): `assigneeOf` gives the ticket's current assignee,
 * looked up by the caller. The customer's answer time is `scored_datetime` (it moves when they
 * re-rate); `created_datetime` stands in when a scored survey lacks it.
 */
export function draftFromGorgiasSurvey(
  survey: GorgiasSatisfactionSurvey,
  assigneeOf: (ticketId: string) => string | null,
): RatingDraft | null {
  const rating = survey.score === null ? null : scaleValue(FIVE_POINT_SCALE, survey.score);
  if (!rating) return null;
  const answeredAt = survey.scored_datetime ?? survey.created_datetime;
  return ratingDraft({
    id: survey.id,
    source: 'satisfaction-surveys',
    ticketId: survey.ticket_id,
    rating,
    comment: survey.body_text,
    agentId: assigneeOf(String(survey.ticket_id)),
    createdAt: answeredAt,
    updatedAt: answeredAt,
  });
}
