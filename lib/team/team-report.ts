import {
  assertDateWindow,
  assertTimeZone,
  attributedAgent,
  attributedInstant,
  blindSpots,
  coverage,
  isDayInWindow,
  localDayMemo,
  splitEntries,
  summarizeMatched,
  ticketEntries,
  toStandardSetLookup,
  type DateWindow,
  type StandardComparison,
  type StandardSetsInput,
  type TicketEntry,
} from '../gap';
import type { CsatRating, SelfAssessment } from '../model';

/** One agent whose bundle the lead imported. */
export interface TeamMember {
  agentId: string;
  name: string;
  /** When the agent exported the bundle the numbers come from. */
  exportedAt: string | null;
  assessments: readonly SelfAssessment[];
}

/**
 * One row of the team table (an agent, or the whole team). Every share and mean is in [0, 1] or
 * [−1, 1] as in DESIGN.md §4; numbers that need {@link MIN_SAMPLE} matched tickets are null below it
 * and `gapStatus` says `not-enough-data`.
 */
export interface TeamRow {
  agentId: string | null;
  name: string;
  exportedAt: string | null;
  /** Tickets the agent assessed in the window (with or without a rating). */
  assessed: number;
  /** Of those, tickets the customer rated. */
  matched: number;
  /** CSAT-rated tickets attributed to the agent, assessed or not. */
  rated: number;
  gapStatus: 'ok' | 'not-enough-data';
  predictedMean: number | null;
  actualMean: number | null;
  gap: number | null;
  gapCiLow: number | null;
  gapCiHigh: number | null;
  overestimationRate: number | null;
  /** Title (or id) of the strongest flagged blind spot, null when none is flagged. */
  topBlindSpot: string | null;
  /** matched / rated. */
  coverageRatedAssessed: number | null;
  /** matched / assessed. */
  coverageAssessedRated: number | null;
}

/** A standard's self-scores on happy vs unhappy tickets, for one agent or the team (`agentId` null). */
export interface TeamStandardRow extends StandardComparison {
  agentId: string | null;
  agentName: string;
}

/** A blocker (“what got in the way”) that several shared notes name, for the team discussion. */
export interface TeamBlocker {
  /** The wording used most often in the group. */
  text: string;
  count: number;
  agents: string[];
}

export interface TeamReport {
  timeZone: string;
  window: DateWindow | null;
  team: TeamRow;
  agents: TeamRow[];
  standards: TeamStandardRow[];
  blockers: TeamBlocker[];
}

export interface TeamReportInput {
  members: readonly TeamMember[];
  /** The team's CSAT, as synced with the lead's connection; ratings of other agents are ignored. */
  ratings: Iterable<CsatRating>;
  standardSets: StandardSetsInput;
  window?: DateWindow | null;
  timeZone: string;
}

export const TEAM_LABEL = 'Team';

function row(
  entries: readonly TicketEntry[],
  who: { agentId: string | null; name: string; exportedAt: string | null },
  sets: ReturnType<typeof toStandardSetLookup>,
): { row: TeamRow; standards: StandardComparison[] } {
  const { matched, assessedOnly, ratedOnly } = splitEntries(entries);
  const summary = summarizeMatched(matched);
  const cov = coverage(entries);
  const spots = blindSpots(matched, sets);
  const top = spots.find((spot) => spot.flagged);
  const gap = summary.personalGap;
  const calibration = summary.calibration;
  return {
    standards: spots,
    row: {
      ...who,
      assessed: matched.length + assessedOnly.length,
      matched: matched.length,
      rated: matched.length + ratedOnly.length,
      gapStatus: gap.status,
      predictedMean: gap.status === 'ok' ? gap.predictedMean : null,
      actualMean: gap.status === 'ok' ? gap.actualMean : null,
      gap: gap.status === 'ok' ? gap.mean : null,
      gapCiLow: gap.status === 'ok' ? gap.confidenceInterval.low : null,
      gapCiHigh: gap.status === 'ok' ? gap.confidenceInterval.high : null,
      overestimationRate: calibration.status === 'ok' ? calibration.overestimationRate : null,
      topBlindSpot: top ? (top.title ?? top.standardId) : null,
      coverageRatedAssessed: cov.ratedAssessedShare,
      coverageAssessedRated: cov.assessedRatedShare,
    },
  };
}

