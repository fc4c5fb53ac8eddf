import { z } from 'zod';
import {
  describeZodError,
  helpdeskKindSchema,
  helpdeskOriginSchema,
  isoDateTimeSchema,
  NOTE_MAX_LENGTH,
  scaledValueSchema,
  slugSchema,
  standardScoreSchema,
  standardSetKey,
  standardSetSchema,
  ticketIdSchema,
  ticketKey,
  type SelfAssessment,
  type StandardScore,
  type StandardSet,
} from '../model';

export const TEAM_BUNDLE_FORMAT = 'gaplens-team-bundle';
export const TEAM_BUNDLE_VERSION = 1;

/**
 * One assessment as shared with the lead: the ticket id (on the bundle's helpdesk), scores,
 * prediction and times. Notes only when the agent ticked “include my notes”. No customer name,
 * e-mail or comment is ever part of a self-assessment, so none can be in here.
 */
const bundleAssessmentFields = {
  ticketId: ticketIdSchema,
  standardSetId: slugSchema,
  standardSetVersion: z.number().int().positive(),
  scores: z.record(slugSchema, standardScoreSchema),
  predictedCsat: scaledValueSchema,
  notes: z
    .strictObject({ gotInTheWay: z.string().max(NOTE_MAX_LENGTH), worked: z.string().max(NOTE_MAX_LENGTH) })
    .optional(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
};
export const bundleAssessmentSchema = z.strictObject(bundleAssessmentFields);
export type BundleAssessment = z.infer<typeof bundleAssessmentSchema>;

/** The bundle's fields around its assessments' schema (shared by the full and the quick schema below). */
function bundleFields<A extends z.ZodType<BundleAssessment>>(assessment: A) {
  return {
    format: z.literal(TEAM_BUNDLE_FORMAT),
    version: z.literal(TEAM_BUNDLE_VERSION),
    exportedAt: isoDateTimeSchema,
    /** The agent as the helpdesk knows them: the id ratings are attributed to. */
    agent: z.strictObject({ id: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(200) }),
    helpdesk: z.strictObject({ kind: helpdeskKindSchema, origin: helpdeskOriginSchema }),
    includesNotes: z.boolean(),
    /** Every standard set version the assessments were made against, so the lead can score them. */
    standardSets: z.array(standardSetSchema).max(100),
    assessments: z.array(assessment).max(200_000),
  };
}

const teamBundleObjectSchema = z.strictObject(bundleFields(bundleAssessmentSchema));

/** The rules across fields: unique tickets, known sets and standards, notes only when shared, times in order. */
function checkBundle(bundle: z.infer<typeof teamBundleObjectSchema>, ctx: z.RefinementCtx): void {
  // Each set's standard ids as a Set, looked up by id then version: this runs for every score of
  // every assessment, so no string key is built and no list is searched per score.
  const sets = new Map<string, Map<number, ReadonlySet<string>>>();
  for (const set of bundle.standardSets) {
    const versions = sets.get(set.id) ?? new Map<number, ReadonlySet<string>>();
    versions.set(set.version, new Set(set.standards.map((standard) => standard.id)));
    sets.set(set.id, versions);
  }
  const tickets = new Set<string>();
  bundle.assessments.forEach((assessment, index) => {
    const path = (...rest: (string | number)[]) => ['assessments', index, ...rest];
    if (tickets.has(assessment.ticketId)) {
      ctx.addIssue({
        code: 'custom',
        path: path('ticketId'),
        message: `ticket ${assessment.ticketId} appears twice`,
      });
    }
    tickets.add(assessment.ticketId);
    const standardIds = sets.get(assessment.standardSetId)?.get(assessment.standardSetVersion);
    if (!standardIds) {
      const key = standardSetKey(assessment.standardSetId, assessment.standardSetVersion);
      ctx.addIssue({
        code: 'custom',
        path: path('standardSetVersion'),
        message: `standard set ${key} is not in standardSets`,
      });
    } else {
      for (const standardId in assessment.scores) {
        if (Object.hasOwn(assessment.scores, standardId) && !standardIds.has(standardId)) {
          const key = standardSetKey(assessment.standardSetId, assessment.standardSetVersion);
          ctx.addIssue({ code: 'custom', path: path('scores', standardId), message: `not a standard of ${key}` });
        }
      }
    }
    if (assessment.notes && !bundle.includesNotes) {
      ctx.addIssue({ code: 'custom', path: path('notes'), message: 'notes are present but includesNotes is false' });
    }
    if (assessment.updatedAt < assessment.createdAt) {
      ctx.addIssue({ code: 'custom', path: path('updatedAt'), message: 'is earlier than createdAt' });
    }
  });
}

/**
 * The team bundle, “my gaps for my lead” (documented in the README, section Team bundle).
 * Strict objects: an unknown field is refused rather than carried along, so a file cannot smuggle
 * customer data past the lead's import.
 */
export const teamBundleSchema = teamBundleObjectSchema.superRefine(checkBundle);

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Whether `value` certainly passes `z.record(slugSchema, standardScoreSchema)`: a plain object whose
 * keys are slugs (1–64 characters of lower-case letters, digits and dashes, not starting with a
 * dash) and whose values are 1…5 or `na`. Never true for something the record schema refuses.
 */
function isValidScores(value: unknown): value is Record<string, StandardScore> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string' || key.length > 64 || !SLUG_PATTERN.test(key)) return false;
    const score = (value as Record<string, unknown>)[key];
    if (score !== 1 && score !== 2 && score !== 3 && score !== 4 && score !== 5 && score !== 'na') return false;
  }
  return true;
}

