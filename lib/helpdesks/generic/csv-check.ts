import type { CsatScale } from '../../model';
import { createRowReader, type ColumnMapping, type ImportedRating, type RowProblem } from './csv-rows';
import { scanCsv, type CsvInput, type ScanOptions } from './csv-scan';

/** What checking a whole export found, before anything is stored. */
export interface CsvCheck {
  /** Data rows in the file. */
  rows: number;
  /** One per ticket: its latest rating in the file by date (a later row wins a tie). */
  ratings: ImportedRating[];
  /** Valid rows left out because the same ticket has a later rating in the file. */
  superseded: number;
  /** Every invalid row's problems, in file order, up to {@link MAX_LISTED_PROBLEMS}. */
  problems: RowProblem[];
  /** Invalid rows in all (may exceed the problems listed). */
  invalidRows: number;
  aborted: boolean;
}

/** Enough to fix a file by; a file with more bad rows than this is the wrong file or mapping. */
export const MAX_LISTED_PROBLEMS = 1000;

/**
 * Reads and validates every row of an export with the user's mapping and scale. Pure of storage:
 * the caller stores `ratings` only when the user confirms (lib/db/csv-ratings-import.ts), so a
 * cancelled or bad file changes nothing.
 */
export async function checkCsv(
  input: CsvInput,
  headers: readonly string[],
  mapping: ColumnMapping,
  scale: CsatScale,
  options: ScanOptions = {},
): Promise<CsvCheck> {
  const readRow = createRowReader(headers, mapping, scale);
  const latest = new Map<string, ImportedRating>();
  const problems: RowProblem[] = [];
  let valid = 0;
  let invalidRows = 0;
  const listProblems = (found: readonly RowProblem[]) => {
    for (const problem of found) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(problem);
  };
  const scan = await scanCsv(
    input,
    (cells, row) => {
      const read = readRow(cells, row);
      if (!read.ok) {
        invalidRows++;
        listProblems(read.problems);
        return;
      }
      valid++;
      const seen = latest.get(read.rating.ticketId);
      if (!seen || seen.ratedAt <= read.rating.ratedAt) latest.set(read.rating.ticketId, read.rating);
    },
    options,
  );
  invalidRows += scan.problems.length;
  // Rows papaparse could not read come in with their chunk; keep the list in row order.
  listProblems(scan.problems);
  problems.sort((a, b) => a.row - b.row);
  const ratings = [...latest.values()];
  return {
    rows: scan.rows + scan.problems.length,
    ratings,
    superseded: valid - ratings.length,
    problems,
    invalidRows,
    aborted: scan.aborted,
  };
}
