import type { PersonalGap } from '../../lib/gap';

/**
 * The side panel's numbers in words. Numbers are shown with two decimals (gaps, Brier) or as whole
 * percentages (shares): finer digits would suggest a precision a few dozen tickets do not have.
 */

const MINUS = '\u2212';

/** `+0.18`, `−0.05`, `0.00`: a gap always shows its direction. */
export function signed(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${value > 0 ? '+' : MINUS}${text}`;
}

/** `73%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `0.21`. */
export function decimal(value: number, digits = 2): string {
  return value.toFixed(digits);
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Below this size, a gap reads as "matches": a twentieth of the 0–1 scale, less than the smallest
 * step of any supported CSAT scale (1/6 on Freshdesk's), so no single prediction can be that close
 * to wrong.
 */
export const NEGLIGIBLE_GAP = 0.05;

export interface HeadlineWords {
  /** The plain-language meaning, e.g. “You expect happier customers than you get”. */
  meaning: string;
  /** `+0.18 on a 0–1 scale, 95% CI +0.09…+0.27, 41 rated tickets`. */
  detail: string;
  /** Said when the interval includes 0 although the gap is not negligible. */
  caveat: string | null;
}

/** The headline of an ok personal gap (DESIGN.md §4: never a bare number — with n and the CI). */
export function headlineWords(gap: Extract<PersonalGap, { status: 'ok' }>): HeadlineWords {
  const { mean, n, confidenceInterval: ci } = gap;
  const meaning =
    mean > NEGLIGIBLE_GAP
      ? 'You expect happier customers than you get'
      : mean < -NEGLIGIBLE_GAP
        ? 'Your customers are happier than you expect'
        : 'You read your customers well';
  const detail = `${signed(mean)} on a 0–1 scale, 95% CI ${signed(ci.low)}…${signed(ci.high)}, ${plural(n, 'rated ticket', 'rated tickets')}`;
  const caveat =
    Math.abs(mean) > NEGLIGIBLE_GAP && ci.low <= 0 && ci.high >= 0
      ? 'The interval includes 0: with this many tickets, the gap could still be chance.'
      : null;
  return { meaning, detail, caveat };
}

/** What to do next when there are fewer matched tickets than the minimum sample. */
export function notEnoughDataWords(input: {
  matched: number;
  minimum: number;
  assessed: number;
  hasConnection: boolean;
}): { title: string; next: string } {
  const title = `Not enough data yet: ${input.matched} of ${input.minimum} rated tickets`;
  if (input.assessed === 0) {
    return {
      title,
      next: 'Rate your tickets right after you solve them: open a ticket in your helpdesk and press the GapLens shortcut, or click the toolbar button.',
    };
  }
  if (!input.hasConnection) {
    return {
      title,
      next: 'Connect your helpdesk in Settings, so GapLens can fetch what your customers said about the tickets you rated.',
    };
  }
  const waiting = input.assessed - input.matched;
  return {
    title,
    next: `${plural(waiting, 'of your rated tickets is', 'of your rated tickets are')} waiting for a customer rating. Keep rating tickets; your gap appears once ${input.minimum} have one. Try a longer period, too.`,
  };
}
