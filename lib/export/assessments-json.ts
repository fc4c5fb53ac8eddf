import { z } from 'zod';
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
