import { memo } from 'react';
import type { MatchedSummary } from '../../lib/gap';
import { decimal, headlineWords, notEnoughDataWords } from './wording';

/** The personal gap in one sentence, with n and the interval; below the minimum sample, what to do next. */
export const Headline = memo(function Headline({
  summary,
  assessed,
  hasConnection,
  periodLabel,
}: {
  summary: MatchedSummary;
  /** Assessments in the period (matched or not), to say why there is not enough data. */
  assessed: number;
  hasConnection: boolean;
  periodLabel: string;
}) {
  const gap = summary.personalGap;
  return (
    <section className="headline" aria-labelledby="headline-title" data-testid="headline">
      <h2 id="headline-title" className="muted small">
        Your gap · {periodLabel}
      </h2>
      {gap.status === 'ok' ? (
        <GapSentence gap={gap} />
      ) : (
        <NotEnough {...notEnoughDataWords({ matched: gap.n, minimum: gap.minimum, assessed, hasConnection })} />
      )}
    </section>
  );
});

function GapSentence({ gap }: { gap: Extract<MatchedSummary['personalGap'], { status: 'ok' }> }) {
  const words = headlineWords(gap);
  const direction = gap.mean > 0 ? 'over' : gap.mean < 0 ? 'under' : 'even';
  return (
    <>
      <p className={`headline-meaning gap-${direction}`} data-testid="gap-meaning">
        {words.meaning}
      </p>
      <p className="headline-detail" data-testid="gap-detail">
        {words.detail}
      </p>
      <p className="muted small" data-testid="gap-means">
        On average you predicted {decimal(gap.predictedMean)}; your customers said {decimal(gap.actualMean)} (1 = the
        best answer on their scale).
      </p>
      {words.caveat && <p className="muted small">{words.caveat}</p>}
    </>
  );
}

function NotEnough({ title, next }: { title: string; next: string }) {
  return (
    <>
      <p className="headline-meaning" data-testid="gap-meaning">
        {title}
      </p>
      <p className="muted" data-testid="gap-next-step">
        {next}
      </p>
    </>
  );
}
