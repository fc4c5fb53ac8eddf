import { useId } from 'react';
import type { Standard, StandardScore } from '../lib/model';

const SCORES = [1, 2, 3, 4, 5] as const;

interface RatingInputProps {
  standard: Standard;
  value: StandardScore | undefined;
  onChange(score: StandardScore): void;
  /** Position among the form's focus stops, read by the form's key handler. */
  itemIndex: number;
}

/**
 * One standard rated 1–5 (or N/A where allowed) as a native radio group: Tab moves between groups,
 * arrows within, and each option is announced as “Timely: 4 of 5”.
 */
export function RatingInput({ standard, value, onChange, itemIndex }: RatingInputProps) {
  const id = useId();
  const name = `score-${standard.id}`;
  return (
    <div
      className="rating"
      role="radiogroup"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      data-item={itemIndex}
    >
      <div className="rating-text">
        <span id={`${id}-title`} className="rating-title">
          {standard.title}
        </span>
        <span id={`${id}-desc`} className="muted small">
          {standard.description}
        </span>
      </div>
      <div className="segments">
        {SCORES.map((score) => (
          <label className="segment" key={score}>
            <input
              type="radio"
              name={name}
              checked={value === score}
              onChange={() => onChange(score)}
              aria-label={`${standard.title}: ${score} of 5`}
            />
            <span aria-hidden="true">{score}</span>
          </label>
        ))}
        {standard.allowNa && (
          <label className="segment">
            <input
              type="radio"
              name={name}
              checked={value === 'na'}
              onChange={() => onChange('na')}
              aria-label={`${standard.title}: not applicable`}
            />
            <span aria-hidden="true">N/A</span>
          </label>
        )}
      </div>
    </div>
  );
}
