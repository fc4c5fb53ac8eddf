import type { ScaledValue } from '../../model';
import type { RatingDraft } from '../types';

/** A rating record's fields as an adapter has read them, ids still in the API's types. */
export interface RatingFields {
  id: number | string;
  source: string;
  ticketId: number | string;
  rating: ScaledValue;
  comment?: string | null;
  agentId?: number | string | null;
  createdAt: string;
  updatedAt: string;
}

/** The longest comment the model stores (`csatRatingSchema.comment`); longer ones are cut. */
export const MAX_COMMENT_LENGTH = 10_000;

/**
 * Builds a {@link RatingDraft} the same way for every helpdesk: ids become strings (they are opaque,
 * and some exceed 2^53 in other APIs), a blank comment is no comment, a missing agent is null.
 */
export function ratingDraft(fields: RatingFields): RatingDraft {
  const comment = fields.comment && fields.comment.trim() !== '' ? fields.comment.slice(0, MAX_COMMENT_LENGTH) : null;
  return {
    sourceId: String(fields.id),
    source: fields.source,
    ticketId: String(fields.ticketId),
    rating: fields.rating,
    comment,
    agentId: fields.agentId === null || fields.agentId === undefined ? null : String(fields.agentId),
    createdAt: fields.createdAt,
    updatedAt: fields.updatedAt,
  };
}

/** The fields Zendesk's and Freshdesk's rating records share, by name and meaning. */
export interface SnakeCaseRatingRecord {
  id: number;
  ticket_id: number;
  created_at: string;
  updated_at: string;
}

/** A draft from a record with the shared snake-case fields plus what the vendor names its own way. */
export function draftFromRecord(
  record: SnakeCaseRatingRecord,
  own: Pick<RatingFields, 'source' | 'rating' | 'comment' | 'agentId'>,
): RatingDraft {
  return ratingDraft({
    id: record.id,
    ticketId: record.ticket_id,
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    ...own,
  });
}
