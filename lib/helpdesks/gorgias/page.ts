import type { PageSelectors } from '../../content/channel';
import type { HostedTicketPattern } from '../shared/hosted-ticket-url';

/** Gorgias helpdesk ticket URLs: `/app/ticket/123` (HELPDESK-APIS.md §1, ticket-URL regexes). */
export const GORGIAS_TICKET_PATH = /^\/app\/ticket\/(\d{1,20})(?:[/?#]|$)/;

export const GORGIAS_HOSTED: HostedTicketPattern = { domain: 'gorgias.com', path: GORGIAS_TICKET_PATH };

/**
 * What the page script may read in the Gorgias helpdesk's ticket view (`/app/ticket/{id}`), current
 * UI first, then fallbacks. Only a faster hint of “ticket done”: the API decides (a ticket is
 * `open` or `closed`), so every selector may fail safely and the health check says which is missing.
 */
export const GORGIAS_PAGE_SELECTORS: PageSelectors = {
  statusControl: [
    // Ticket view header: the open/closed status control (the simulator's hook for it).
    '[data-test-id="ticket-status-select"]',
    // Fallbacks: a status field by name or accessible label. TODO(2027-06): confirm on a live account.
    'select[name="status"]',
    '[aria-label="Ticket status" i]',
  ],
  submitControl: [
    // Ticket view: the reply bar's “Send” / “Close” button.
    '[data-test-id="ticket-submit-button"]',
    'form button[type="submit"]',
  ],
  doneStatuses: ['closed'],
};
