import type { RatingDraft } from '../types';
import { ratingDraft } from '../shared/rating-draft';
import { GREAT_OKAY_NOT_GOOD_SCALE, scaleValue } from '../shared/scales';
import type { HelpscoutReportRating } from './schemas';

/**
 * The rating values a ratings report can be asked for (`rating=`), and the value each means on the
 * shared great / okay / not good scale (great → 1 satisfied, okay → 0.5, not good → 0; DESIGN.md §4).
 * Help Scout spells the same three answers differently by endpoint (`ok`/`okay`, `not-good`/
 * `not_good`, webhook `Great`/`Okay`/`Bad`; HELPDESK-APIS.md §3.5); `unknown` is not an answer.
 */
export const HELPSCOUT_REPORT_RATINGS = ['great', 'ok', 'not-good'] as const;
export type HelpscoutReportRatingValue = (typeof HELPSCOUT_REPORT_RATINGS)[number];

const SCALE_VALUE_OF: Readonly<Record<string, string>> = {
  great: 'great',
  ok: 'okay',
  okay: 'okay',
  not_good: 'not_good',
  bad: 'not_good',
};

/** Reads any of Help Scout's spellings of a happiness rating; null for `unknown` and anything else. */
export function helpscoutRatingValue(raw: string) {
  const canonical =
    SCALE_VALUE_OF[
      raw
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    ];
  return canonical === undefined ? null : scaleValue(GREAT_OKAY_NOT_GOOD_SCALE, canonical);
}

/**
 * A report row → RatingDraft, with the value the report was asked for. The row's `ratingCreatedAt`
 * is the only time it has, so it is both created and updated time; `ratingUserId` is the agent the
 * rating was given to. Keyed by `ratingId`, so a later pass that finds it under another value replaces it.
 */
export function draftFromReportRow(row: HelpscoutReportRating, value: string, source: string): RatingDraft | null {
  const rating = helpscoutRatingValue(value);
  return (
    rating &&
    ratingDraft({
      id: row.ratingId,
      source,
      ticketId: row.id,
      rating,
      comment: row.ratingComments,
      agentId: row.ratingUserId,
      createdAt: row.ratingCreatedAt,
      updatedAt: row.ratingCreatedAt,
    })
  );
}