/** Lower case, punctuation and extra spaces removed: “Waiting on engineering.” ≈ “waiting on Engineering”. */
export function blockerKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The team's recurring blockers: the “what got in the way” notes of matched and unmatched
 * assessments in the window, grouped by {@link blockerKey}, most frequent first. Only agents who
 * chose to share notes contribute.
 */
export function groupBlockers(entries: readonly TicketEntry[], names: ReadonlyMap<string, string>): TeamBlocker[] {
  const groups = new Map<string, { wordings: Map<string, number>; count: number; agents: Set<string> }>();
  for (const entry of entries) {
    const note = entry.assessment?.notes.gotInTheWay.trim();
    if (!note) continue;
    const key = blockerKey(note);
    if (!key) continue;
    const group = groups.get(key) ?? { wordings: new Map(), count: 0, agents: new Set() };
    group.count += 1;
    group.wordings.set(note, (group.wordings.get(note) ?? 0) + 1);
    const agentId = entry.assessment!.agentId;
    if (agentId) group.agents.add(names.get(agentId) ?? agentId);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({
      text: [...group.wordings].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]![0],
      count: group.count,
      agents: [...group.agents].sort(),
    }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/**
 * The team report (DESIGN.md §4 metrics, per agent and for the team):
 * 1. match every member's assessments with the ratings by ticket (lib/gap `ticketEntries`);
 * 2. attribute each ticket (assessor, else the agent on the rating) and keep the members' tickets
 *    whose local day is in the window;
 * 3. per agent and for all of them together: assessed, matched, predicted vs actual, gap with its
 *    95 % interval (or not enough data), overestimation rate, top blind spot, coverage; per standard
 *    the happy/unhappy comparison; the grouped blockers.
 * Everything is computed by lib/gap from the records; nothing here has a formula of its own.
 */
export function computeTeamReport(input: TeamReportInput): TeamReport {
  assertTimeZone(input.timeZone);
  const window = input.window ? assertDateWindow(input.window) : null;
  const sets = toStandardSetLookup(input.standardSets);
  const names = new Map(input.members.map((m) => [m.agentId, m.name]));
  // attributedDay(entry, timeZone), with each distinct instant placed once for the whole report.
  const dayOfInstant = localDayMemo(input.timeZone);
  const entries = ticketEntries(
    input.members.flatMap((m) => m.assessments),
    input.ratings,
  ).filter((entry) => {
    const agent = attributedAgent(entry);
    return (
      agent !== null && names.has(agent) && (!window || isDayInWindow(dayOfInstant(attributedInstant(entry)), window))
    );
  });
  const byAgent = new Map<string, TicketEntry[]>(input.members.map((m) => [m.agentId, []]));
  for (const entry of entries) byAgent.get(attributedAgent(entry)!)!.push(entry);

  const standards: TeamStandardRow[] = [];
  const agents = input.members.map((member) => {
    const result = row(byAgent.get(member.agentId)!, member, sets);
    standards.push(...result.standards.map((s) => ({ ...s, agentId: member.agentId, agentName: member.name })));
    return result.row;
  });
  const team = row(entries, { agentId: null, name: TEAM_LABEL, exportedAt: null }, sets);
  standards.unshift(...team.standards.map((s) => ({ ...s, agentId: null, agentName: TEAM_LABEL })));
  return {
    timeZone: input.timeZone,
    window,
    team: team.row,
    agents: agents.sort((a, b) => a.name.localeCompare(b.name) || (a.agentId ?? '').localeCompare(b.agentId ?? '')),
    standards,
    blockers: groupBlockers(entries, names),
  };
}
