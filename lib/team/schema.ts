import { z } from 'zod';
import {
  helpdeskKindSchema,
  helpdeskOriginSchema,
  isoDateTimeSchema,
  selfAssessmentSchema,
  standardSetSchema,
} from '../model';

/**
 * The team store: what a lead imported from agents' bundles (lib/export/team-bundle.ts), kept apart
 * from the lead's own `assessments` so that the team's tickets never mix into the lead's own gap
 * (and the gap store's middleware, which watches `assessments`, never sees them).
 */
export const TEAM_STORES = {
  /** One row per agent and helpdesk: the bundle currently held for them. */
  teamBundles: 'agentKey, origin',
  /** The held bundles' assessments; `agentKey` lets a newer bundle replace an agent's rows. */
  teamAssessments: 'id, agentKey, ticket.origin',
} as const;

export const teamBundleRowSchema = z.object({
  /** `${origin}|${agentId}`, see `teamAgentKey`. */
  agentKey: z.string().min(1),
  origin: helpdeskOriginSchema,
  kind: helpdeskKindSchema,
  agent: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  exportedAt: isoDateTimeSchema,
  includesNotes: z.boolean(),
  fingerprint: z.string().min(1),
  importedAt: isoDateTimeSchema,
  fileName: z.string(),
  assessmentCount: z.number().int().nonnegative(),
  standardSets: z.array(standardSetSchema),
});
export type TeamBundleRow = z.infer<typeof teamBundleRowSchema>;

export const teamAssessmentRowSchema = selfAssessmentSchema.extend({
  /** `${agentKey}|${ticketId}`: two agents may have assessed the same ticket (a hand-over). */
  id: z.string().min(1),
  agentKey: z.string().min(1),
});
export type TeamAssessmentRow = z.infer<typeof teamAssessmentRowSchema>;
