import type { RatingDraft } from '../types';
import { draftFromRecord } from '../shared/rating-draft';
import { FRESHDESK_LEGACY_SCALE, FRESHDESK_POINTS_SCALE, scaleValueOnAny } from '../shared/scales';
import type { FreshdeskSatisfactionRating } from './schemas';

/**
 * A Freshdesk satisfaction rating → RatingDraft. Only `default_question` is the CSAT answer
 * (HELPDESK-APIS.md §2, Freshdesk “Normalize”); a rating without it, or with a value on neither the
 * 103 … −103 scale nor the legacy 1/2/3, is not a CSAT rating. `agent_id` is the agent it belongs to.
 */
export function draftFromFreshdeskRating(record: FreshdeskSatisfactionRating): RatingDraft | null {
  const rating = scaleValueOnAny([FRESHDESK_POINTS_SCALE, FRESHDESK_LEGACY_SCALE], record.ratings['default_question']);
  return (
    rating &&
    draftFromRecord(record, {
      source: 'satisfaction_ratings',
      rating,
      comment: record.feedback,
      agentId: record.agent_id,
    })
  );
}
