import writeXlsxFile from 'write-excel-file/universal';
import type { TeamReport } from '../team/team-report';
import { toCsv } from './csv';
import { teamReportTables, type ExportTable } from './team-report-columns';

export const TEAM_REPORT_FORMAT = 'gaplens-team-report';

/** `gaplens-team-agents-2026-11-23.csv` and friends (date in UTC). */
export function teamExportFileName(
  part: 'agents' | 'standards' | 'report',
  extension: 'csv' | 'json' | 'xlsx',
  at = new Date(),
): string {
  return `gaplens-team-${part}-${at.toISOString().slice(0, 10)}.${extension}`;
}

function tableNamed(report: TeamReport, name: ExportTable['name']): ExportTable {
  return teamReportTables(report).find((t) => t.name === name)!;
}

/** One table of the report as RFC 4180 CSV; CSV holds one table per file, so agents and standards are two files. */
export function teamReportCsv(report: TeamReport, part: 'agents' | 'standards', excelFriendly = false): string {
  const t = tableNamed(report, part === 'agents' ? 'Agents' : 'Standards');
  return toCsv(t.header, t.rows, { excelFriendly });
}

/** The report as JSON (format `gaplens-team-report`, version 1): the same tables, as objects keyed by column name. */
export function teamReportJson(report: TeamReport, generatedAt = new Date()) {
  const objects = (t: ExportTable) =>
    t.rows.map((row) => Object.fromEntries(t.header.map((h, i) => [h, row[i] ?? null])));
  const [agents, standards, blockers] = teamReportTables(report);
  return {
    format: TEAM_REPORT_FORMAT,
    version: 1,
    generatedAt: generatedAt.toISOString(),
    timeZone: report.timeZone,
    window: report.window,
    agents: objects(agents!),
    standards: objects(standards!),
    blockers: objects(blockers!),
  };
}

/**
 * The report as an XLSX workbook with the sheets Agents, Standards and Blockers. Numbers are written
 * as numeric cells (never formulas), text as text cells, so nothing in a cell is evaluated.
 */
export async function teamReportXlsx(report: TeamReport): Promise<Blob> {
  const sheets = teamReportTables(report).map((t) => ({
    sheet: t.name,
    data: [
      t.header.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...t.rows.map((row) =>
        row.map((value) =>
          value === null ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String },
        ),
      ),
    ],
    columns: t.header.map((h) => ({ width: Math.max(10, h.length + 2) })),
    stickyRowsCount: 1,
  }));
  return writeXlsxFile(sheets).toBlob();
}
