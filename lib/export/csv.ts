import Papa from 'papaparse';

/** One CSV cell: text is guarded against formula injection, numbers are written as plain numerals. */
export type CsvCell = string | number | boolean | null;

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, let a later
 * character do so after the app trims them). OWASP “CSV Injection”:
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Neutralizes a text cell that a spreadsheet would evaluate: a leading apostrophe makes Excel,
 * LibreOffice and Google Sheets show the text as typed instead of running it. Only text is
 * guarded — the numbers GapLens computes (including negative gaps) are written by us as numerals,
 * so they stay numbers when the file is opened.
 */
export function neutralizeCell(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

export interface CsvOptions {
  /**
   * “Excel-friendly”: starts the file with a UTF-8 byte order mark, without which Excel opens UTF-8
   * as the system's legacy code page and garbles names such as “Zoë”.
   */
  excelFriendly?: boolean;
}

const BOM = '\uFEFF';

function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    // RFC 4180 has no notion of “no number”; an empty cell is what spreadsheets read as blank.
    return Number.isFinite(cell) ? String(cell) : '';
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return neutralizeCell(cell);
}

/**
 * Writes a table as RFC 4180 CSV (comma, CRLF line ends, fields quoted by papaparse when they hold a
 * comma, quote or line break) in UTF-8. The header is the first row.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const data = [header.map((name) => neutralizeCell(name)), ...rows.map((row) => row.map(cellText))];
  // escapeFormulae stays off: the guard above is ours and leaves numbers alone, papaparse's would not.
  const body = Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: false });
  return `${options.excelFriendly ? BOM : ''}${body}\r\n`;
}

/** Reads CSV written by {@link toCsv} back into rows of text (BOM dropped); for tests and checks. */
export function parseCsv(text: string): string[][] {
  const body = (text.startsWith(BOM) ? text.slice(1) : text).replace(/\r\n$/, '');
  const parsed = Papa.parse<string[]>(body, { delimiter: ',', newline: '\r\n' });
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('\n'));
  return parsed.data;
}
