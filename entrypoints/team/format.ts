/**
 * How the team table writes numbers. The e2e test formats its own independently computed numbers
 * with the same rules, so these stay small and obvious.
 */
export function formatMean(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

export function formatGap(value: number | null): string {
  if (value === null) return '—';
  const fixed = value.toFixed(2);
  return value > 0 && fixed !== '0.00' ? `+${fixed}` : fixed === '-0.00' ? '0.00' : fixed;
}

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}
