import { describe, expect, it } from 'vitest';
import { normalizeApiTimestamp, toEpochSeconds } from './timestamps';

describe('normalizeApiTimestamp', () => {
  it.each([
    ['2011-07-20T22:55:29Z', '2011-07-20T22:55:29.000Z'],
    ['2024-08-14T12:00:00.000Z', '2024-08-14T12:00:00.000Z'],
    ['2015-08-21T14:54:46+05:30', '2015-08-21T09:24:46.000Z'],
    // Freshdesk's documented example writes the hour with three digits.
    ['2015-08-28T010:08:16Z', '2015-08-28T10:08:16.000Z'],
    ['2015-08-28T011:08:16Z', '2015-08-28T11:08:16.000Z'],
    // No zone: the vendors mean UTC.
    ['2026-11-20T12:00:00', '2026-11-20T12:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeApiTimestamp(input)).toBe(expected);
  });

  it.each(['yesterday', '2015-02-31T10:00:00Z', '2015-08-28T25:00:00Z', '2015-08-28', ''])('rejects %j', (input) => {
    expect(normalizeApiTimestamp(input)).toBeNull();
  });

  it('converts to epoch seconds for Zendesk filters', () => {
    expect(toEpochSeconds('2026-11-20T12:00:00.999Z')).toBe(1_795_176_000);
  });
});
