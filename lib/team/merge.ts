import type { TeamBundle } from '../export/team-bundle';
import { fingerprint } from './fingerprint';

/** One agent on one helpdesk: whose bundle replaces whose. */
export function teamAgentKey(origin: string, agentId: string): string {
  return `${origin}|${agentId}`;
}

/** What the team store keeps of the bundle it holds for an agent, enough to decide the next import. */
export interface HeldBundle {
  agentKey: string;
  exportedAt: string;
  fingerprint: string;
}

export type MergeDecision =
  | { action: 'import'; reason: 'new agent' | 'newer bundle' }
  | { action: 'skip'; reason: 'unchanged' }
  | { action: 'refuse'; reason: 'wrong-origin' | 'older'; message: string };

/**
 * How a bundle meets what is held for its agent. A bundle is an agent's whole export, so the newest
 * one *replaces* the agent's earlier assessments (an agent who deleted or edited a rating is shown
 * as they are now), and an older one changes nothing. Ties on `exportedAt` are broken by fingerprint
 * so that the bundle kept never depends on the order the files were dropped in:
 *
 *   keep(held, incoming) = the larger of (exportedAt, fingerprint)
 *
 * which is commutative, associative and idempotent — any order or repetition of the same bundles
 * ends with the same bundle per agent (lib/team/merge.test.ts checks it as a property).
 */
export function decideMerge(
  held: HeldBundle | undefined,
  incoming: { exportedAt: string; fingerprint: string; origin: string },
  expectedOrigin: string | null,
): MergeDecision {
  if (expectedOrigin !== null && incoming.origin !== expectedOrigin) {
    return {
      action: 'refuse',
      reason: 'wrong-origin',
      message: `it is for ${incoming.origin}, but this team page reads ${expectedOrigin}`,
    };
  }
  if (!held) return { action: 'import', reason: 'new agent' };
  if (held.fingerprint === incoming.fingerprint) return { action: 'skip', reason: 'unchanged' };
  const newer =
    incoming.exportedAt > held.exportedAt ||
    (incoming.exportedAt === held.exportedAt && incoming.fingerprint > held.fingerprint);
  if (newer) return { action: 'import', reason: 'newer bundle' };
  return {
    action: 'refuse',
    reason: 'older',
    message: `a bundle from ${held.exportedAt} is already there; this one is from ${incoming.exportedAt}`,
  };
}

const fingerprints = new WeakMap<TeamBundle, string>();

/** The fingerprint of a bundle's content, computed once per bundle object (bundles are not mutated). */
export function bundleFingerprint(bundle: TeamBundle): string {
  let known = fingerprints.get(bundle);
  if (known === undefined) {
    known = fingerprint(bundle);
    fingerprints.set(bundle, known);
  }
  return known;
}

/**
 * Merges bundles into a plain map of agent → bundle (the pure core of the team store). Returns the
 * new map and a decision per bundle, in order.
 */
export function mergeBundles(
  held: ReadonlyMap<string, TeamBundle>,
  incoming: readonly TeamBundle[],
  expectedOrigin: string | null,
): { bundles: Map<string, TeamBundle>; decisions: MergeDecision[] } {
  const bundles = new Map(held);
  const decisions = incoming.map((bundle) => {
    const key = teamAgentKey(bundle.helpdesk.origin, bundle.agent.id);
    const current = bundles.get(key);
    const decision = decideMerge(
      current && { agentKey: key, exportedAt: current.exportedAt, fingerprint: bundleFingerprint(current) },
      { exportedAt: bundle.exportedAt, fingerprint: bundleFingerprint(bundle), origin: bundle.helpdesk.origin },
      expectedOrigin,
    );
    if (decision.action === 'import') bundles.set(key, bundle);
    return decision;
  });
  return { bundles, decisions };
}
