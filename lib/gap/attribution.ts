import { localDay, type LocalDay } from './calendar';
import type { TicketEntry } from './match';

/**
 * To whom and to when a ticket counts (DESIGN.md §4, Attribution and Time).
 */

/**
 * The agent a ticket belongs to:
 * - a matched pair, or an assessment without a rating: the agent who made the assessment (they
 *   handled the ticket), even when the rating names someone else;
 * - a rating without an assessment: the agent on the rating — the adapter already fills that with
 *   the agent at the time of rating, else the ticket's current assignee.
 * null when that record names no agent (an assessment made before a connection said who the agent
 * is, a rating on an unassigned ticket).
 */
export function attributedAgent(entry: TicketEntry): string | null {
  return entry.assessment ? entry.assessment.agentId : entry.rating.agentId;
}

/**
 * The instant a ticket counts at: the assessment's `createdAt` (when the work was done) whenever
 * there is an assessment. A rating without an assessment has no record of the work, so it counts
 * at the verdict's `createdAt` — when the customer answered, the closest known time to the work.
 */
export function attributedInstant(entry: TicketEntry): string {
  return entry.assessment ? entry.assessment.createdAt : entry.rating.createdAt;
}

/** The local day a ticket counts on, in the user's time zone; see {@link attributedInstant}. */
export function attributedDay(entry: TicketEntry, timeZone: string): LocalDay {
  return localDay(attributedInstant(entry), timeZone);
}

/**
 * Whose tickets a report covers:
 * - `undefined`: everyone's (a team view, or a single-user database);
 * - an id: that agent's;
 * - a list: any of these ids — one person has a different id in each helpdesk they connected;
 * - `null` (alone or in the list): also tickets attributed to nobody.
 */
export type AgentFilter = string | null | readonly (string | null)[] | undefined;

/** Whether a ticket attributed to `agentId` is covered by `filter`. */
export function isAgentIncluded(agentId: string | null, filter: AgentFilter): boolean {
  if (filter === undefined) return true;
  if (filter === null || typeof filter === 'string') return agentId === filter;
  return filter.includes(agentId);
}
