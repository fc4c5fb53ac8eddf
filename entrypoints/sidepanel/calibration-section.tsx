import { memo } from 'react';
import type { MatchedSummary } from '../../lib/gap';
import { decimal, percent } from './wording';
import { Section } from './section';

/** Agreement, overestimation, Brier score and “how your 5s fared” (DESIGN.md §4). */
export const CalibrationSection = memo(function CalibrationSection({ summary }: { summary: MatchedSummary }) {
  const { calibration, topRated } = summary;
  return (
    <Section id="calibration" title="Calibration">
      {calibration.status === 'ok' ? (
        <dl className="stat-grid" data-testid="calibration">
          <Stat
            label="Agreement"
            value={percent(calibration.agreement)}
            testId="agreement"
            note={`You called satisfied or not right on ${Math.round(calibration.agreement * calibration.n)} of ${calibration.n} tickets.`}
          />
          <Stat
            label="Overestimation"
            value={percent(calibration.overestimationRate)}
            testId="overestimation"
            note={`You expected a satisfied customer and got an unsatisfied one on ${Math.round(calibration.overestimationRate * calibration.n)} of ${calibration.n}.`}
          />
          <Stat
            label="Brier score"
            value={decimal(calibration.brierScore)}
            testId="brier"
            note="How far your predictions were from the verdicts: 0 is perfect; always predicting the middle of the scale scores 0.25."
          />
        </dl>
      ) : (
        <p className="muted" data-testid="calibration">
          Calibration needs {calibration.minimum} rated tickets in this period; there{' '}
          {calibration.n === 1 ? 'is' : 'are'} {calibration.n}.
        </p>
      )}
      <h3>How your 5s fared</h3>
      {topRated.status === 'ok' ? (
        <p data-testid="top-rated">
          Of the {topRated.n} tickets you rated 5 on every standard, {topRated.satisfied} had a satisfied customer (
          {percent(topRated.satisfiedShare)}).
        </p>
      ) : (
        <p className="muted" data-testid="top-rated">
          {topRated.n === 0
            ? 'No rated ticket you scored 5 on every standard in this period yet.'
            : `${topRated.n} rated ticket${topRated.n === 1 ? '' : 's'} you scored 5 on every standard; this needs ${topRated.minimum}.`}
        </p>
      )}
    </Section>
  );
});

function Stat({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd className="stat-value" data-testid={testId}>
        {value}
      </dd>
      <dd className="muted small">{note}</dd>
    </div>
  );
}
