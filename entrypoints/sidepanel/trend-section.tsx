import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns';
import { memo, useMemo } from 'react';
import { TrendChart, type TrendChartProps } from '../../components/charts/trend-chart';
import type { SeriesBucket } from '../../lib/gap';
import { decimal, signed } from './wording';
import { Section } from './section';

/** `2026-W47` → `W47`, `2026-11` → `Nov 2026`: what fits under a narrow chart. */
export function bucketLabel(key: string, granularity: 'week' | 'month'): string {
  if (granularity === 'week') return key.slice(5);
  const [year, month] = key.split('-').map(Number) as [number, number];
  return format(new UTCDate(year, month - 1, 1), 'MMM yyyy');
}

/** Only buckets with a number (the minimum sample reached) are drawn; the others leave a gap. */
function valuesOf(
  buckets: readonly SeriesBucket[],
  pick: (gap: Extract<SeriesBucket['personalGap'], { status: 'ok' }>) => number,
) {
  return buckets.map((bucket) => (bucket.personalGap.status === 'ok' ? pick(bucket.personalGap) : null));
}

/** Predicted against actual and the gap with its 95 % band, per week or month, with the same numbers as a table. */
export const TrendSection = memo(function TrendSection({
  buckets,
  granularity,
  onGranularity,
}: {
  buckets: readonly SeriesBucket[];
  granularity: 'week' | 'month';
  onGranularity: (granularity: 'week' | 'month') => void;
}) {
  const labels = useMemo(() => buckets.map((bucket) => bucketLabel(bucket.key, granularity)), [buckets, granularity]);
  const levels = useMemo<TrendChartProps>(
    () => ({
      caption: 'Predicted and actual satisfaction (0–1)',
      labels,
      range: [0, 1],
      format: (v) => decimal(v, 1),
      series: [
        {
          label: 'You predicted',
          values: valuesOf(buckets, (g) => g.predictedMean),
          color: '--chart-predicted',
          dash: [5, 4],
        },
        { label: 'Customers said', values: valuesOf(buckets, (g) => g.actualMean), color: '--chart-actual' },
      ],
    }),
    [buckets, labels],
  );
  const gaps = useMemo<TrendChartProps>(
    () => ({
      caption: 'Your gap (predicted − actual) with its 95% confidence band',
      labels,
      range: [-1, 1],
      zeroLine: true,
      format: (v) => signed(v, 1),
      series: [
        { label: 'Gap', values: valuesOf(buckets, (g) => g.mean), color: '--chart-gap' },
        {
          label: 'CI low',
          values: valuesOf(buckets, (g) => g.confidenceInterval.low),
          color: '--chart-band',
          bandEdge: true,
        },
        {
          label: 'CI high',
          values: valuesOf(buckets, (g) => g.confidenceInterval.high),
          color: '--chart-band',
          bandEdge: true,
        },
      ],
      band: { upper: 2, lower: 1, color: '--chart-band' },
    }),
    [buckets, labels],
  );
  const drawable = buckets.some((bucket) => bucket.personalGap.status === 'ok');

  return (
    <Section
      id="trend"
      title="Trend"
      actions={
        <div role="radiogroup" aria-label="Trend by" className="segmented">
          {(['week', 'month'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="granularity"
                checked={granularity === value}
                onChange={() => onGranularity(value)}
              />
              {value === 'week' ? 'Weekly' : 'Monthly'}
            </label>
          ))}
        </div>
      }
    >
      {buckets.length === 0 ? (
        <p className="muted">Your trend starts with your first rated ticket.</p>
      ) : (
        <>
          {drawable ? (
            <>
              <TrendChart {...levels} />
              <TrendChart {...gaps} />
            </>
          ) : (
            <p className="muted">
              Each {granularity} needs 5 rated tickets before it is drawn. Try{' '}
              {granularity === 'week' ? 'the monthly view or ' : ''}a longer period.
            </p>
          )}
          <details>
            <summary>Trend as a table</summary>
            <table className="data-table" data-testid="trend-table">
              <caption className="visually-hidden">Your gap per {granularity}</caption>
              <thead>
                <tr>
                  <th scope="col">{granularity === 'week' ? 'Week' : 'Month'}</th>
                  <th scope="col">Rated</th>
                  <th scope="col">Predicted</th>
                  <th scope="col">Actual</th>
                  <th scope="col">Gap (95% CI)</th>
                </tr>
              </thead>
              <tbody>
                {buckets.map((bucket, index) => {
                  const g = bucket.personalGap;
                  return (
                    <tr key={bucket.key}>
                      <th scope="row">{labels[index]}</th>
                      <td>{bucket.n}</td>
                      {g.status === 'ok' ? (
                        <>
                          <td>{decimal(g.predictedMean)}</td>
                          <td>{decimal(g.actualMean)}</td>
                          <td>
                            {signed(g.mean)} ({signed(g.confidenceInterval.low)}…{signed(g.confidenceInterval.high)})
                          </td>
                        </>
                      ) : (
                        <td colSpan={3} className="muted">
                          {bucket.n === 0 ? 'no rated tickets' : 'not enough data'}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        </>
      )}
    </Section>
  );
});
