import type { CsatRating, SelfAssessment } from '../model';
import type { MatchedTicket } from './match';

/**
 * The agent's prediction on the [0, 1] scale. The prediction is stored together with its
 * normalized reading, made with the same table as the helpdesk's CSAT scale (DESIGN.md §4,
 * Predicted CSAT; lib/helpdesks/shared/scales.ts), so it is read here, never recomputed: a later
 * change to a scale table must not change what an old prediction meant.
 */
export function normalizedPrediction(assessment: SelfAssessment): number {
  return assessment.predictedCsat.normalized;
}

/** The customer's verdict on the [0, 1] scale, as normalized by the helpdesk adapter. */
export function normalizedRating(rating: CsatRating): number {
  return rating.rating.normalized;
}

/**
 * Ticket gap = predicted − actual, both normalized to [0, 1] (DESIGN.md §4), so it lies in
 * [−1, 1]: positive when the agent thought it went better than the customer did.
 */
export function ticketGap(pair: MatchedTicket): number {
  return normalizedPrediction(pair.assessment) - normalizedRating(pair.rating);
}
