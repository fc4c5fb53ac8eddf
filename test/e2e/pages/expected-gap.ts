/**
 * The side panel's numbers worked out the long way, from raw records, with plain arithmetic: no
 * import from lib/gap, so a bug there cannot hide in both the product and its test. The formulas
 * are DESIGN.md §4's, written out again.
 */

/** One ticket the agent assessed that has a customer verdict, as normalized numbers. */
export interface RawPair {
  /** Normalized prediction (good = 1, bad = 0 on Zendesk's scale). */
  p: number;
  /** Normalized verdict. */
  a: number;
  predictedSatisfied: boolean;
  satisfied: boolean;
  /** Standard id → score 1–5 or 'na'. */
  scores: Record<string, number | 'na'>;
}

/** Two-sided 95 % Student-t critical values t(0.975, df), from any statistics table. */
const T_975: Record<number, number> = {
  4: 2.776,
  5: 2.571,
  6: 2.447,
  7: 2.365,
  8: 2.306,
  9: 2.262,
  10: 2.228,
  11: 2.201,
  12: 2.179,
  13: 2.16,
  14: 2.145,
  15: 2.131,
  16: 2.12,
  17: 2.11,
  18: 2.101,
  19: 2.093,
  20: 2.086,
};

/** `+0.18`, `−0.05`, `0.00`, as the panel writes gaps. */
export function signed(x: number): string {
  const text = Math.abs(x).toFixed(2);
  if (text === '0.00') return text;
  return (x > 0 ? '+' : '\u2212') + text;
}

export const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

export function expectedNumbers(pairs: readonly RawPair[]) {
  const n = pairs.length;
  const t = T_975[n - 1];
  if (t === undefined) throw new Error(`no t value for ${n - 1} degrees of freedom in the table`);
  const gaps = pairs.map((x) => x.p - x.a);
  const mean = gaps.reduce((s, g) => s + g, 0) / n;
  const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / (n - 1));
  const half = (t * sd) / Math.sqrt(n);
  const low = Math.max(-1, mean - half);
  const high = Math.min(1, mean + half);
  const agreeing = pairs.filter((x) => x.predictedSatisfied === x.satisfied).length;
  const over = pairs.filter((x) => x.predictedSatisfied && !x.satisfied).length;
  const brier = pairs.reduce((s, x) => s + (x.p - (x.satisfied ? 1 : 0)) ** 2, 0) / n;
  const topRated = pairs.filter((x) => {
    const scored = Object.values(x.scores).filter((s) => s !== 'na');
    return scored.length > 0 && scored.every((s) => s === 5);
  });
  const meaning =
    mean > 0.05
      ? 'You expect happier customers than you get'
      : mean < -0.05
        ? 'Your customers are happier than you expect'
        : 'You read your customers well';
  return {
    n,
    meaning,
    detail: `${signed(mean)} on a 0–1 scale, 95% CI ${signed(low)}…${signed(high)}, ${n} rated tickets`,
    agreement: pct(agreeing, n),
    overestimation: pct(over, n),
    brier: brier.toFixed(2),
    topRated:
      topRated.length >= 5
        ? `Of the ${topRated.length} tickets you rated 5 on every standard, ${topRated.filter((x) => x.satisfied).length} had a satisfied customer (${pct(topRated.filter((x) => x.satisfied).length, topRated.length)}).`
        : null,
    blindSpots: blindSpotIds(pairs),
  };
}

/** Standards scored on ≥ 3 unhappy tickets with a mean (s − 1)/4 of ≥ 0.75 there. */
function blindSpotIds(pairs: readonly RawPair[]): string[] {
  const ids = new Set(pairs.flatMap((x) => Object.keys(x.scores)));
  return [...ids].filter((id) => {
    const unhappy = pairs.filter((x) => !x.satisfied && x.scores[id] !== undefined && x.scores[id] !== 'na');
    if (unhappy.length < 3) return false;
    const mean = unhappy.reduce((s, x) => s + ((x.scores[id] as number) - 1) / 4, 0) / unhappy.length;
    return mean >= 0.75;
  });
}
