import { formatDistanceToNow } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { TicketLink } from '../../components/ticket-link';
import { recentReveals } from '../../lib/gap-store/queries';
import { revealNotificationsItem } from '../../lib/gap-store/reveal-notifications-setting';
import { revealOutcome, revealSentence } from '../../lib/gap-store/reveal-text';
import { Section } from './section';

const FEED_SIZE = 8;

const OUTCOME_BADGES = {
  'as-predicted': { text: 'as you predicted', tone: 'ok' },
  overestimated: { text: 'you overestimated', tone: 'warn' },
  underestimated: { text: 'better than you thought', tone: 'info' },
} as const;

/** Verdicts that arrived for tickets the agent assessed, newest first: the lesson while the ticket is fresh. */
export const RevealFeed = memo(function RevealFeed() {
  const reveals = useLiveQuery(() => recentReveals(FEED_SIZE), []);
  return (
    <Section id="reveals" title="Latest verdicts" actions={<NotifyToggle />}>
      {reveals === undefined ? null : reveals.length === 0 ? (
        <p className="muted" data-testid="reveals-empty">
          When a sync brings a customer’s rating for a ticket you rated, it shows up here against your prediction.
        </p>
      ) : (
        <ol className="reveal-feed" aria-label="Latest verdicts" data-testid="reveal-feed">
          {reveals.map((reveal) => {
            const badge = OUTCOME_BADGES[revealOutcome(reveal)];
            return (
              <li key={reveal.id} data-testid="reveal">
                <p>
                  <TicketLink ticket={reveal.ticket}>{revealSentence(reveal)}</TicketLink>{' '}
                  <span className={`badge ${badge.tone}`}>{badge.text}</span>
                </p>
                {reveal.comment && <q className="comment">{reveal.comment}</q>}
                <p className="muted small">{formatDistanceToNow(new Date(reveal.revealedAt), { addSuffix: true })}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
});

/**
 * The opt-in for a browser notification per verdict. Turning it on asks for the optional
 * `notifications` permission, from this click (a permission request needs a user gesture).
 */
function NotifyToggle() {
  const [enabled, setEnabled] = useState<boolean | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void revealNotificationsItem.getValue().then(setEnabled);
    return revealNotificationsItem.watch((value) => setEnabled(value));
  }, []);

  async function toggle(next: boolean) {
    setProblem(null);
    if (next) {
      const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
      if (!granted) {
        setProblem('The browser did not allow notifications.');
        return;
      }
    }
    await revealNotificationsItem.setValue(next);
  }

  return (
    <label className="small toggle">
      <input
        type="checkbox"
        checked={!!enabled}
        disabled={enabled === undefined}
        onChange={(e) => void toggle(e.target.checked)}
      />
      Notify me
      {problem && <span role="alert"> {problem}</span>}
    </label>
  );
}
