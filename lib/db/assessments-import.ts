import type { SelfAssessment } from '../model';
import { getDb } from './db';

export type AssessmentsImportReport = { added: number; updated: number; unchanged: number };

/**
 * Restores assessments from an export (a backup, or another browser of the same agent). Nothing is
 * lost either way: per ticket the copy with the later `updatedAt` wins, so an older backup never
 * overwrites newer work, and importing the same file twice changes nothing. All or nothing: one
 * transaction.
 */
export async function importAssessments(assessments: readonly SelfAssessment[]): Promise<AssessmentsImportReport> {
  const db = getDb();
  // Within the file, the latest copy of each ticket is the one that counts.
  const incoming = new Map<string, SelfAssessment>();
  for (const assessment of assessments) {
    const seen = incoming.get(assessment.ticketKey);
    if (!seen || seen.updatedAt < assessment.updatedAt) incoming.set(assessment.ticketKey, assessment);
  }
  const keys = [...incoming.keys()];
  return db.transaction('rw', db.assessments, async () => {
    const stored = await db.assessments.bulkGet(keys);
    const report: AssessmentsImportReport = { added: 0, updated: 0, unchanged: 0 };
    const writes: SelfAssessment[] = [];
    keys.forEach((key, index) => {
      const candidate = incoming.get(key)!;
      const current = stored[index];
      if (current === undefined) report.added += 1;
      else if (typeof current.updatedAt === 'string' && current.updatedAt >= candidate.updatedAt) {
        report.unchanged += 1;
        return;
      } else report.updated += 1;
      writes.push(candidate);
    });
    await db.assessments.bulkPut(writes);
    return report;
  });
}
