import type { RatingDraft } from '../types';
import { ratingDraft } from '../shared/rating-draft';
import { FIVE_POINT_SCALE, scaleValue } from '../shared/scales';
import type { IntercomConversation } from './schemas';

/**
 * A conversation's customer rating → RatingDraft, or null when it has none. Intercom keeps one
 * `conversation_rating` per conversation, so the conversation id is both the ticket and the
 * rating's id: a re-rating upserts the same record. `rating` 1–5 is read on the five-point scale
 * ((r − 1) / 4, satisfied from 4); null, `{}`, or a value off the scale is not a rating. `remark` is
 * the comment; `teammate` the agent it belongs to. Fin's `ai_agent.rating` is never read.
 */
export function draftFromConversation(conversation: IntercomConversation): RatingDraft | null {
  const record = conversation.conversation_rating;
  const rating = scaleValue(FIVE_POINT_SCALE, record?.rating);
  if (!record || !rating) return null;
  // Requested and answered times; a record without either is read as changed when the conversation was.
  const createdAt = record.created_at ?? record.updated_at ?? conversation.updated_at;
  return ratingDraft({
    id: conversation.id,
    source: 'conversation_rating',
    ticketId: conversation.id,
    rating,
    comment: record.remark,
    agentId: record.teammate?.id,
    createdAt,
    updatedAt: record.updated_at ?? createdAt,
  });
}
