import type { TeamBlocker, TeamReport, TeamRow, TeamStandardRow } from '../team/team-report';

/** A value in a team export: numbers stay numbers (full precision), text is text, null is blank. */
export type ExportValue = string | number | null;

/** One column of a team export; the README's “Team exports” section documents each by `name`. */
export interface ExportColumn<T> {
  name: string;
  value: (row: T) => ExportValue;
}

/**
 * Columns of the per-agent table. The first data row is the whole team (`agent_id` empty).
 * Means and shares are in [0, 1], gaps in [−1, 1]; gap columns are blank below the minimum sample.
 */
export const AGENT_COLUMNS: ExportColumn<TeamRow>[] = [
  { name: 'agent_id', value: (r) => r.agentId },
  { name: 'agent_name', value: (r) => r.name },
  { name: 'bundle_exported_at', value: (r) => r.exportedAt },
  { name: 'assessed', value: (r) => r.assessed },
  { name: 'matched', value: (r) => r.matched },
  { name: 'rated', value: (r) => r.rated },
  { name: 'gap_status', value: (r) => r.gapStatus },
  { name: 'predicted_mean', value: (r) => r.predictedMean },
  { name: 'actual_mean', value: (r) => r.actualMean },
  { name: 'gap', value: (r) => r.gap },
  { name: 'gap_ci_low', value: (r) => r.gapCiLow },
  { name: 'gap_ci_high', value: (r) => r.gapCiHigh },
  { name: 'overestimation_rate', value: (r) => r.overestimationRate },
  { name: 'top_blind_spot', value: (r) => r.topBlindSpot },
  { name: 'coverage_rated_assessed', value: (r) => r.coverageRatedAssessed },
  { name: 'coverage_assessed_rated', value: (r) => r.coverageAssessedRated },
];

/** Columns of the per-standard table: the team's rows first (`agent_id` empty), then each agent's. */
export const STANDARD_COLUMNS: ExportColumn<TeamStandardRow>[] = [
  { name: 'agent_id', value: (r) => r.agentId },
  { name: 'agent_name', value: (r) => r.agentName },
  { name: 'standard_set_id', value: (r) => r.standardSetId },
  { name: 'standard_id', value: (r) => r.standardId },
  { name: 'title', value: (r) => r.title },
  { name: 'factor', value: (r) => r.factor },
  { name: 'unhappy_n', value: (r) => r.unhappy.n },
  { name: 'unhappy_mean', value: (r) => r.unhappy.mean },
  { name: 'happy_n', value: (r) => r.happy.n },
  { name: 'happy_mean', value: (r) => r.happy.mean },
  { name: 'difference', value: (r) => r.difference },
  { name: 'blind_spot', value: (r) => (r.flagged ? 'yes' : 'no') },
];

export const BLOCKER_COLUMNS: ExportColumn<TeamBlocker>[] = [
  { name: 'blocker', value: (r) => r.text },
  { name: 'count', value: (r) => r.count },
  { name: 'agents', value: (r) => r.agents.join('; ') },
];

export interface ExportTable {
  name: 'Agents' | 'Standards' | 'Blockers';
  header: string[];
  rows: ExportValue[][];
}

function table<T>(name: ExportTable['name'], columns: ExportColumn<T>[], rows: readonly T[]): ExportTable {
  return { name, header: columns.map((c) => c.name), rows: rows.map((row) => columns.map((c) => c.value(row))) };
}

/** The report as the tables every export format writes. */
export function teamReportTables(report: TeamReport): ExportTable[] {
  return [
    table('Agents', AGENT_COLUMNS, [report.team, ...report.agents]),
    table('Standards', STANDARD_COLUMNS, report.standards),
    table('Blockers', BLOCKER_COLUMNS, report.blockers),
  ];
}
