import { z } from 'zod';
import { findScale, scaleValue } from '../helpdesks/shared/scales';
import {
  connectionSchema,
  isoDateTimeSchema,
  selfAssessmentSchema,
  type SelfAssessment,
  type StandardScore,
  type StandardSet,
} from '../model';
import { getDb } from './db';
import { readStandardSetVersion } from './standard-sets';
import { parseStored, type StoredRead } from './stored-read';

/** What a page sends to save: an assessment without its timestamps, which the background owns. */
export type AssessmentDraft = Omit<SelfAssessment, 'createdAt' | 'updatedAt'>;

export type ScoreProblem = {
  standardId: string;
  title: string;
  problem: 'not rated' | 'cannot be N/A' | 'not in this standard set';
};

/** Which standards of `set` still need a score, or have one they may not have. Empty when complete. */
export function checkScores(set: StandardSet, scores: Partial<Record<string, StandardScore>>): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  for (const standard of set.standards) {
    const score = scores[standard.id];
    if (score === undefined) problems.push({ standardId: standard.id, title: standard.title, problem: 'not rated' });
    else if (score === 'na' && !standard.allowNa) {
      problems.push({ standardId: standard.id, title: standard.title, problem: 'cannot be N/A' });
    }
  }
  for (const id of Object.keys(scores)) {
    if (!set.standards.some((standard) => standard.id === id)) {
      problems.push({ standardId: id, title: id, problem: 'not in this standard set' });
    }
  }
  return problems;
}

export type SaveResult = { assessment: SelfAssessment; created: boolean };

/**
 * Writes the assessment of one ticket, replacing an earlier one for the same ticket: `createdAt` is
 * kept (the work was done then), `updatedAt` moves forward. Rejects scores that do not fit the
 * standard set and predictions that are not on the named scale, so nothing half-valid is stored.
 */
export async function saveAssessment(draft: AssessmentDraft, now = new Date()): Promise<SaveResult> {
  const set = await readStandardSetVersion(draft.standardSetId, draft.standardSetVersion);
  if (set.status !== 'ok') {
    const why = set.status === 'damaged' ? `is damaged (${set.problem})` : 'is not installed';
    throw new Error(`The standard set ${draft.standardSetId} version ${draft.standardSetVersion} ${why}.`);
  }
  const problems = checkScores(set.value, draft.scores);
  if (problems.length > 0) {
    throw new Error(problems.map((p) => `scores.${p.standardId}: ${p.problem}`).join('\n'));
  }
  const scale = findScale(draft.predictedCsat.scale);
  // Re-read the point from the scale table, so a page cannot store its own idea of “normalized”.
  const predictedCsat = scale && scaleValue(scale, draft.predictedCsat.value);
  if (!predictedCsat)
    throw new Error(`predictedCsat: “${draft.predictedCsat.value}” is not on the scale ${draft.predictedCsat.scale}.`);

  const db = getDb();
  return db.transaction('rw', db.assessments, db.connections, async () => {
    const existing: unknown = await db.assessments.get(draft.ticketKey);
    const before = z
      .object({ createdAt: isoDateTimeSchema, updatedAt: isoDateTimeSchema })
      .partial()
      .safeParse(existing);
    const previous = before.success ? before.data : {};
    const assessment = selfAssessmentSchema.parse({
      ...draft,
      agentId: draft.agentId ?? (await agentIdFor(draft.ticket.origin)),
      predictedCsat,
      createdAt: previous.createdAt ?? now.toISOString(),
      updatedAt: laterThan(previous.updatedAt, now).toISOString(),
    });
    await db.assessments.put(assessment);
    return { assessment, created: existing === undefined };
  });
}

/** `now`, or a millisecond after `previous` when the clock has not moved past it (same ms, clock skew). */
function laterThan(previous: string | undefined, now: Date): Date {
  const floor = previous ? Date.parse(previous) + 1 : -Infinity;
  return new Date(Math.max(now.getTime(), floor));
}

/** The agent's id on that helpdesk, known once a connection to it has asked “who am I”. */
async function agentIdFor(origin: string): Promise<string | null> {
  const rows = await getDb().connections.where('origin').equals(origin).toArray();
  for (const row of rows) {
    const parsed = connectionSchema.safeParse(row);
    if (parsed.success && parsed.data.agent) return parsed.data.agent.id;
  }
  return null;
}

export async function readAssessment(key: string): Promise<StoredRead<SelfAssessment>> {
  return parseStored(selfAssessmentSchema, await getDb().assessments.get(key));
}

export type AssessmentList = { assessments: SelfAssessment[]; damaged: number };

/** The most recently saved assessments, newest first. Damaged records are counted, not returned. */
export async function recentAssessments(limit = 10): Promise<AssessmentList> {
  const rows = await getDb().assessments.orderBy('updatedAt').reverse().limit(limit).toArray();
  return parseAll(rows);
}

/** Every assessment, oldest first (for export). A full scan, so that damaged records are counted too. */
export async function allAssessments(): Promise<AssessmentList> {
  const list = parseAll(await getDb().assessments.toArray());
  list.assessments.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return list;
}

function parseAll(rows: unknown[]): AssessmentList {
  const assessments: SelfAssessment[] = [];
  let damaged = 0;
  for (const row of rows) {
    const read = parseStored(selfAssessmentSchema, row);
    if (read.status === 'ok') assessments.push(read.value);
    else damaged += 1;
  }
  return { assessments, damaged };
}
