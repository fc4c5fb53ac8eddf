import { describe, expect, it } from 'vitest';
import { blindSpots, standardTallies } from './blind-spots';
import { standardSetLookup } from './standards-score';
import { BAD, GOOD, pair, stars, TEST_SET_V1, TEST_SET_V2 } from './test-support';

const sets = standardSetLookup([TEST_SET_V1, TEST_SET_V2]);

// Unhappy (not satisfied) tickets         Happy tickets
//   U1 bad:  speed 5, accuracy 2, tone 5    H1 good: speed 3, accuracy 5, tone 5
//   U2 3★:   speed 5, accuracy 3, tone N/A  H2 5★:   speed 3, accuracy 4, tone N/A
//   U3 2★:   speed 4, accuracy 2, tone 5
// normalized: 5 → 1, 4 → .75, 3 → .5, 2 → .25
// speed:    unhappy (1 + 1 + .75) / 3 = 0.91667 (n 3), happy (.5 + .5) / 2 = .5   → diff  0.41667, flagged
// accuracy: unhappy (.25 + .5 + .25) / 3 = 0.33333,  happy (1 + .75) / 2 = .875  → diff −0.54167
// tone:     unhappy (1 + 1) / 2 = 1 (n 2 < 3),       happy 1 / 1 = 1            → diff  0, not flagged
const pairs = [
  pair('u1', GOOD, BAD, { scores: { speed: 5, accuracy: 2, tone: 5 } }),
  pair('u2', GOOD, stars(3), { scores: { speed: 5, accuracy: 3, tone: 'na' } }),
  pair('u3', GOOD, stars(2), { scores: { speed: 4, accuracy: 2, tone: 5 } }),
  pair('h1', GOOD, GOOD, { scores: { speed: 3, accuracy: 5, tone: 5 } }),
  pair('h2', GOOD, stars(5), { scores: { speed: 3, accuracy: 4, tone: 'na' } }),
];

describe('blindSpots', () => {
  it('compares mean self-scores on unhappy and happy tickets, flags and ranks (hand-computed)', () => {
    const result = blindSpots(pairs, sets);
    expect(result.map((s) => [s.standardId, s.flagged])).toEqual([
      ['speed', true],
      ['tone', false],
      ['accuracy', false],
    ]);
    const [speed, tone, accuracy] = result;
    expect(speed).toMatchObject({ standardSetId: 'test-set', unhappy: { n: 3 }, happy: { n: 2, mean: 0.5 } });
    expect(speed!.unhappy.mean).toBeCloseTo(2.75 / 3, 15);
    expect(speed!.difference).toBeCloseTo(2.75 / 3 - 0.5, 15);
    expect(accuracy!.unhappy.mean).toBeCloseTo(1 / 3, 15);
    expect(accuracy!.happy.mean).toBe(0.875);
    expect(tone).toMatchObject({ unhappy: { n: 2, mean: 1 }, happy: { n: 1, mean: 1 }, difference: 0, flagged: false });
  });

  it('counts a neutral verdict as unhappy: without U2 (3★) speed has only 2 unhappy tickets and is not flagged', () => {
    const withoutNeutral = pairs.filter((p) => p.ticketKey !== pairs[1]!.ticketKey);
    expect(blindSpots(withoutNeutral, sets).find((s) => s.standardId === 'speed')?.flagged).toBe(false);
  });

  it('does not flag a mean just below 0.75 on unhappy tickets, and flags exactly 0.75', () => {
    // three unhappy tickets with speed 4, 4, 4 → 0.75 exactly → flagged; 4, 4, 3 → 2/3 → not flagged
    const at = ['a', 'b', 'c'].map((id) => pair(id, GOOD, BAD, { scores: { speed: 4 } }));
    const below = [...at.slice(0, 2), pair('d', GOOD, BAD, { scores: { speed: 3 } })];
    expect(blindSpots(at, sets)[0]).toMatchObject({ standardId: 'speed', flagged: true, difference: null });
    expect(blindSpots(below, sets)[0]?.flagged).toBe(false);
  });

  it('takes titles from the newest known version of the set, and null for an unknown set', () => {
    expect(blindSpots(pairs, sets).find((s) => s.standardId === 'tone')).toMatchObject({
      title: 'Warm tone',
      factor: 'people',
    });
    const foreign = [pair('x', GOOD, BAD, { standardSetId: 'other-set', scores: { speed: 5 } })];
    expect(blindSpots(foreign, sets)[0]).toMatchObject({
      standardSetId: 'other-set',
      standardId: 'speed',
      title: null,
      factor: null,
    });
  });

  it('leaves N/A out and is empty for no data', () => {
    const tallies = standardTallies(pairs);
    expect(tallies.get('test-set/tone')).toEqual({ happyN: 1, happySum: 1, unhappyN: 2, unhappySum: 2 });
    expect(blindSpots([], sets)).toEqual([]);
  });
});
