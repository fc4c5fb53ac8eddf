import { useState } from 'react';
import { FileDropZone } from '../../components/file-drop-zone';
import { importBundleFiles, type BundleFileReport } from '../../lib/team/team-store';

const STATUS_TEXT: Record<BundleFileReport['status'], string> = {
  imported: 'Imported',
  updated: 'Updated (newer bundle)',
  unchanged: 'Already imported, nothing changed',
  'wrong-origin': 'Not imported: wrong helpdesk',
  older: 'Not imported: older than what is there',
  invalid: 'Not imported: invalid',
};

/** Drop or pick many bundles; each gets a line saying what happened to it. */
export function ImportPanel({ origin }: { origin: string | null }) {
  const [reports, setReports] = useState<BundleFileReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function importFiles(files: readonly File[]) {
    setError(null);
    try {
      const read = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
      setReports(await importBundleFiles(read, origin));
    } catch (failure) {
      setError(`Nothing was imported: ${(failure as Error).message}`);
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import team bundles</h2>
      <FileDropZone
        prompt="Drop your agents’ bundles here (gaplens-team-bundle-….json), or"
        buttonLabel="Choose bundles…"
        accept=".json,application/json"
        multiple
        onFiles={(files) => void importFiles(files)}
        testId="drop-zone"
      />
      {error && (
        <p role="alert" className="notice error">
          {error}
        </p>
      )}
      {reports && (
        <table aria-label="Import report" data-testid="import-report">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Agent</th>
              <th scope="col">Result</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report, index) => (
              <tr key={`${report.fileName}-${index}`} data-status={report.status}>
                <td>{report.fileName}</td>
                <td>{report.agent ? `${report.agent.name} (${report.agent.id})` : '—'}</td>
                <td>{STATUS_TEXT[report.status]}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{report.message || `${report.assessments} assessments`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
