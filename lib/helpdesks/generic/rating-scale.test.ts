import { describe, expect, it } from 'vitest';
import { describeAnswers, readRating, scaleOfChoice, type RatingScaleChoice } from './rating-scale';

function scale(choice: RatingScaleChoice) {
  const read = scaleOfChoice(choice);
  if (!read.ok) throw new Error(read.error);
  return read.scale;
}

describe('rating scales of a CSV export, normalized per DESIGN.md §4', () => {
  it.each([
    ['1', 0, false],
    ['2', 0.25, false],
    ['3', 0.5, false],
    [' 4 ', 0.75, true],
    ['5', 1, true],
  ])('1–5: “%s” → %s, satisfied %s', (cell, normalized, satisfied) => {
    expect(readRating(scale({ type: 'five-point' }), cell)).toEqual({
      scale: 'five-point',
      value: Number(cell),
      normalized,
      satisfied,
    });
  });

  it.each(['0', '6', '4.5', '4.0', 'four', '', '-1', '05x'])('1–5 refuses “%s”', (cell) => {
    expect(readRating(scale({ type: 'five-point' }), cell)).toBeNull();
  });

  it.each([
    ['good', 'good', 1, true],
    ['Good', 'good', 1, true],
    [' BAD ', 'bad', 0, false],
  ])('good / bad: “%s” → %s (%s)', (cell, value, normalized, satisfied) => {
    expect(readRating(scale({ type: 'good-bad' }), cell)).toEqual({ scale: 'good-bad', value, normalized, satisfied });
  });

  it('good / bad refuses anything else', () => {
    expect(readRating(scale({ type: 'good-bad' }), 'ok')).toBeNull();
    expect(readRating(scale({ type: 'good-bad' }), '1')).toBeNull();
  });

  it('a custom list is spaced evenly, best first, and satisfied only as far as the user says', () => {
    const custom = scale({ type: 'custom', values: ['Great', 'Okay', 'Not good'], satisfiedCount: 1 });
    expect(custom.points.map((p) => [p.value, p.normalized, p.satisfied])).toEqual([
      ['Great', 1, true],
      ['Okay', 0.5, false],
      ['Not good', 0, false],
    ]);
    expect(readRating(custom, 'not GOOD')).toMatchObject({ value: 'Not good', normalized: 0, satisfied: false });
    const four = scale({ type: 'custom', values: ['A', 'B', 'C', 'D'], satisfiedCount: 2 });
    expect(four.points.map((p) => p.normalized)).toEqual([1, 2 / 3, 1 / 3, 0]);
    expect(four.points.map((p) => p.satisfied)).toEqual([true, true, false, false]);
  });

  it.each([
    [{ values: ['Only'], satisfiedCount: 1 }, /at least two answers/],
    [{ values: ['A', ' '], satisfiedCount: 1 }, /at least two answers/],
    [{ values: ['Yes', 'yes'], satisfiedCount: 1 }, /“yes” is listed twice/],
    [{ values: ['A', 'B'], satisfiedCount: 2 }, /1 to 1/],
    [{ values: ['A', 'B'], satisfiedCount: 0 }, /1 to 1/],
    [{ values: ['x'.repeat(41), 'B'], satisfiedCount: 1 }, /longer than 40/],
  ])('refuses the custom list %j', (custom, error) => {
    const read = scaleOfChoice({ type: 'custom', ...custom });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(error);
  });

  it('names the answers the way errors list them', () => {
    expect(describeAnswers(scale({ type: 'five-point' }))).toBe('1–5');
    expect(describeAnswers(scale({ type: 'good-bad' }))).toBe('good, bad');
    expect(describeAnswers(scale({ type: 'custom', values: ['Yes', 'No'], satisfiedCount: 1 }))).toBe('Yes, No');
  });
});
