import { describe, expect, it } from 'vitest';
import {
  FIVE_POINT_SCALE,
  FRESHDESK_LEGACY_SCALE,
  FRESHDESK_POINTS_SCALE,
  numericRangeValue,
  scaleValue,
  scaleValueOnAny,
} from './scales';

describe('scale tables', () => {
  it('space Freshdesk’s seven points evenly over [0, 1] with (s + 3) / 6', () => {
    const normalized = FRESHDESK_POINTS_SCALE.points.map((point) => point.normalized);
    expect(normalized).toEqual([1, 5 / 6, 4 / 6, 3 / 6, 2 / 6, 1 / 6, 0]);
    for (const point of FRESHDESK_POINTS_SCALE.points) {
      const value = Number(point.value);
      const s = value >= 100 ? value - 100 : value + 100;
      expect(point.normalized).toBeCloseTo((s + 3) / 6, 12);
      expect(point.satisfied).toBe(value >= 101);
    }
  });

  it('read the legacy Freshdesk 1/2/3 as happy / neutral / unhappy', () => {
    expect(FRESHDESK_LEGACY_SCALE.points.map((point) => [point.value, point.normalized, point.satisfied])).toEqual([
      [1, 1, true],
      [2, 0.5, false],
      [3, 0, false],
    ]);
  });
});

describe('scaleValueOnAny', () => {
  it('finds the value on the first scale that has it, and drops non-answers', () => {
    expect(scaleValueOnAny([FRESHDESK_POINTS_SCALE, FRESHDESK_LEGACY_SCALE], 2)).toMatchObject({
      scale: 'freshdesk-legacy',
      normalized: 0.5,
    });
    expect(scaleValueOnAny([FRESHDESK_POINTS_SCALE, FRESHDESK_LEGACY_SCALE], -102)).toMatchObject({
      scale: 'freshdesk-points',
      normalized: 1 / 6,
    });
    expect(scaleValueOnAny([FRESHDESK_POINTS_SCALE, FRESHDESK_LEGACY_SCALE], null)).toBeNull();
    expect(scaleValueOnAny([FRESHDESK_POINTS_SCALE, FRESHDESK_LEGACY_SCALE], 104)).toBeNull();
  });
});

describe('numericRangeValue', () => {
  it('normalizes (rating − min) / (max − min) and takes satisfied from the helpdesk', () => {
    expect(numericRangeValue(1, { min: 1, max: 5 }, false)).toEqual({
      scale: 'five-point',
      value: 1,
      normalized: 0,
      satisfied: false,
    });
    expect(numericRangeValue(4, { min: 1, max: 5 }, true)).toEqual({
      scale: 'five-point',
      value: 4,
      normalized: 0.75,
      satisfied: true,
    });
    expect(numericRangeValue(5, { min: 0, max: 10 }, false)).toEqual({
      scale: 'numeric-0-10',
      value: 5,
      normalized: 0.5,
      satisfied: false,
    });
  });

  it('agrees with the five-point table on 1–5', () => {
    for (const point of FIVE_POINT_SCALE.points) {
      expect(numericRangeValue(Number(point.value), { min: 1, max: 5 }, point.satisfied)).toEqual(
        scaleValue(FIVE_POINT_SCALE, point.value),
      );
    }
  });

  it('refuses values off the scale', () => {
    expect(numericRangeValue(6, { min: 1, max: 5 }, true)).toBeNull();
    expect(numericRangeValue(2.5, { min: 1, max: 5 }, true)).toBeNull();
    expect(numericRangeValue(3, { min: 5, max: 5 }, true)).toBeNull();
  });
});
