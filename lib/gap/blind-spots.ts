import type { Factor } from '../model';
import type { MatchedTicket } from './match';
import { normalizeStandardScore, type StandardSetLookup } from './standards-score';

/**
 * Blind spots (DESIGN.md §4): per standard, the agent's mean self-score on tickets the customer was
 * unhappy with, against the mean on tickets the customer was happy with. A standard the agent keeps
 * rating high when customers are unhappy is one whose failures they do not see.
 *
 * Happy = the rating is satisfied; unhappy = it is not. Neutral answers (3 of 5, Freshdesk 100,
 * Help Scout "okay") therefore count as unhappy: it is the same strict rule as everywhere else in
 * GapLens, and a customer who was merely neutral was not delighted by the standard either.
 */

/** A standard must be scored on at least this many unhappy tickets before it can be flagged. */
export const BLIND_SPOT_MIN_UNHAPPY = 3;
/** …and to have a mean normalized self-score of at least this on them (4 of 5 on average). */
export const BLIND_SPOT_MIN_MEAN = 0.75;

/**
 * Identifies a standard across set versions: `${standardSetId}/${standardId}`. Versions of one set
 * keep a standard's id for the same promise, so they are pooled; different sets are not, even if
 * they reuse an id.
 */
export type StandardKey = string;

export function standardKeyOf(standardSetId: string, standardId: string): StandardKey {
  return `${standardSetId}/${standardId}`;
}

function splitStandardKey(key: StandardKey): { standardSetId: string; standardId: string } {
  const slash = key.indexOf('/');
  return { standardSetId: key.slice(0, slash), standardId: key.slice(slash + 1) };
}

/**
 * Additive sums of normalized self-scores for one standard. The normalized scores are multiples of
 * ¼, so these sums are exact in floating point and do not depend on summation order.
 */
export interface StandardTally {
  happyN: number;
  happySum: number;
  unhappyN: number;
  unhappySum: number;
}

/** A standard's self-scores on happy against unhappy tickets. */
export interface StandardComparison {
  standardSetId: string;
  standardId: string;
  /** From the newest version of the set that has the standard; null when no such version is known. */
  title: string | null;
  factor: Factor | null;
  unhappy: { n: number; mean: number | null };
  happy: { n: number; mean: number | null };
  /** mean on unhappy − mean on happy; null unless both sides have scores. */
  difference: number | null;
  /** Rated on ≥ {@link BLIND_SPOT_MIN_UNHAPPY} unhappy tickets with a mean ≥ {@link BLIND_SPOT_MIN_MEAN} there. */
  flagged: boolean;
}

/** Tallies every scored (not N/A) standard of every pair, by {@link StandardKey}. */
export function standardTallies(pairs: readonly MatchedTicket[]): Map<StandardKey, StandardTally> {
  // Tallied per set, then per standard, and keyed once at the end: building the string key for
  // every score of every ticket was most of a team report's time (test/bench/team.ts).
  const bySet = new Map<string, Map<string, StandardTally>>();
  for (const pair of pairs) {
    const happy = pair.rating.rating.satisfied;
    const setId = pair.assessment.standardSetId;
    let setTallies = bySet.get(setId);
    if (!setTallies) bySet.set(setId, (setTallies = new Map()));
    const scores = pair.assessment.scores;
    for (const standardId in scores) {
      if (!Object.hasOwn(scores, standardId)) continue;
      const normalized = normalizeStandardScore(scores[standardId]!);
      if (normalized === null) continue;
      let tally = setTallies.get(standardId);
      if (!tally) setTallies.set(standardId, (tally = { happyN: 0, happySum: 0, unhappyN: 0, unhappySum: 0 }));
      if (happy) {
        tally.happyN += 1;
        tally.happySum += normalized;
      } else {
        tally.unhappyN += 1;
        tally.unhappySum += normalized;
      }
    }
  }
  const tallies = new Map<StandardKey, StandardTally>();
  for (const [setId, setTallies] of bySet) {
    for (const [standardId, tally] of setTallies) tallies.set(standardKeyOf(setId, standardId), tally);
  }
  return tallies;
}

function describeStandard(
  key: StandardKey,
  sets: StandardSetLookup,
): Pick<StandardComparison, 'standardSetId' | 'standardId' | 'title' | 'factor'> {
  const { standardSetId, standardId } = splitStandardKey(key);
  let newest: { version: number; title: string; factor: Factor } | null = null;
  for (const set of sets.values()) {
    if (set.id !== standardSetId || (newest && newest.version >= set.version)) continue;
    const standard = set.standards.find((s) => s.id === standardId);
    if (standard) newest = { version: set.version, title: standard.title, factor: standard.factor };
  }
  return { standardSetId, standardId, title: newest?.title ?? null, factor: newest?.factor ?? null };
}

/** Flagged first, then by difference (largest first; unknown last), then by key for a fixed order. */
function compareComparisons(a: StandardComparison, b: StandardComparison): number {
  if (a.flagged !== b.flagged) return a.flagged ? -1 : 1;
  const da = a.difference ?? -Infinity;
  const db = b.difference ?? -Infinity;
  if (da !== db) return db - da;
  const ka = standardKeyOf(a.standardSetId, a.standardId);
  const kb = standardKeyOf(b.standardSetId, b.standardId);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Blind spots from tallies:
 *
 *   mean_unhappy = Σ (s − 1)/4 over unhappy tickets where the standard was scored / their count
 *   mean_happy   = the same over happy tickets
 *   flagged      ⇔ count_unhappy ≥ 3 ∧ mean_unhappy ≥ 0.75
 *   ranked by      mean_unhappy − mean_happy, largest first
 *
 * Returns every standard that was scored at least once, flagged ones first (each group ranked as
 * above), so the side panel can list the blind spots and still show the full comparison. A flagged
 * standard with no happy tickets has no difference and ranks last among the flagged.
 */
export function blindSpotsFromTallies(
  tallies: ReadonlyMap<StandardKey, StandardTally>,
  sets: StandardSetLookup,
): StandardComparison[] {
  const comparisons: StandardComparison[] = [];
  for (const [key, tally] of tallies) {
    if (tally.happyN === 0 && tally.unhappyN === 0) continue;
    const unhappyMean = tally.unhappyN > 0 ? tally.unhappySum / tally.unhappyN : null;
    const happyMean = tally.happyN > 0 ? tally.happySum / tally.happyN : null;
    comparisons.push({
      ...describeStandard(key, sets),
      unhappy: { n: tally.unhappyN, mean: unhappyMean },
      happy: { n: tally.happyN, mean: happyMean },
      difference: unhappyMean !== null && happyMean !== null ? unhappyMean - happyMean : null,
      flagged: tally.unhappyN >= BLIND_SPOT_MIN_UNHAPPY && unhappyMean !== null && unhappyMean >= BLIND_SPOT_MIN_MEAN,
    });
  }
  return comparisons.sort(compareComparisons);
}

/** Blind spots of the matched tickets given; see {@link blindSpotsFromTallies}. */
export function blindSpots(pairs: readonly MatchedTicket[], sets: StandardSetLookup): StandardComparison[] {
  return blindSpotsFromTallies(standardTallies(pairs), sets);
}
