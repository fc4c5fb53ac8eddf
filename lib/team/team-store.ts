import { getDb } from '../db/db';
import { bundleAssessments, parseTeamBundle, type TeamBundle } from '../export/team-bundle';
import { csatRatingSchema, standardSetKey, type CsatRating, type StandardSet } from '../model';
import { bundleFingerprint, decideMerge, teamAgentKey, type HeldBundle } from './merge';
import { teamAssessmentRowSchema, teamBundleRowSchema, type TeamBundleRow } from './schema';
import type { TeamMember } from './team-report';

/** What happened to one dropped file. */
export interface BundleFileReport {
  fileName: string;
  status: 'imported' | 'updated' | 'unchanged' | 'wrong-origin' | 'older' | 'invalid';
  /** The agent, once the file was readable. */
  agent: { id: string; name: string } | null;
  assessments: number;
  /** Why it was not imported, with the path of each problem for invalid files. */
  message: string;
}

export interface BundleFile {
  name: string;
  text: string;
}

/**
 * Imports bundle files into the team store: each is validated, then merged by `decideMerge` (a
 * duplicate changes nothing, a newer bundle replaces the agent's rows, an older or foreign one is
 * refused). All accepted files are written in one transaction, so a failure leaves the store as it
 * was. Runs in the team page: bundles are large files the lead picked there, and they carry no
 * secret that would need the background.
 */
export async function importBundleFiles(
  files: readonly BundleFile[],
  expectedOrigin: string | null,
  now = new Date(),
): Promise<BundleFileReport[]> {
  const parsed = files.map((file) => ({ file, read: parseTeamBundle(file.text) }));
  const db = getDb();
  return db.transaction('rw', db.teamBundles, db.teamAssessments, async () => {
    const held = new Map<string, HeldBundle>((await db.teamBundles.toArray()).map((row) => [row.agentKey, row]));
    const accepted = new Map<string, { bundle: TeamBundle; fileName: string; fingerprint: string }>();
    const reports = parsed.map(({ file, read }): BundleFileReport => {
      if (!read.ok) return { fileName: file.name, status: 'invalid', agent: null, assessments: 0, message: read.error };
      const { bundle } = read;
      const agentKey = teamAgentKey(bundle.helpdesk.origin, bundle.agent.id);
      const fingerprint = bundleFingerprint(bundle);
      const decision = decideMerge(
        held.get(agentKey),
        { exportedAt: bundle.exportedAt, fingerprint, origin: bundle.helpdesk.origin },
        expectedOrigin,
      );
      const base = { fileName: file.name, agent: bundle.agent, assessments: bundle.assessments.length };
      if (decision.action === 'refuse') return { ...base, status: decision.reason, message: decision.message };
      if (decision.action === 'skip')
        return { ...base, status: 'unchanged', message: 'this bundle is already imported' };
      const wasHeld = held.has(agentKey);
      held.set(agentKey, { agentKey, exportedAt: bundle.exportedAt, fingerprint });
      accepted.set(agentKey, { bundle, fileName: file.name, fingerprint });
      return { ...base, status: wasHeld ? 'updated' : 'imported', message: '' };
    });
    for (const [agentKey, { bundle, fileName, fingerprint }] of accepted) {
      const row: TeamBundleRow = {
        agentKey,
        origin: bundle.helpdesk.origin,
        kind: bundle.helpdesk.kind,
        agent: bundle.agent,
        exportedAt: bundle.exportedAt,
        includesNotes: bundle.includesNotes,
        fingerprint,
        importedAt: now.toISOString(),
        fileName,
        assessmentCount: bundle.assessments.length,
        standardSets: bundle.standardSets,
      };
      await db.teamAssessments.where('agentKey').equals(agentKey).delete();
      await db.teamAssessments.bulkPut(
        bundleAssessments(bundle).map((a) => ({ ...a, id: `${agentKey}|${a.ticket.ticketId}`, agentKey })),
      );
      await db.teamBundles.put(row);
    }
    // Reports read in drop order: a second bundle of one agent in the same drop says “updated”.
    return reports;
  });
}

export interface TeamData {
  bundles: TeamBundleRow[];
  members: TeamMember[];
  standardSets: StandardSet[];
  /** Records that no longer validate, counted and left out. */
  damaged: number;
}

/** Everything imported for agents on `origin` (all origins when null), parsed. */
export async function readTeam(origin: string | null): Promise<TeamData> {
  const db = getDb();
  const [bundleRows, assessmentRows] = await Promise.all([
    origin ? db.teamBundles.where('origin').equals(origin).toArray() : db.teamBundles.toArray(),
    origin ? db.teamAssessments.where('ticket.origin').equals(origin).toArray() : db.teamAssessments.toArray(),
  ]);
  let damaged = 0;
  const bundles = bundleRows.flatMap((row) => {
    const parsed = teamBundleRowSchema.safeParse(row);
    if (!parsed.success) damaged += 1;
    return parsed.success ? [parsed.data] : [];
  });
  const byAgent = new Map(bundles.map((b) => [b.agentKey, [] as TeamMember['assessments'][number][]]));
  for (const row of assessmentRows) {
    const parsed = teamAssessmentRowSchema.safeParse(row);
    if (!parsed.success) damaged += 1;
    else byAgent.get(parsed.data.agentKey)?.push(parsed.data);
  }
  const sets = new Map<string, StandardSet>();
  for (const bundle of bundles)
    for (const set of bundle.standardSets) sets.set(standardSetKey(set.id, set.version), set);
  return {
    bundles,
    members: bundles.map((b) => ({
      agentId: b.agent.id,
      name: b.agent.name,
      exportedAt: b.exportedAt,
      assessments: byAgent.get(b.agentKey) ?? [],
    })),
    standardSets: [...sets.values()],
    damaged,
  };
}

/** The CSAT ratings stored for `origin` (synced by any connection to it), parsed; damaged ones skipped. */
export async function readRatingsFor(origin: string): Promise<CsatRating[]> {
  const rows = await getDb().csatRatings.toArray();
  return rows.flatMap((row) => {
    if (row.origin !== origin) return [];
    const parsed = csatRatingSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Removes every imported bundle (the lead's own data is not touched). */
export async function clearTeam(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.teamBundles, db.teamAssessments, () =>
    Promise.all([db.teamBundles.clear(), db.teamAssessments.clear()]),
  );
}
