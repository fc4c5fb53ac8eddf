import { describe, expect, it } from 'vitest';
import { headlineWords, notEnoughDataWords, percent, signed } from './wording';

const gap = (mean: number, low: number, high: number, n = 41) =>
  ({
    status: 'ok',
    n,
    mean,
    predictedMean: 0.8,
    actualMean: 0.8 - mean,
    standardDeviation: 0.3,
    standardError: 0.05,
    confidenceInterval: { level: 0.95, low, high },
  }) as const;

describe('side panel wording', () => {
  it('signs gaps and rounds to two decimals', () => {
    expect(signed(0.184)).toBe('+0.18');
    expect(signed(-0.046)).toBe('\u22120.05');
    expect(signed(0.004)).toBe('0.00');
    expect(signed(-0.004)).toBe('0.00');
    expect(percent(0.7333)).toBe('73%');
  });

  it('says the issue’s headline for an overestimating agent', () => {
    expect(headlineWords(gap(0.18, 0.09, 0.27))).toEqual({
      meaning: 'You expect happier customers than you get',
      detail: '+0.18 on a 0–1 scale, 95% CI +0.09…+0.27, 41 rated tickets',
      caveat: null,
    });
  });

  it('names the other direction and the well-calibrated case', () => {
    expect(headlineWords(gap(-0.2, -0.3, -0.1)).meaning).toBe('Your customers are happier than you expect');
    expect(headlineWords(gap(0.02, -0.05, 0.09)).meaning).toBe('You read your customers well');
  });

  it('warns when the interval includes 0', () => {
    expect(headlineWords(gap(0.12, -0.02, 0.26, 6)).caveat).toMatch(/could still be chance/);
  });

  it('says what to do next below the minimum sample', () => {
    expect(notEnoughDataWords({ matched: 0, minimum: 5, assessed: 0, hasConnection: false }).next).toMatch(
      /Rate your tickets/,
    );
    expect(notEnoughDataWords({ matched: 1, minimum: 5, assessed: 3, hasConnection: false }).next).toMatch(
      /Connect your helpdesk/,
    );
    const waiting = notEnoughDataWords({ matched: 3, minimum: 5, assessed: 10, hasConnection: true });
    expect(waiting.title).toBe('Not enough data yet: 3 of 5 rated tickets');
    expect(waiting.next).toMatch(/^7 of your rated tickets are waiting/);
  });
});
