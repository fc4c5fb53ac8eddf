import { useState } from 'react';
import { downloadBlob, downloadText } from '../../lib/export/download-file';
import { teamExportFileName, teamReportCsv, teamReportJson, teamReportXlsx } from '../../lib/export/team-report-files';
import type { TeamReport } from '../../lib/team/team-report';

/** CSV (one file per table), JSON and XLSX of what the table shows; columns are documented in the README. */
export function ExportsPanel({ report }: { report: TeamReport }) {
  const [excelFriendly, setExcelFriendly] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const csv = (part: 'agents' | 'standards') =>
    downloadText(teamExportFileName(part, 'csv'), teamReportCsv(report, part, excelFriendly), 'text/csv');
  async function xlsx() {
    try {
      downloadBlob(teamExportFileName('report', 'xlsx'), await teamReportXlsx(report));
    } catch (failure) {
      setError(`The workbook could not be written: ${(failure as Error).message}`);
    }
  }
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">Export</h2>
      <div className="controls">
        <label>
          <input type="checkbox" checked={excelFriendly} onChange={(event) => setExcelFriendly(event.target.checked)} />{' '}
          Excel-friendly CSV (UTF-8 with BOM)
        </label>
        <button type="button" onClick={() => csv('agents')}>
          Agents CSV
        </button>
        <button type="button" onClick={() => csv('standards')}>
          Standards CSV
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(
              teamExportFileName('report', 'json'),
              `${JSON.stringify(teamReportJson(report), null, 2)}\n`,
              'application/json',
            )
          }
        >
          JSON
        </button>
        <button type="button" onClick={() => void xlsx()}>
          XLSX
        </button>
      </div>
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
    </section>
  );
}
