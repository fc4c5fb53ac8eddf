import type { CsatScale, ScaledValue } from '../../model';
import { normalizeApiTimestamp } from '../shared/timestamps';
import { describeAnswers, readRating } from './rating-scale';

/**
 * One row of a helpdesk's CSAT export, read through the user's column mapping and checked field by
 * field. Every problem is reported with its row and column, in the words the options page lists:
 * `row 17, column rating: “meh” is not one of 1–5`. Rows are numbered as a spreadsheet shows them:
 * the header is row 1.
 */

/** The columns an import reads: where each comes from is the user's choice, by column index. */
export interface ColumnMapping {
  ticketId: number | null;
  rating: number | null;
  date: number | null;
  comment: number | null;
  agent: number | null;
}

export type ImportField = keyof ColumnMapping;

export const IMPORT_FIELDS: readonly { field: ImportField; label: string; required: boolean; guess: RegExp }[] = [
  { field: 'ticketId', label: 'Ticket id', required: true, guess: /ticket|conversation|case|^id$|number/i },
  { field: 'rating', label: 'Rating', required: true, guess: /rating|score|csat|satisf|happiness/i },
  { field: 'date', label: 'Date', required: true, guess: /date|time|created|rated|answered/i },
  { field: 'comment', label: 'Comment', required: false, guess: /comment|remark|feedback|reason/i },
  { field: 'agent', label: 'Agent', required: false, guess: /agent|assignee|owner|teammate/i },
];

/** A first mapping from the header's names; the user corrects it in the preview. Each column is used once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = { ticketId: null, rating: null, date: null, comment: null, agent: null };
  const used = new Set<number>();
  for (const { field, guess } of IMPORT_FIELDS) {
    const index = headers.findIndex((header, i) => !used.has(i) && guess.test(header));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** Why a mapping cannot be used (a required column unset, one column used twice), or null. */
export function mappingProblem(mapping: ColumnMapping, headers: readonly string[]): string | null {
  const missing = IMPORT_FIELDS.filter(({ field, required }) => required && mapping[field] === null);
  if (missing.length > 0) return `Choose the column for ${missing.map(({ label }) => label.toLowerCase()).join(', ')}.`;
  const seen = new Map<number, string>();
  for (const { field, label } of IMPORT_FIELDS) {
    const index = mapping[field];
    if (index === null) continue;
    if (index < 0 || index >= headers.length) return `${label}: the file has no column ${index + 1}.`;
    const other = seen.get(index);
    if (other) return `${other} and ${label.toLowerCase()} both read the column “${headers[index]}”.`;
    seen.set(index, label);
  }
  return null;
}

/** A valid row: what becomes a CsatRating (lib/db/csv-ratings-import.ts). */
export interface ImportedRating {
  row: number;
  ticketId: string;
  rating: ScaledValue;
  /** When the customer rated, ISO-8601 UTC. */
  ratedAt: string;
  comment: string | null;
  agentId: string | null;
}

export interface RowProblem {
  row: number;
  /** The column's name in the file's header, or null for a problem with the whole row. */
  column: string | null;
  message: string;
}

export function formatRowProblem(problem: RowProblem): string {
  return `row ${problem.row}${problem.column === null ? '' : `, column ${problem.column}`}: ${problem.message}`;
}

export type RowRead = { ok: true; rating: ImportedRating } | { ok: false; problems: RowProblem[] };

const TICKET_ID = /^#?(\d{1,20})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMMENT_MAX_LENGTH = 10_000;
const AGENT_MAX_LENGTH = 200;

/** Reads rows of one file with one mapping and scale (checked before: see {@link mappingProblem}). */
export function createRowReader(headers: readonly string[], mapping: ColumnMapping, scale: CsatScale) {
  const answers = describeAnswers(scale);
  const name = (index: number) => headers[index]?.trim() || `${index + 1}`;
  const width = Math.max(...Object.values(mapping).filter((index): index is number => index !== null)) + 1;

  return function readRow(cells: readonly string[], row: number): RowRead {
    if (cells.length < width) {
      return {
        ok: false,
        problems: [
          {
            row,
            column: null,
            message: `has ${cells.length} column${cells.length === 1 ? '' : 's'}, the header has ${headers.length}`,
          },
        ],
      };
    }
    const problems: RowProblem[] = [];
    const problem = (index: number, message: string) => problems.push({ row, column: name(index), message });
    const cell = (index: number | null) => (index === null ? '' : cells[index]!.trim());

    const ticketText = cell(mapping.ticketId);
    const ticketId = TICKET_ID.exec(ticketText)?.[1];
    if (!ticketId)
      problem(
        mapping.ticketId!,
        ticketText === '' ? 'is empty; every rating needs its ticket' : `“${ticketText}” is not a ticket number`,
      );

    const ratingText = cell(mapping.rating);
    const rating = readRating(scale, ratingText);
    if (!rating)
      problem(
        mapping.rating!,
        ratingText === '' ? `is empty; expected one of ${answers}` : `“${ratingText}” is not one of ${answers}`,
      );

    const dateText = cell(mapping.date);
    const ratedAt = readDate(dateText);
    if (!ratedAt)
      problem(
        mapping.date!,
        dateText === ''
          ? 'is empty; every rating needs its date'
          : `“${dateText}” is not a date; use 2026-11-23 or 2026-11-23T14:05:00Z`,
      );

    const comment = cell(mapping.comment);
    if (comment.length > COMMENT_MAX_LENGTH)
      problem(mapping.comment!, `is longer than ${COMMENT_MAX_LENGTH} characters`);
    const agent = cell(mapping.agent);
    if (agent.length > AGENT_MAX_LENGTH) problem(mapping.agent!, `is longer than ${AGENT_MAX_LENGTH} characters`);

    if (problems.length > 0 || !ticketId || !rating || !ratedAt) return { ok: false, problems };
    return { ok: true, rating: { row, ticketId, rating, ratedAt, comment: comment || null, agentId: agent || null } };
  };
}

/**
 * An export's date: ISO-8601 with or without time and zone. A time without a zone is read as UTC
 * (as the built-in adapters read the vendors' timestamps); a date alone as midnight UTC. Impossible
 * dates (2026-02-30) are refused rather than rolled over.
 */
export function readDate(text: string): string | null {
  const dateOnly = DATE_ONLY.exec(text);
  return normalizeApiTimestamp(dateOnly ? `${text}T00:00:00Z` : text);
}
