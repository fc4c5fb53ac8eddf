import { useId } from 'react';
import type { CsatScale, CsatValue } from '../lib/model';

interface ScalePickerProps {
  scale: CsatScale;
  value: CsatValue | null;
  onChange(value: CsatValue): void;
  label: string;
  /** The key that picks each point, shown beside it. */
  keyFor?(value: CsatValue): string;
  itemIndex: number;
}

/** A choice of one point on a helpdesk's CSAT scale (good/bad, Freshdesk's seven levels, …), best first. */
export function ScalePicker({ scale, value, onChange, label, keyFor, itemIndex }: ScalePickerProps) {
  const id = useId();
  return (
    <div className="scale" role="radiogroup" aria-labelledby={`${id}-label`} data-item={itemIndex}>
      <span id={`${id}-label`} className="rating-title">
        {label}
      </span>
      <div className="scale-points">
        {scale.points.map((point) => (
          <label className="scale-point" key={String(point.value)}>
            <input
              type="radio"
              name={`prediction-${scale.id}`}
              checked={value === point.value}
              onChange={() => onChange(point.value)}
            />
            <span>{point.label}</span>
            {keyFor && (
              <kbd className="muted small" aria-hidden="true">
                {keyFor(point.value)}
              </kbd>
            )}
          </label>
        ))}
      </div>
    </div>
  );
}
