import Papa from 'papaparse';
import type { RowProblem } from './csv-rows';

/**
 * Streams a CSV export through papaparse a chunk at a time, so a 100k-row file never sits in memory
 * as one array of rows and the page stays responsive: after each chunk the parser pauses and resumes
 * on a new task, which lets the browser paint the progress bar and handle a click on “Cancel”.
 * (papaparse's own worker mode is not used: it starts a worker from a blob: URL, which an MV3
 * extension page's content security policy refuses.)
 */

export type CsvInput = Blob | string;

export interface CsvHead {
  headers: string[];
  /** The first data rows, for the mapping preview, numbered as {@link scanCsv} numbers them. */
  rows: { row: number; cells: string[] }[];
}

/** The header and first rows, for the column mapping; reads only as much of the file as that needs. */
export function readCsvHead(input: CsvInput, rows = 5): Promise<CsvHead> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input as never, {
      // Blank lines keep their row number (as in scanCsv), so read a few more than needed.
      preview: rows * 3 + 1,
      complete: (results) => {
        const [headers, ...data] = results.data;
        if (!headers || headers.every((cell) => cell.trim() === '')) return reject(new Error('The file is empty.'));
        const numbered = data.map((cells, index) => ({ row: index + 2, cells }));
        resolve({
          headers: cleanHeaders(headers),
          rows: numbered.filter(({ cells }) => !isBlank(cells)).slice(0, rows),
        });
      },
      error: (error: Error) => reject(error),
    });
  });
}

function isBlank(cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0]!.trim() === '';
}

/** A spreadsheet's byte-order mark must not become part of the first column's name. */
function cleanHeaders(headers: string[]): string[] {
  return headers.map((header, index) => (index === 0 ? header.replace(/^\uFEFF/, '') : header).trim());
}

export interface ScanOptions {
  /** Bytes (characters for a string) per chunk. */
  chunkSize?: number;
  signal?: AbortSignal;
  /** Share of the input read so far, 0…1. */
  onProgress?(fraction: number): void;
}

export interface ScanResult {
  headers: string[];
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows papaparse could not read as CSV (an unclosed quote…). */
  problems: RowProblem[];
  aborted: boolean;
}

/**
 * Calls `onRow` with each data row and its number (the header is row 1, blank lines keep their
 * number, as in a spreadsheet). Resolves when the input is read or the signal aborts.
 */
export function scanCsv(
  input: CsvInput,
  onRow: (cells: string[], row: number) => void,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const total = typeof input === 'string' ? input.length : input.size;
  const result: ScanResult = { headers: [], rows: 0, problems: [], aborted: false };
  let rowNumber = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input as never, {
      chunkSize: options.chunkSize ?? 128 * 1024,
      chunk: (results, parser) => {
        const first = rowNumber;
        const broken = new Set<number>();
        for (const error of results.errors) {
          if (error.row === undefined || error.type === 'Delimiter') continue;
          broken.add(error.row);
          result.problems.push({ row: first + error.row + 1, column: null, message: csvErrorText(error) });
        }
        results.data.forEach((cells, index) => {
          rowNumber++;
          if (rowNumber === 1) result.headers = cleanHeaders(cells);
          else if (broken.has(index) || isBlank(cells)) return;
          else {
            result.rows++;
            onRow(cells, rowNumber);
          }
        });
        options.onProgress?.(total === 0 ? 1 : Math.min(1, results.meta.cursor / total));
        if (options.signal?.aborted) {
          result.aborted = true;
          parser.abort();
          return;
        }
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: () => resolve(result),
      error: (error: Error) => reject(error),
    });
  });
}

function csvErrorText(error: Papa.ParseError): string {
  switch (error.code) {
    case 'MissingQuotes':
      return 'a quoted field is never closed (a " is missing)';
    case 'InvalidQuotes':
      return 'a quote inside a field is not doubled ("")';
    default:
      return `cannot be read as CSV (${error.message})`;
  }
}
