import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMPT_SETTINGS, isQuietTime, parsePromptSettingsMap } from './prompt-settings';

const at = (h: number, m = 0) => new Date(2026, 10, 20, h, m);

describe('quiet hours', () => {
  it('within a day', () => {
    const settings = { ...DEFAULT_PROMPT_SETTINGS, quietHours: { from: '12:00', to: '13:30' } };
    expect(isQuietTime(settings, at(12))).toBe(true);
    expect(isQuietTime(settings, at(13, 29))).toBe(true);
    expect(isQuietTime(settings, at(13, 30))).toBe(false);
    expect(isQuietTime(settings, at(11, 59))).toBe(false);
  });

  it('across midnight', () => {
    const settings = { ...DEFAULT_PROMPT_SETTINGS, quietHours: { from: '18:00', to: '08:00' } };
    expect(isQuietTime(settings, at(23))).toBe(true);
    expect(isQuietTime(settings, at(7, 59))).toBe(true);
    expect(isQuietTime(settings, at(8))).toBe(false);
  });

  it('none set, never quiet', () => {
    expect(isQuietTime(DEFAULT_PROMPT_SETTINGS, at(3))).toBe(false);
  });
});

it('a damaged stored entry is left out (its connection gets the defaults)', () => {
  const map = parsePromptSettingsMap({ a: DEFAULT_PROMPT_SETTINGS, b: { enabled: 'yes' } });
  expect(Object.keys(map)).toEqual(['a']);
});
