import { describe, expect, it } from 'vitest';
import { brierTerm, calibration, topRatedOutcome } from './calibration';
import { BAD, GOOD, pair, stars } from './test-support';

describe('calibration', () => {
  // predicted → actual          satisfied?   agree  over  Brier (p − y)²
  // 1 good (1)  → good          yes → yes    ✓            (1 − 1)²    = 0
  // 2 good (1)  → bad           yes → no            ✓     (1 − 0)²    = 1
  // 3 4★ (.75)  → 3★ (neutral)  yes → no            ✓     (.75 − 0)²  = 0.5625
  // 4 3★ (.5)   → 5★            no  → yes                 (.5 − 1)²   = 0.25
  // 5 bad (0)   → 1★            no  → no     ✓            (0 − 0)²    = 0
  // agreement 2/5 = 0.4, overestimation 2/5 = 0.4, Brier 1.8125 / 5 = 0.3625
  const pairs = [
    pair('1', GOOD, GOOD),
    pair('2', GOOD, BAD),
    pair('3', stars(4), stars(3)),
    pair('4', stars(3), stars(5)),
    pair('5', BAD, stars(1)),
  ];

  it('computes agreement, overestimation rate and Brier score (hand-computed)', () => {
    expect(calibration(pairs)).toEqual({
      status: 'ok',
      n: 5,
      agreement: 0.4,
      overestimationRate: 0.4,
      brierScore: 0.3625,
    });
  });

  it('treats a neutral verdict as not satisfied (ticket 3 is an overestimate, not an agreement)', () => {
    expect(brierTerm(pairs[2]!)).toBe(0.5625);
    // Swap ticket 3's verdict to 4★ (satisfied): agreement 3/5, overestimation 1/5, Brier 1.3125 / 5
    const swapped = [...pairs.slice(0, 2), pair('3', stars(4), stars(4)), ...pairs.slice(3)];
    expect(calibration(swapped)).toEqual({
      status: 'ok',
      n: 5,
      agreement: 0.6,
      overestimationRate: 0.2,
      brierScore: 0.2625,
    });
  });

  it('says "not enough data" below five matched tickets', () => {
    expect(calibration(pairs.slice(0, 4))).toEqual({ status: 'not-enough-data', n: 4, minimum: 5 });
    expect(calibration([])).toEqual({ status: 'not-enough-data', n: 0, minimum: 5 });
  });
});

describe('how your 5s fared', () => {
  const allFives = { speed: 5, accuracy: 5, tone: 5 } as const;
  const fivesWithNa = { speed: 5, accuracy: 5, tone: 'na' } as const;
  // Top-rated tickets (every scored standard 5): 1–5; customer satisfied on 1, 2, 3 → 3/5 = 0.6.
  // Ticket 6 has a 4, so it is not top-rated although the customer was satisfied.
  const pairs = [
    pair('1', GOOD, GOOD, { scores: allFives }),
    pair('2', GOOD, stars(5), { scores: fivesWithNa }),
    pair('3', GOOD, stars(4), { scores: allFives }),
    pair('4', GOOD, stars(3), { scores: allFives }),
    pair('5', GOOD, BAD, { scores: fivesWithNa }),
    pair('6', GOOD, GOOD, { scores: { speed: 5, accuracy: 4, tone: 5 } }),
  ];

  it('is the share of top-rated tickets the customer was satisfied with', () => {
    expect(topRatedOutcome(pairs)).toEqual({ status: 'ok', n: 5, satisfied: 3, satisfiedShare: 0.6 });
  });

  it('needs five top-rated tickets, not five tickets', () => {
    // tickets 2–6: only 2, 3, 4, 5 are top-rated
    expect(topRatedOutcome(pairs.slice(1))).toEqual({ status: 'not-enough-data', n: 4, minimum: 5 });
  });
});
