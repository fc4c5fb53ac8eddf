import { standardSetKey, type SelfAssessment, type StandardScore, type StandardSet } from '../model';

/**
 * Standard sets by `${id}@${version}` ({@link standardSetKey}). An assessment is always scored with
 * the weights of the set version it was made against, so an old assessment keeps its meaning after
 * the team publishes a new version (DESIGN.md §3).
 */
export type StandardSetLookup = ReadonlyMap<string, StandardSet>;

/** Builds a {@link StandardSetLookup} from a list of set versions. */
export function standardSetLookup(sets: Iterable<StandardSet>): StandardSetLookup {
  const lookup = new Map<string, StandardSet>();
  for (const set of sets) lookup.set(standardSetKey(set.id, set.version), set);
  return lookup;
}

/** Set versions as a list, or already as a lookup. */
export type StandardSetsInput = Iterable<StandardSet> | StandardSetLookup;

/** A lookup from either form of {@link StandardSetsInput}. */
export function toStandardSetLookup(sets: StandardSetsInput): StandardSetLookup {
  return sets instanceof Map ? (sets as StandardSetLookup) : standardSetLookup(sets as Iterable<StandardSet>);
}

/** The set version an assessment was made against, or undefined when it is not in the lookup. */
export function standardSetOf(assessment: SelfAssessment, sets: StandardSetLookup): StandardSet | undefined {
  return sets.get(standardSetKey(assessment.standardSetId, assessment.standardSetVersion));
}

/**
 * One standard score on the [0, 1] scale every metric compares on: (score − 1) / 4, so
 * 1 → 0, 3 → 0.5, 5 → 1. `na` has no place on the scale and gives null.
 */
export function normalizeStandardScore(score: StandardScore): number | null {
  return score === 'na' ? null : (score - 1) / 4;
}

/**
 * The standards score of an assessment (DESIGN.md §4):
 *
 *   score = Σ wᵢ · (sᵢ − 1) / 4  /  Σ wᵢ   over the standards i of the assessment's set version
 *                                          that were scored (not N/A)
 *
 * with wᵢ the weight of standard i in the set version the assessment was made against.
 * Returns null when no standard was scored (all N/A, or none recorded) — there is nothing to
 * average — and when that set version is not in `sets`: without its weights the score would be a
 * guess. Scores for ids that are not in the set version carry no weight and are ignored; a standard
 * of the set that has no score counts as not rated, like N/A.
 */
export function standardsScore(assessment: SelfAssessment, sets: StandardSetLookup): number | null {
  const set = standardSetOf(assessment, sets);
  if (!set) return null;
  let weightedSum = 0;
  let weightSum = 0;
  for (const standard of set.standards) {
    const score = assessment.scores[standard.id];
    const normalized = score === undefined ? null : normalizeStandardScore(score);
    if (normalized === null) continue;
    weightedSum += standard.weight * normalized;
    weightSum += standard.weight;
  }
  return weightSum > 0 ? weightedSum / weightSum : null;
}

/**
 * Whether the agent rated the ticket at the top: at least one standard scored and every scored
 * standard a 5 — the same as a standards score of 1 whenever the scored ids belong to the set.
 * Decided from the scores alone, so it needs no set version (positive weights cannot change it). This is the population of
 * "how your 5s fared".
 */
export function isTopRated(assessment: SelfAssessment): boolean {
  let scored = 0;
  for (const score of Object.values(assessment.scores)) {
    if (score === 'na') continue;
    if (score !== 5) return false;
    scored++;
  }
  return scored > 0;
}
