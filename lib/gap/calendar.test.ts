import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertDateWindow,
  assertTimeZone,
  isDayInWindow,
  isoWeekOfDay,
  isoWeekRange,
  isoWeeksBetween,
  localDay,
  localDayMemo,
  monthOfDay,
  monthRange,
  monthsBetween,
  shiftDay,
} from './calendar';

describe('localDay', () => {
  it('puts the same instant on different days in different zones', () => {
    // 23:30 UTC on Sunday 22 Nov: already Monday in Berlin (UTC+1), still Sunday in Los Angeles (UTC−8).
    expect(localDay('2026-11-22T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-23');
    expect(localDay('2026-11-22T23:30:00.000Z', 'America/Los_Angeles')).toBe('2026-11-22');
    expect(localDay('2026-11-22T23:30:00.000Z', 'UTC')).toBe('2026-11-22');
  });

  it('follows DST: 22:30 UTC is 00:30 next day in Berlin summer (UTC+2) but 23:30 in winter (UTC+1)', () => {
    expect(localDay('2026-07-01T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-07-02');
    expect(localDay('2026-01-01T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-01-01');
  });

  it('accepts any number of fractional digits and refuses a non-date', () => {
    expect(localDay('2026-11-22T23:30:00Z', 'Europe/Berlin')).toBe('2026-11-23');
    expect(() => localDay('yesterday', 'UTC')).toThrow(/not an ISO date-time/);
  });
});

describe('ISO weeks and months', () => {
  it.each([
    ['2026-12-31', '2026-W53'], // 2026 starts on a Thursday, so it has 53 ISO weeks
    ['2027-01-03', '2026-W53'], // Sunday 3 Jan 2027 still belongs to the last week of 2026
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'], // Monday 30 Dec 2024 is in week 1 of 2025
    ['2026-11-23', '2026-W48'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOfDay(day)).toBe(week);
  });

  it('months are the first seven characters of a valid day', () => {
    expect(monthOfDay('2026-02-28')).toBe('2026-02');
    expect(() => monthOfDay('2026-02-30')).toThrow(/not a calendar day/);
  });

  it('lists the weeks and months between two days, across a year end', () => {
    expect(isoWeeksBetween('2026-12-20', '2027-01-12')).toEqual([
      '2026-W51',
      '2026-W52',
      '2026-W53',
      '2027-W01',
      '2027-W02',
    ]);
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(isoWeeksBetween('2026-11-24', '2026-11-24')).toEqual(['2026-W48']);
  });

  it('gives a week’s instants in the user’s zone, across the spring DST change', () => {
    // Week 13 of 2026 runs Mon 23 Mar to Sun 29 Mar; Berlin switches from +01:00 to +02:00 on 29 Mar.
    expect(isoWeekRange('2026-W13', 'Europe/Berlin')).toEqual({
      start: '2026-03-22T23:00:00.000Z',
      end: '2026-03-29T22:00:00.000Z',
    });
    expect(isoWeekRange('2026-W53', 'UTC')).toEqual({
      start: '2026-12-28T00:00:00.000Z',
      end: '2027-01-04T00:00:00.000Z',
    });
    expect(() => isoWeekRange('2025-W53', 'UTC')).toThrow(/not an ISO week/); // 2025 has 52 weeks
  });

  it('gives a month’s instants in the user’s zone', () => {
    expect(monthRange('2026-11', 'America/New_York')).toEqual({
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-12-01T05:00:00.000Z',
    });
    expect(() => monthRange('2026-13', 'UTC')).toThrow();
  });
});

describe('windows and validation', () => {
  it('includes both ends of a window', () => {
    const window = { from: '2026-11-01', to: '2026-11-30' };
    expect(isDayInWindow('2026-11-01', window)).toBe(true);
    expect(isDayInWindow('2026-11-30', window)).toBe(true);
    expect(isDayInWindow('2026-12-01', window)).toBe(false);
    expect(isDayInWindow('2026-10-31', window)).toBe(false);
    expect(isDayInWindow('1999-01-01', null)).toBe(true);
  });

  it('refuses a reversed window or an impossible day', () => {
    expect(() => assertDateWindow({ from: '2026-12-01', to: '2026-11-01' })).toThrow(/after it ends/);
    expect(() => assertDateWindow({ from: '2026-11-31', to: '2026-12-01' })).toThrow(/not a calendar day/);
  });

  it('shifts days across month and year ends', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('names an unknown time zone', () => {
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(/Unknown time zone “Mars\/Olympus_Mons”/);
    expect(() => assertTimeZone('Asia/Kolkata')).not.toThrow();
  });

  it('localDayMemo gives exactly localDay, repeated instants included', () => {
    const zones = ['Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(
          fc.date({
            min: new Date('1990-01-01T00:00:00Z'),
            max: new Date('2040-01-01T00:00:00Z'),
            noInvalidDate: true,
          }),
          {
            maxLength: 30,
          },
        ),
        (zone, dates) => {
          const memo = localDayMemo(zone);
          const instants = dates.map((d) => d.toISOString());
          for (const instant of [...instants, ...instants]) expect(memo(instant)).toBe(localDay(instant, zone));
        },
      ),
      { numRuns: 100 },
    );
    expect(() => localDayMemo('UTC')('not a date')).toThrow(RangeError);
  });
});
