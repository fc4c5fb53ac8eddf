import { describe, expect, it } from 'vitest';
import { isTopRated, normalizeStandardScore, standardSetLookup, standardsScore } from './standards-score';
import { assessment, TEST_SET_V1, TEST_SET_V2 } from './test-support';

const sets = standardSetLookup([TEST_SET_V1, TEST_SET_V2]);

describe('normalizeStandardScore', () => {
  it('maps 1…5 to 0, ¼, ½, ¾, 1 and N/A to null', () => {
    expect([1, 2, 3, 4, 5].map((s) => normalizeStandardScore(s as 1 | 2 | 3 | 4 | 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(normalizeStandardScore('na')).toBeNull();
  });
});

describe('standardsScore', () => {
  it('is the weighted mean of (score − 1) / 4 with the weights of the assessment’s set version', () => {
    // v1 weights speed 2, accuracy 1, tone 1. Scores 5, 3, 1 → 1, 0.5, 0.
    // (2·1 + 1·0.5 + 1·0) / (2 + 1 + 1) = 2.5 / 4 = 0.625
    expect(standardsScore(assessment('1', { scores: { speed: 5, accuracy: 3, tone: 1 } }), sets)).toBe(0.625);
    // v2 weights speed 1, accuracy 3, tone 1: (1·1 + 3·0.5 + 1·0) / 5 = 2.5 / 5 = 0.5
    expect(
      standardsScore(assessment('1', { scores: { speed: 5, accuracy: 3, tone: 1 }, standardSetVersion: 2 }), sets),
    ).toBe(0.5);
  });

  it('leaves N/A standards out of both sums', () => {
    // tone N/A: (2·1 + 1·0.5) / (2 + 1) = 2.5 / 3
    expect(standardsScore(assessment('1', { scores: { speed: 5, accuracy: 3, tone: 'na' } }), sets)).toBeCloseTo(
      2.5 / 3,
      15,
    );
  });

  it('treats a standard without a score like N/A and ignores ids that are not in the set', () => {
    // only speed counts: (2·0.75) / 2 = 0.75; `legacy` has no weight in v1
    expect(standardsScore(assessment('1', { scores: { speed: 4, legacy: 1 } }), sets)).toBe(0.75);
  });

  it('is null when everything is N/A, when nothing is scored, and when the set version is unknown', () => {
    expect(standardsScore(assessment('1', { scores: { speed: 'na', accuracy: 'na', tone: 'na' } }), sets)).toBeNull();
    expect(standardsScore(assessment('1', { scores: {} }), sets)).toBeNull();
    expect(standardsScore(assessment('1', { standardSetVersion: 3 }), sets)).toBeNull();
  });
});

describe('isTopRated', () => {
  it('is true when every scored standard is 5, N/A aside', () => {
    expect(isTopRated(assessment('1', { scores: { speed: 5, accuracy: 5, tone: 'na' } }))).toBe(true);
    expect(isTopRated(assessment('1', { scores: { speed: 5, accuracy: 4, tone: 5 } }))).toBe(false);
  });

  it('is false when nothing was scored', () => {
    expect(isTopRated(assessment('1', { scores: { speed: 'na', accuracy: 'na' } }))).toBe(false);
  });
});