/**
 * `teamBundleSchema` with the scores checked by {@link isValidScores} instead of zod's record and
 * union of literals, which took most of an import's validation time (test/bench/team.ts: ~3.5 µs
 * of ~6 µs per assessment). It accepts only what `teamBundleSchema` accepts, with the same data
 * (lib/export/team-bundle.test.ts checks both as properties); whatever it refuses is parsed again
 * with `teamBundleSchema`, so a bad file gets exactly the same error messages as before.
 */
const quickTeamBundleSchema = z
  .strictObject(
    bundleFields(
      z.strictObject({ ...bundleAssessmentFields, scores: z.custom<Record<string, StandardScore>>(isValidScores) }),
    ),
  )
  .superRefine(checkBundle);

export type TeamBundle = z.infer<typeof teamBundleSchema>;

export interface BuildTeamBundleInput {
  agent: { id: string; name: string };
  helpdesk: { kind: string; origin: string };
  /** The agent's assessments; only those on `helpdesk.origin` go into the bundle. */
  assessments: readonly SelfAssessment[];
  /** Set versions to look the assessments' sets up in; each one used is included. */
  standardSets: readonly StandardSet[];
  includeNotes: boolean;
  exportedAt?: Date;
}

/**
 * Builds the bundle an agent sends to their lead. Assessments are sorted by ticket id so the same
 * data always gives the same file (the lead's import recognises a re-sent bundle as unchanged).
 */
export function buildTeamBundle(input: BuildTeamBundleInput): TeamBundle {
  const mine = input.assessments
    .filter((a) => a.ticket.origin === input.helpdesk.origin)
    .sort((a, b) => a.ticket.ticketId.localeCompare(b.ticket.ticketId, 'en', { numeric: true }));
  const available = new Map(input.standardSets.map((set) => [standardSetKey(set.id, set.version), set]));
  const used = new Map<string, StandardSet>();
  for (const a of mine) {
    const key = standardSetKey(a.standardSetId, a.standardSetVersion);
    const set = available.get(key);
    if (!set) throw new Error(`The standard set ${key} of ticket ${a.ticket.ticketId} is not installed.`);
    used.set(key, set);
  }
  return {
    format: TEAM_BUNDLE_FORMAT,
    version: TEAM_BUNDLE_VERSION,
    exportedAt: (input.exportedAt ?? new Date()).toISOString(),
    agent: { id: input.agent.id, name: input.agent.name },
    helpdesk: { kind: input.helpdesk.kind, origin: input.helpdesk.origin },
    includesNotes: input.includeNotes,
    standardSets: [...used.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version),
    assessments: mine.map((a) => ({
      ticketId: a.ticket.ticketId,
      standardSetId: a.standardSetId,
      standardSetVersion: a.standardSetVersion,
      scores: a.scores,
      predictedCsat: a.predictedCsat,
      ...(input.includeNotes && { notes: { gotInTheWay: a.notes.gotInTheWay, worked: a.notes.worked } }),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    })),
  };
}

/** The bundle's assessments as self-assessments on its helpdesk, attributed to its agent. */
export function bundleAssessments(bundle: TeamBundle): SelfAssessment[] {
  const { kind, origin } = bundle.helpdesk;
  return bundle.assessments.map((a) => ({
    ticketKey: ticketKey(origin, a.ticketId),
    ticket: { kind, origin, ticketId: a.ticketId },
    agentId: bundle.agent.id,
    standardSetId: a.standardSetId,
    standardSetVersion: a.standardSetVersion,
    scores: a.scores,
    predictedCsat: a.predictedCsat,
    notes: a.notes ?? { gotInTheWay: '', worked: '' },
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }));
}

export type TeamBundleRead = { ok: true; bundle: TeamBundle } | { ok: false; error: string };

/** Reads a bundle file's text: JSON first, then the schema; every problem is named with its path. */
export function parseTeamBundle(text: string): TeamBundleRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON (${(error as Error).message}).` };
  }
  const quick = quickTeamBundleSchema.safeParse(json);
  if (quick.success) return { ok: true, bundle: quick.data };
  const parsed = teamBundleSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  return { ok: true, bundle: parsed.data };
}

/** `gaplens-team-bundle-<agent id>-2026-11-23.json`. */
export function teamBundleFileName(bundle: TeamBundle): string {
  const agent = bundle.agent.id.replace(/[^A-Za-z0-9_-]/g, '_');
  return `gaplens-team-bundle-${agent}-${bundle.exportedAt.slice(0, 10)}.json`;
}
