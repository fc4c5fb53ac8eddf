import { PERIOD_LABELS, PERIODS, type Period, type PeriodPreset } from '../../lib/gap-store/time-window';
import type { DateWindow } from '../../lib/gap';

/** The period every section shows, and the way into the command palette. */
export function FilterBar({
  period,
  today,
  onPeriod,
  onOpenPalette,
}: {
  period: Period;
  today: string;
  onPeriod: (period: Period) => void;
  onOpenPalette: () => void;
}) {
  const custom = period.preset === 'custom' ? period.window : null;
  const setCustom = (change: Partial<DateWindow>) => {
    const window = { from: custom?.from ?? today, to: custom?.to ?? today, ...change };
    // An end before the start would be an empty window; keep the window valid by moving the other end.
    if (window.from > window.to) {
      if (change.from) window.to = window.from;
      else window.from = window.to;
    }
    onPeriod({ preset: 'custom', window });
  };
  return (
    <div className="filter-bar">
      <label>
        Period
        <select
          value={period.preset}
          onChange={(event) => {
            const preset = event.target.value as PeriodPreset | 'custom';
            onPeriod(preset === 'custom' ? { preset, window: custom ?? { from: today, to: today } } : { preset });
          }}
        >
          {PERIODS.map((preset) => (
            <option key={preset} value={preset}>
              {PERIOD_LABELS[preset]}
            </option>
          ))}
          <option value="custom">Custom dates…</option>
        </select>
      </label>
      {custom && (
        <>
          <label>
            From
            <input
              type="date"
              value={custom.from}
              max={today}
              required
              onChange={(e) => e.target.value && setCustom({ from: e.target.value })}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={custom.to}
              max={today}
              required
              onChange={(e) => e.target.value && setCustom({ to: e.target.value })}
            />
          </label>
        </>
      )}
      <button
        type="button"
        className="palette-button"
        onClick={onOpenPalette}
        aria-keyshortcuts="Control+K Meta+K Control+Shift+P"
      >
        Commands <kbd>Ctrl K</kbd>
      </button>
    </div>
  );
}
