import { memo, useState } from 'react';
import { BLIND_SPOT_MIN_MEAN, BLIND_SPOT_MIN_UNHAPPY, type StandardComparison } from '../../lib/gap';
import { decimal, signed } from './wording';
import { Section } from './section';

const SHOWN = 5;

/** Standards ranked by how much higher the agent rates themselves on unhappy tickets than on happy ones. */
export const BlindSpotsSection = memo(function BlindSpotsSection({
  comparisons,
}: {
  comparisons: readonly StandardComparison[];
}) {
  const [all, setAll] = useState(false);
  const flagged = comparisons.filter((c) => c.flagged).length;
  const shown = all ? comparisons : comparisons.slice(0, Math.max(SHOWN, flagged));
  return (
    <Section id="blind-spots" title="Blind spots">
      <p className="muted small">
        A blind spot is a standard you rate yourself high on (≥ {decimal(BLIND_SPOT_MIN_MEAN)} on the 0–1 scale) on
        tickets whose customer was unhappy, at least {BLIND_SPOT_MIN_UNHAPPY} times: a failure you do not see.
      </p>
      {comparisons.length === 0 ? (
        <p className="muted">Blind spots appear once tickets you rated against your standards have customer ratings.</p>
      ) : (
        <>
          <p data-testid="blind-spot-count">
            {flagged === 0
              ? 'No blind spots in this period.'
              : `${flagged} blind spot${flagged === 1 ? '' : 's'} in this period.`}
          </p>
          <ol className="blind-spots" aria-label="Standards, blind spots first">
            {shown.map((c) => (
              <li
                key={`${c.standardSetId}/${c.standardId}`}
                className={c.flagged ? 'flagged' : ''}
                data-testid="blind-spot"
              >
                <span className="standard-title">{c.title ?? c.standardId}</span>
                {c.flagged && <span className="badge warn">Blind spot</span>}
                <span className="muted small">
                  {' '}
                  unhappy: {c.unhappy.mean === null ? '–' : decimal(c.unhappy.mean)} (n {c.unhappy.n}) · happy:{' '}
                  {c.happy.mean === null ? '–' : decimal(c.happy.mean)} (n {c.happy.n})
                  {c.difference !== null && ` · difference ${signed(c.difference)}`}
                </span>
              </li>
            ))}
          </ol>
          {comparisons.length > shown.length && (
            <button type="button" className="link" onClick={() => setAll(true)}>
              Show all {comparisons.length} standards
            </button>
          )}
        </>
      )}
    </Section>
  );
});
