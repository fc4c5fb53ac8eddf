import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../lib/db/db';
import { latestRatings } from '../lib/gap/match';
import { verdictWords } from '../lib/gap-store/reveal-text';
import { validRating } from '../lib/gap-store/ticket-entry';
import type { CsatRating, ScaledValue } from '../lib/model';

/**
 * The customer's verdict beside the agent's own prediction, in the popup. Blind first, then reveal
 * (issue 5): the rating form renders this only once the agent's assessment of the ticket is saved,
 * so the customer's answer can never anchor the agent's own judgement; it is not even read before.
 */
export function RevealedVerdict({ ticketKey, prediction }: { ticketKey: string; prediction: ScaledValue }) {
  const verdict = useLiveQuery(async () => {
    const ratings = (await getDb().csatRatings.where('ticketKey').equals(ticketKey).toArray())
      .map(validRating)
      .filter((rating): rating is CsatRating => rating !== null);
    return latestRatings(ratings).get(ticketKey) ?? null;
  }, [ticketKey]);
  if (verdict === undefined) return null;
  if (verdict === null) {
    return (
      <p className="muted small" data-testid="verdict">
        No customer rating for this ticket yet. When it arrives, your side panel shows it against your prediction.
      </p>
    );
  }
  const agreed = verdict.rating.satisfied === prediction.satisfied;
  return (
    <p className={`notice ${agreed ? 'ok' : 'warn'}`} data-testid="verdict">
      The customer said {verdictWords(verdict.rating)} — you predicted {verdictWords(prediction)}.
      {verdict.comment && (
        <>
          {' '}
          <q>{verdict.comment}</q>
        </>
      )}
    </p>
  );
}
