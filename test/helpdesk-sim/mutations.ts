/**
 * Changes a running simulator makes to its data: a customer re-rates, an agent changes a ticket's
 * status. Kept beside the generator's invariants (ratings ordered by createdAt, ids increasing).
 */
import type { SimData, SimRating, SimTicket, TicketStatus } from './model';

export function findTicket(data: SimData, ticketId: string | number): SimTicket | undefined {
  const id = Number(ticketId);
  if (!Number.isSafeInteger(id)) return undefined;
  // Ticket ids are consecutive from the first one, so this is an index lookup.
  const first = data.tickets[0];
  if (!first) return undefined;
  const ticket = data.tickets[id - first.id];
  return ticket?.id === id ? ticket : data.tickets.find((candidate) => candidate.id === id);
}

/** Reads a score given by a test or the control API in the account's vocabulary; throws if it has none. */
export function parseScore(data: SimData, score: string | number): string | number {
  switch (data.csat) {
    case 'zendesk-legacy':
      if (score === 'good' || score === 'bad') return score;
      throw new Error(`Zendesk legacy CSAT scores are "good" or "bad", not ${JSON.stringify(score)}`);
    case 'zendesk-new':
    case 'gorgias':
    case 'intercom': {
      const value = Number(score);
      if (Number.isInteger(value) && value >= 1 && value <= 5) return value;
      const what = data.csat === 'gorgias' ? 'Gorgias scores' : data.csat === 'intercom' ? 'Intercom ratings' : 'Zendesk survey ratings';
      throw new Error(`${what} are 1–5, not ${JSON.stringify(score)}`);
    }
    case 'freshdesk': {
      const value = Number(score);
      if ([103, 102, 101, 100, -101, -102, -103].includes(value)) return value;
      throw new Error(`Freshdesk ratings are 103…100…-103, not ${JSON.stringify(score)}`);
    }
    case 'helpscout': {
      // Any of Help Scout's spellings (great, ok/okay, not-good/not_good), stored as the rating object's.
      const value = { great: 'great', ok: 'okay', okay: 'okay', 'not-good': 'not_good', not_good: 'not_good' }[String(score).toLowerCase()];
      if (value) return value;
      throw new Error(`Help Scout ratings are great, okay or not_good, not ${JSON.stringify(score)}`);
    }
  }
}

/**
 * The customer changes (or first gives) their rating at `at`: the same rating id gets the new score
 * and updated_at; a ticket without any rating record gets a new one.
 */
export function rerate(data: SimData, ticketId: string | number, score: string | number, at: number): SimRating {
  const ticket = findTicket(data, ticketId);
  if (!ticket) throw new Error(`Unknown ticket ${ticketId}`);
  const value = parseScore(data, score);
  const when = Math.floor(at / 1000) * 1000;
  let rating = ticket.rating;
  if (rating) {
    rating.score = value;
    rating.updatedAt = when;
  } else {
    rating = {
      id: nextRatingId(data),
      ticketId: ticket.id,
      requesterId: ticket.requesterId,
      assigneeId: ticket.assigneeId,
      groupId: ticket.groupId,
      score: value,
      comment: null,
      reason: null,
      extraAnswers: null,
      createdAt: when,
      updatedAt: when,
      expiresAt: when + 28 * 24 * 3600 * 1000,
    };
    insertByCreatedAt(data.ratings, rating);
    ticket.rating = rating;
  }
  ticket.surveyOffered = true;
  ticket.updatedAt = Math.max(ticket.updatedAt, when);
  return rating;
}

export function setTicketStatus(data: SimData, ticketId: string | number, status: TicketStatus, at: number): SimTicket {
  const ticket = findTicket(data, ticketId);
  if (!ticket) throw new Error(`Unknown ticket ${ticketId}`);
  const when = Math.floor(at / 1000) * 1000;
  ticket.status = status;
  ticket.updatedAt = Math.max(ticket.updatedAt, when);
  if (status === 'solved' || status === 'closed') ticket.solvedAt ??= when;
  else ticket.solvedAt = null;
  return ticket;
}

function nextRatingId(data: SimData): number {
  let max = 0;
  for (const rating of data.ratings) if (rating.id > max) max = rating.id;
  return max + 1;
}

/** Keeps the (createdAt, id) order the keyset pagination relies on. */
function insertByCreatedAt(ratings: SimRating[], rating: SimRating): void {
  let index = ratings.length;
  while (index > 0) {
    const previous = ratings[index - 1];
    if (!previous || previous.createdAt < rating.createdAt || (previous.createdAt === rating.createdAt && previous.id < rating.id)) break;
    index--;
  }
  ratings.splice(index, 0, rating);
}
