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

export const CSAT_SCALES: readonly CsatScale[] = [GOOD_BAD_SCALE, FRESHDESK_POINTS_SCALE, FIVE_POINT_SCALE, GREAT_OKAY_NOT_GOOD_SCALE];

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
