import { describe, expect, it } from 'vitest';
import { FIVE_POINT_SCALE, GOOD_BAD_SCALE } from '../shared/scales';
import { checkCsv } from './csv-check';
import {
  createRowReader,
  formatRowProblem,
  guessMapping,
  mappingProblem,
  readDate,
  type ColumnMapping,
} from './csv-rows';

const HEADERS = ['Ticket ID', 'Rating', 'Rated at', 'Comment', 'Agent'];
const MAPPING: ColumnMapping = { ticketId: 0, rating: 1, date: 2, comment: 3, agent: 4 };

describe('column mapping', () => {
  it('guesses the usual header names of helpdesk exports', () => {
    expect(guessMapping(HEADERS)).toEqual(MAPPING);
    expect(guessMapping(['Conversation', 'Created', 'Score', 'Teammate', 'Remark'])).toEqual({
      ticketId: 0,
      date: 1,
      rating: 2,
      agent: 3,
      comment: 4,
    });
    expect(guessMapping(['a', 'b'])).toEqual({ ticketId: null, rating: null, date: null, comment: null, agent: null });
  });

  it('says what is missing or read twice', () => {
    expect(mappingProblem(MAPPING, HEADERS)).toBeNull();
    expect(mappingProblem({ ...MAPPING, rating: null, date: null }, HEADERS)).toBe(
      'Choose the column for rating, date.',
    );
    expect(mappingProblem({ ...MAPPING, comment: 1 }, HEADERS)).toBe(
      'Rating and comment both read the column “Rating”.',
    );
    expect(mappingProblem({ ...MAPPING, agent: 9 }, HEADERS)).toBe('Agent: the file has no column 10.');
  });
});

describe('reading rows', () => {
  const readRow = createRowReader(HEADERS, MAPPING, FIVE_POINT_SCALE);

  it('reads a valid row, trimming cells and leaving empty optional cells as null', () => {
    expect(readRow(['#1042', ' 4 ', '2026-11-20T09:30:00+01:00', '', ''], 2)).toEqual({
      ok: true,
      rating: {
        row: 2,
        ticketId: '1042',
        rating: { scale: 'five-point', value: 4, normalized: 0.75, satisfied: true },
        ratedAt: '2026-11-20T08:30:00.000Z',
        comment: null,
        agentId: null,
      },
    });
  });

  // Each bad row with the exact sentence the options page lists for it.
  it.each([
    [['1', 'meh', '2026-11-20', '', ''], 17, ['row 17, column Rating: “meh” is not one of 1–5']],
    [['1', '', '2026-11-20', '', ''], 3, ['row 3, column Rating: is empty; expected one of 1–5']],
    [['1', '6', '2026-11-20', '', ''], 4, ['row 4, column Rating: “6” is not one of 1–5']],
    [['1', '4.5', '2026-11-20', '', ''], 5, ['row 5, column Rating: “4.5” is not one of 1–5']],
    [['ABC-1', '4', '2026-11-20', '', ''], 6, ['row 6, column Ticket ID: “ABC-1” is not a ticket number']],
    [['', '4', '2026-11-20', '', ''], 7, ['row 7, column Ticket ID: is empty; every rating needs its ticket']],
    [
      ['1', '4', '20/11/2026', '', ''],
      8,
      ['row 8, column Rated at: “20/11/2026” is not a date; use 2026-11-23 or 2026-11-23T14:05:00Z'],
    ],
    [
      ['1', '4', '2026-02-30', '', ''],
      9,
      ['row 9, column Rated at: “2026-02-30” is not a date; use 2026-11-23 or 2026-11-23T14:05:00Z'],
    ],
    [['1', '4', '', '', ''], 10, ['row 10, column Rated at: is empty; every rating needs its date']],
    [['1', '4', '2026-11-20', 'x'.repeat(10_001), ''], 11, ['row 11, column Comment: is longer than 10000 characters']],
    [['1', '4', '2026-11-20', '', 'a'.repeat(201)], 12, ['row 12, column Agent: is longer than 200 characters']],
    [['1', '4'], 13, ['row 13: has 2 columns, the header has 5']],
    [
      ['x', 'great', 'soon', '', ''],
      14,
      [
        'row 14, column Ticket ID: “x” is not a ticket number',
        'row 14, column Rating: “great” is not one of 1–5',
        'row 14, column Rated at: “soon” is not a date; use 2026-11-23 or 2026-11-23T14:05:00Z',
      ],
    ],
  ])('bad row case %#', (cells, row, messages) => {
    const read = readRow(cells, row);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map(formatRowProblem)).toEqual(messages);
  });

  it('names the answers of the chosen scale', () => {
    const goodBad = createRowReader(HEADERS, MAPPING, GOOD_BAD_SCALE);
    const read = goodBad(['1', '5', '2026-11-20', '', ''], 2);
    expect(read.ok ? null : read.problems.map(formatRowProblem)).toEqual([
      'row 2, column Rating: “5” is not one of good, bad',
    ]);
  });

  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20 14:05', '2026-11-20T14:05:00.000Z'],
    ['2026-11-20T14:05:09Z', '2026-11-20T14:05:09.000Z'],
    ['2026-11-20T14:05:09.250-05:00', '2026-11-20T19:05:09.250Z'],
  ])('reads the date %s as %s', (text, iso) => {
    expect(readDate(text)).toBe(iso);
  });
});

describe('checking a whole export', () => {
  const csv = [
    'Ticket ID,Rating,Rated at,Comment,Agent',
    '101,5,2026-11-01,"Quick, thanks",Ana',
    '102,meh,2026-11-01,,Ana',
    '',
    '103,2,2026-11-02,"Line one',
    'line two",Ben',
    '101,3,2026-11-03,Changed my mind,Ana',
    '104,4,yesterday,,Ben',
    '101,4,2026-11-02,,Ana',
    '105,"4,5,2026-11-04,,Ben',
  ].join('\r\n');

  it('keeps each ticket’s latest rating, counts the rest, and lists every bad row precisely', async () => {
    const check = await checkCsv(csv, HEADERS, MAPPING, FIVE_POINT_SCALE, { chunkSize: 40 });
    expect(check.ratings.map((r) => [r.ticketId, r.rating.value, r.ratedAt.slice(0, 10), r.comment, r.row])).toEqual([
      ['101', 3, '2026-11-03', 'Changed my mind', 6],
      ['103', 2, '2026-11-02', 'Line one\r\nline two', 5],
    ]);
    expect(check.superseded).toBe(2);
    expect(check.problems.map(formatRowProblem)).toEqual([
      'row 3, column Rating: “meh” is not one of 1–5',
      'row 7, column Rated at: “yesterday” is not a date; use 2026-11-23 or 2026-11-23T14:05:00Z',
      'row 9: a quoted field is never closed (a " is missing)',
    ]);
    expect(check).toMatchObject({ rows: 7, invalidRows: 3, aborted: false });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const check = await checkCsv(csv, HEADERS, MAPPING, FIVE_POINT_SCALE, { chunkSize: 40, signal: controller.signal });
    expect(check.aborted).toBe(true);
  });
});
