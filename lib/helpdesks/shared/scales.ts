import type { CsatScale, CsatValue, ScaledValue } from '../../model';

/**
 * The CSAT scales of the supported helpdesks as data (DESIGN.md §4, HELPDESK-APIS.md §1). Every
 * adapter normalizes through these tables, so a score means the same thing everywhere:
 * binary good/bad → 1 / 0; 1–5 → (r − 1) / 4; Freshdesk's survey points evenly spaced in [0, 1];
 * great / okay / not good → 1 / 0.5 / 0. Satisfied is strict: neutral values are not satisfied.
 */
export const GOOD_BAD_SCALE: CsatScale = {
  id: 'good-bad',
  label: 'Good / Bad',
  points: [
    { value: 'good', label: 'Good, I’m satisfied', normalized: 1, satisfied: true },
    { value: 'bad', label: 'Bad, I’m unsatisfied', normalized: 0, satisfied: false },
  ],
};

/** Freshdesk's classic survey: codes 103 … −103, `s = v − 100` (or `v + 100` below zero), `(s + 3) / 6`. */
export const FRESHDESK_POINTS_SCALE: CsatScale = {
  id: 'freshdesk-points',
  label: 'Freshdesk satisfaction survey',
  points: [
    { value: 103, label: 'Extremely happy', normalized: 1, satisfied: true },
    { value: 102, label: 'Very happy', normalized: 5 / 6, satisfied: true },
    { value: 101, label: 'Happy', normalized: 4 / 6, satisfied: true },
    { value: 100, label: 'Neutral', normalized: 3 / 6, satisfied: false },
    { value: -101, label: 'Unhappy', normalized: 2 / 6, satisfied: false },
    { value: -102, label: 'Very unhappy', normalized: 1 / 6, satisfied: false },
    { value: -103, label: 'Extremely unhappy', normalized: 0, satisfied: false },
  ],
};

/**
 * Freshdesk's legacy survey, before the 103 … −103 codes: 1 Happy, 2 Neutral, 3 Unhappy
 * (HELPDESK-APIS.md §2, Freshdesk “Scale”). Three levels, evenly spaced: 1 / 0.5 / 0.
 */
export const FRESHDESK_LEGACY_SCALE: CsatScale = {
  id: 'freshdesk-legacy',
  label: 'Freshdesk satisfaction survey (legacy)',
  points: [
    { value: 1, label: 'Happy', normalized: 1, satisfied: true },
    { value: 2, label: 'Neutral', normalized: 0.5, satisfied: false },
    { value: 3, label: 'Unhappy', normalized: 0, satisfied: false },
  ],
};

/** 1–5 stars (Intercom, Gorgias, Zendesk's new CSAT with a 5-point question). Satisfied from 4 up (a convention). */
export const FIVE_POINT_SCALE: CsatScale = {
  id: 'five-point',
  label: '1–5',
  points: [5, 4, 3, 2, 1].map((r) => ({
    value: r,
    label: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'][r - 1]!,
    normalized: (r - 1) / 4,
    satisfied: r >= 4,
  })),
};

/** Help Scout's happiness ratings. */
export const GREAT_OKAY_NOT_GOOD_SCALE: CsatScale = {
  id: 'great-okay-not-good',
  label: 'Great / Okay / Not good',
  points: [
    { value: 'great', label: 'Great', normalized: 1, satisfied: true },
    { value: 'okay', label: 'Okay', normalized: 0.5, satisfied: false },
    { value: 'not_good', label: 'Not good', normalized: 0, satisfied: false },
  ],
};

export const CSAT_SCALES: readonly CsatScale[] = [
  GOOD_BAD_SCALE,
  FRESHDESK_POINTS_SCALE,
  FRESHDESK_LEGACY_SCALE,
  FIVE_POINT_SCALE,
  GREAT_OKAY_NOT_GOOD_SCALE,
];

export function findScale(id: string): CsatScale | undefined {
  return CSAT_SCALES.find((scale) => scale.id === id);
}

/**
 * Reads a raw value on a scale. Returns null for anything that is not one of the scale's answers —
 * which is how non-answers (`offered`, `unoffered`, `unknown`, null) stay out of CSAT.
 */
export function scaleValue(scale: CsatScale, value: CsatValue | null | undefined): ScaledValue | null {
  if (value === null || value === undefined) return null;
  const point = scale.points.find((p) => p.value === value);
  if (!point) return null;
  return { scale: scale.id, value: point.value, normalized: point.normalized, satisfied: point.satisfied };
}

/** Reads a value on the first of `scales` that has it as an answer; null if none has (a non-answer). */
export function scaleValueOnAny(scales: readonly CsatScale[], value: CsatValue | null | undefined): ScaledValue | null {
  for (const scale of scales) {
    const scaled = scaleValue(scale, value);
    if (scaled) return scaled;
  }
  return null;
}

/** The bounds of a numeric rating question, e.g. Zendesk's new CSAT (1–5 in the documented example). */
export interface NumericRange {
  min: number;
  max: number;
}

/**
 * A rating on a numeric survey scale, normalized `(rating − min) / (max − min)` (DESIGN.md §4). The
 * helpdesk says whether it counts as satisfied (Zendesk's `rating_category` good), so a 7-point or
 * 10-point survey is judged by its own categories rather than a threshold guessed here. A 1–5 range
 * is the five-point scale; other ranges get their own id so a prediction can be read on the same one.
 * Returns null for a value outside the range or not on a step: not a rating this scale can give.
 */
export function numericRangeValue(rating: number, range: NumericRange, satisfied: boolean): ScaledValue | null {
  const { min, max } = range;
  if (!(max > min) || !Number.isInteger(rating) || rating < min || rating > max) return null;
  const scale = min === 1 && max === 5 ? FIVE_POINT_SCALE.id : `numeric-${min}-${max}`;
  return { scale, value: rating, normalized: (rating - min) / (max - min), satisfied };
}
