/**
 * Measures a filter change from the agent's input to the render of the ticket list that answers
 * it, as a `gaplens-filter` performance entry (read by test/bench/sidepanel.ts; goal ≤ 50 ms).
 * Kept outside React state: it is bookkeeping about renders, not something to render.
 */
let pending: { key: string; start: number } | null = null;

/** Called when the view changes so that the list's query (`key`) changes. */
export function startFilterTiming(key: string): void {
  pending = { key, start: performance.now() };
}

/** Called after a render that shows the list for `key`; ends the measurement if it was the awaited one. */
export function finishFilterTiming(key: string): void {
  if (!pending || pending.key !== key) return;
  performance.measure('gaplens-filter', { start: pending.start, end: performance.now() });
  pending = null;
}
