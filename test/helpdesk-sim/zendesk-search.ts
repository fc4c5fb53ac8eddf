/**
 * The part of Zendesk's search language GapLens needs: `type:ticket assignee:me satisfaction:good
 * updated>2026-10-01` and friends. Terms are ANDed.
 *
 * Semantics chosen (Zendesk describes them only by example):
 * - `type:ticket` only; a query without `type:` searches tickets too (Zendesk would mix in users).
 * - `assignee:` me | none | user id | e-mail. `requester:` and `group:` take ids.
 * - `status:` new/open/pending/hold/solved/closed; `status<solved` etc. use that order.
 * - `satisfaction:` good | bad | offered | unoffered | goodwithcomment | badwithcomment |
 *   goodwithoutcomment | badwithoutcomment (legacy CSAT; nothing matches on new-CSAT accounts).
 * - `created`, `updated`, `solved` with `:` `>` `<` `>=` `<=`. A date (YYYY-MM-DD) is a whole UTC
 *   day: `updated>2026-10-01` means from 2026-10-02T00:00Z on, `updated:2026-10-01` that day. An ISO
 *   date-time compares to the second.
 * - Bare words match the subject or description, case-insensitively.
 * - Any other qualifier is refused with a 400 naming it, so a client never silently gets nothing.
 */
import { TICKET_STATUSES, type SimAgent, type SimTicket, type TicketStatus } from './model';

export type TicketPredicate = (ticket: SimTicket) => boolean;

export class SearchQueryError extends Error {}

const DAY = 24 * 3600 * 1000;

export interface SearchContext {
  me: SimAgent;
  agentsByEmail: Map<string, SimAgent>;
  /** False on new-CSAT accounts, whose tickets carry no legacy rating to search on. */
  legacyCsat: boolean;
}

export function parseSearchQuery(query: string, context: SearchContext): TicketPredicate {
  const terms = tokenize(query);
  const predicates: TicketPredicate[] = [];
  for (const term of terms) {
    const match = /^([a-z_]+)(>=|<=|:|>|<)(.+)$/i.exec(term);
    if (!match) {
      const word = term.toLowerCase();
      predicates.push((ticket) => ticket.subject.toLowerCase().includes(word) || ticket.description.toLowerCase().includes(word));
      continue;
    }
    const [, rawKey = '', operator = ':', rawValue = ''] = match;
    const key = rawKey.toLowerCase();
    const value = rawValue.toLowerCase();
    switch (key) {
      case 'type':
        if (value !== 'ticket') throw new SearchQueryError(`the simulator searches tickets only, not type:${value}`);
        break;
      case 'assignee':
        predicates.push(assigneePredicate(value, context.me, context.agentsByEmail));
        break;
      case 'requester':
        predicates.push(idPredicate(value, (ticket) => ticket.requesterId, key));
        break;
      case 'group':
        predicates.push(idPredicate(value, (ticket) => ticket.groupId, key));
        break;
      case 'status':
        predicates.push(statusPredicate(operator, value));
        break;
      case 'satisfaction':
        predicates.push(satisfactionPredicate(value, context.legacyCsat));
        break;
      case 'created':
        predicates.push(timePredicate(operator, rawValue, (ticket) => ticket.createdAt));
        break;
      case 'updated':
        predicates.push(timePredicate(operator, rawValue, (ticket) => ticket.updatedAt));
        break;
      case 'solved':
        predicates.push(timePredicate(operator, rawValue, (ticket) => ticket.solvedAt));
        break;
      default:
        throw new SearchQueryError(`the simulator does not implement the search qualifier "${key}${operator}"`);
    }
  }
  return (ticket) => predicates.every((predicate) => predicate(ticket));
}

/** Splits on spaces, keeping "quoted phrases" (also as values: subject:"two words"). */
function tokenize(query: string): string[] {
  const terms: string[] = [];
  const pattern = /(?:[^\s"]+|"[^"]*")+/g;
  for (const match of query.matchAll(pattern)) terms.push(match[0].replace(/"/g, ''));
  return terms.filter((term) => term.length > 0);
}

function assigneePredicate(value: string, me: SimAgent, agentsByEmail: Map<string, SimAgent>): TicketPredicate {
  if (value === 'me') return (ticket) => ticket.assigneeId === me.id;
  if (value === 'none') return (ticket) => ticket.assigneeId === null;
  const byEmail = agentsByEmail.get(value);
  if (byEmail) return (ticket) => ticket.assigneeId === byEmail.id;
  if (/^\d+$/.test(value)) return (ticket) => ticket.assigneeId === Number(value);
  throw new SearchQueryError(`assignee:${value} is not me, none, a user id or an agent's e-mail`);
}

function idPredicate(value: string, read: (ticket: SimTicket) => number | null, key: string): TicketPredicate {
  if (!/^\d+$/.test(value)) throw new SearchQueryError(`${key}: takes a numeric id in the simulator`);
  const id = Number(value);
  return (ticket) => read(ticket) === id;
}

function statusPredicate(operator: string, value: string): TicketPredicate {
  const rank = TICKET_STATUSES.indexOf(value as TicketStatus);
  if (rank < 0) throw new SearchQueryError(`unknown status "${value}"`);
  const compare = comparator(operator);
  return (ticket) => compare(TICKET_STATUSES.indexOf(ticket.status), rank);
}

function satisfactionPredicate(value: string, legacyCsat: boolean): TicketPredicate {
  const withoutComment = value.endsWith('withoutcomment');
  const withComment = !withoutComment && value.endsWith('withcomment');
  const score = value.replace(/with(out)?comment$/, '');
  if (!['good', 'bad', 'offered', 'unoffered'].includes(score)) throw new SearchQueryError(`unknown satisfaction value "${value}"`);
  if (!legacyCsat) return () => false;
  return (ticket) => {
    const rating = ticket.rating;
    if ((rating?.score ?? 'unoffered') !== score) return false;
    if (withComment) return rating?.comment != null;
    if (withoutComment) return rating?.comment == null;
    return true;
  };
}

function comparator(operator: string): (a: number, b: number) => boolean {
  switch (operator) {
    case '>':
      return (a, b) => a > b;
    case '>=':
      return (a, b) => a >= b;
    case '<':
      return (a, b) => a < b;
    case '<=':
      return (a, b) => a <= b;
    default:
      return (a, b) => a === b;
  }
}

function timePredicate(operator: string, raw: string, read: (ticket: SimTicket) => number | null): TicketPredicate {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const dayStart = Date.parse(`${raw}T00:00:00Z`);
    if (Number.isNaN(dayStart)) throw new SearchQueryError(`invalid date "${raw}"`);
    const dayEnd = dayStart + DAY;
    // Whole-day semantics: compare the ticket's day with the given day.
    const inRange = {
      ':': (t: number) => t >= dayStart && t < dayEnd,
      '>': (t: number) => t >= dayEnd,
      '>=': (t: number) => t >= dayStart,
      '<': (t: number) => t < dayStart,
      '<=': (t: number) => t < dayEnd,
    }[operator];
    if (!inRange) throw new SearchQueryError(`unknown operator ${operator}`);
    return (ticket) => {
      const time = read(ticket);
      return time !== null && inRange(time);
    };
  }
  const instant = Date.parse(raw);
  if (Number.isNaN(instant)) throw new SearchQueryError(`invalid date or time "${raw}"`);
  const compare = comparator(operator);
  return (ticket) => {
    const time = read(ticket);
    return time !== null && compare(Math.floor(time / 1000), Math.floor(instant / 1000));
  };
}
