import { describe, expect, it } from 'vitest';
import { coverage } from './coverage';
import { ticketEntries } from './match';
import { assessment, GOOD, rating } from './test-support';

describe('coverage', () => {
  it('is the share both ways (hand-computed)', () => {
    // assessed 1, 2, 3, 4; rated 1, 2, 3, 5, 6 → matched 3, assessed-only 1 (4), rated-only 2 (5, 6)
    // rated tickets self-assessed: 3 / (3 + 2) = 0.6; assessments with a rating: 3 / (3 + 1) = 0.75
    const entries = ticketEntries(
      ['1', '2', '3', '4'].map((id) => assessment(id)),
      ['1', '2', '3', '5', '6'].map((id) => rating(id, GOOD)),
    );
    expect(coverage(entries)).toEqual({
      matched: 3,
      assessedOnly: 1,
      ratedOnly: 2,
      ratedAssessedShare: 0.6,
      assessedRatedShare: 0.75,
    });
  });

  it('has no share without a denominator', () => {
    expect(coverage([])).toEqual({
      matched: 0,
      assessedOnly: 0,
      ratedOnly: 0,
      ratedAssessedShare: null,
      assessedRatedShare: null,
    });
    // only assessments: none of them rated yet (0 / 2); no rated tickets at all (null)
    expect(coverage(ticketEntries([assessment('1'), assessment('2')], []))).toMatchObject({
      ratedAssessedShare: null,
      assessedRatedShare: 0,
    });
  });
});
