import { z } from 'zod';
import { parseJsonFile, type JsonFileRead } from './json-file';
import { isoDateTimeSchema, selfAssessmentSchema, type SelfAssessment } from '../model';

export const ASSESSMENTS_EXPORT_FORMAT = 'gaplens-assessments';

/**
 * The assessments export (documented in the README):
 * `{ "format": "gaplens-assessments", "version": 1, "exportedAt", "assessments": [SelfAssessment…] }`.
 * Assessments carry no credentials; nothing else is included.
 */
export const assessmentsExportSchema = z.object({
  format: z.literal(ASSESSMENTS_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: isoDateTimeSchema,
  assessments: z.array(selfAssessmentSchema),
});
export type AssessmentsExport = z.infer<typeof assessmentsExportSchema>;

export function buildAssessmentsExport(
  assessments: readonly SelfAssessment[],
  exportedAt = new Date(),
): AssessmentsExport {
  return {
    format: ASSESSMENTS_EXPORT_FORMAT,
    version: 1,
    exportedAt: exportedAt.toISOString(),
    assessments: [...assessments],
  };
}

/** Reads an assessments file's text: JSON first, then the schema; each problem is reported with its path. */
export function parseAssessmentsFile(text: string): JsonFileRead<AssessmentsExport> {
  return parseJsonFile(text, assessmentsExportSchema);
}
