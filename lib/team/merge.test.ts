import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TeamBundle } from '../export/team-bundle';
import { bundleFingerprint, mergeBundles } from './merge';
import { sampleBundle } from './test-bundles';

const ORIGIN = 'https://acme.zendesk.com';

/** A small pool: three agents, several bundles each (older, newer, same time with other content). */
const POOL: TeamBundle[] = [
  sampleBundle('101', { exportedAt: '2026-11-01T09:00:00.000Z', count: 5 }),
  sampleBundle('101', { exportedAt: '2026-11-08T09:00:00.000Z', count: 7 }),
  sampleBundle('101', { exportedAt: '2026-11-08T09:00:00.000Z', count: 8 }),
  sampleBundle('102', { exportedAt: '2026-11-02T09:00:00.000Z', count: 3, firstTicket: 500 }),
  sampleBundle('102', { exportedAt: '2026-10-02T09:00:00.000Z', count: 9, firstTicket: 500 }),
  sampleBundle('103', { exportedAt: '2026-11-03T09:00:00.000Z', count: 4, firstTicket: 900, includeNotes: true }),
];

function summary(bundles: ReadonlyMap<string, TeamBundle>): Record<string, string> {
  return Object.fromEntries(
    [...bundles].sort(([a], [b]) => a.localeCompare(b)).map(([k, b]) => [k, bundleFingerprint(b)]),
  );
}

describe('mergeBundles', () => {
  it('imports, skips a duplicate, updates with a newer bundle and refuses an older or foreign one', () => {
    const [old101, new101] = [POOL[0]!, POOL[1]!];
    const foreign = { ...POOL[3]!, helpdesk: { kind: 'zendesk', origin: 'https://other.zendesk.com' } };
    const { bundles, decisions } = mergeBundles(new Map(), [old101, old101, new101, old101, foreign], ORIGIN);
    expect(decisions.map((d) => `${d.action}:${d.reason}`)).toEqual([
      'import:new agent',
      'skip:unchanged',
      'import:newer bundle',
      'refuse:older',
      'refuse:wrong-origin',
    ]);
    expect([...bundles.values()]).toEqual([new101]);
  });

  it('any order and any repetition of the same bundles gives the same result (property)', () => {
    const expected = summary(mergeBundles(new Map(), POOL, ORIGIN).bundles);
    fc.assert(
      fc.property(
        // Every bundle at least once, plus random repeats, shuffled; dropped over several imports.
        fc
          .array(fc.integer({ min: 0, max: POOL.length - 1 }), { maxLength: 20 })
          .map((extra) => [...extra, ...POOL.keys()])
          .chain((all) => fc.shuffledSubarray(all, { minLength: all.length })),
        fc.integer({ min: 1, max: 4 }),
        (shuffled, split) => {
          let held = new Map<string, TeamBundle>();
          const chunk = Math.ceil(shuffled.length / split);
          for (let i = 0; i < shuffled.length; i += chunk) {
            held = mergeBundles(
              held,
              shuffled.slice(i, i + chunk).map((n) => POOL[n]!),
              ORIGIN,
            ).bundles;
          }
          expect(summary(held)).toEqual(expected);
        },
      ),
    );
  });

  it('merging what is already held changes nothing (idempotent)', () => {
    const once = mergeBundles(new Map(), POOL, ORIGIN).bundles;
    const again = mergeBundles(once, POOL, ORIGIN);
    expect(summary(again.bundles)).toEqual(summary(once));
    expect(again.decisions.every((d) => d.action !== 'import')).toBe(true);
  });
});
