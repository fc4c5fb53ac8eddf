import type { HelpdeskOriginEntry } from '../../model';
import { GENERIC_KIND } from './index';
import { parseTicketPath } from './ticket-pattern';

/** A problem with one helpdesk address's ticket path, with its path inside `helpdeskOrigins`. */
export interface TicketPathProblem {
  path: [number, 'ticketPath' | 'kind'];
  message: string;
}

/**
 * Checks the ticket paths of settings' helpdesk addresses where the schema cannot (the syntax lives
 * here): an other helpdesk needs a valid one, a built-in helpdesk takes none. Used by the settings
 * file import and the JSON view, so a pattern that could never match is refused with its place named
 * instead of being saved and silently recognising nothing.
 */
export function ticketPathProblems(entries: readonly HelpdeskOriginEntry[]): TicketPathProblem[] {
  return entries.flatMap((entry, index): TicketPathProblem[] => {
    if (entry.kind !== GENERIC_KIND) {
      return entry.ticketPath === undefined
        ? []
        : [
            {
              path: [index, 'ticketPath'],
              message: `${entry.kind} knows its own ticket paths; only “generic” takes one`,
            },
          ];
    }
    if (entry.ticketPath === undefined) {
      return [{ path: [index, 'kind'], message: 'a “generic” helpdesk needs its ticketPath, e.g. "/tickets/{id}"' }];
    }
    const read = parseTicketPath(entry.origin, entry.ticketPath);
    return read.ok ? [] : [{ path: [index, 'ticketPath'], message: read.error }];
  });
}
