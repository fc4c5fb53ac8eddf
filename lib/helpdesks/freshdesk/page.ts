import type { PageSelectors } from '../../content/channel';
import type { HostedTicketPattern } from '../shared/hosted-ticket-url';

/** Freshdesk agent-portal ticket URLs: `/a/tickets/123`, and the older `/helpdesk/tickets/123`. */
export const FRESHDESK_TICKET_PATH = /^\/(?:a|helpdesk)\/tickets\/(\d{1,20})(?:[/?#]|$)/;

export const FRESHDESK_HOSTED: HostedTicketPattern = { domain: 'freshdesk.com', path: FRESHDESK_TICKET_PATH };

/**
 * What the page script may read in the Freshdesk agent portal, current UI first, then fallbacks.
 * Only a faster hint of “ticket done”: the API decides, so every selector may fail safely.
 */
export const FRESHDESK_PAGE_SELECTORS: PageSelectors = {
  statusControl: [
    // Ticket details, properties sidebar: the status field (the simulator's hook for it).
    '[data-test-id="ticket-properties-status"]',
    // Fallbacks: the properties form's status field by name or label. TODO(2027-06): confirm on a live portal.
    'select[name="status"]',
    '[aria-label="Status" i]',
  ],
  submitControl: [
    // Properties sidebar: the “Update” button.
    '[data-test-id="ticket-properties-update"]',
    'form button[type="submit"]',
  ],
  // Freshdesk posts status codes (4 resolved, 5 closed) and shows their labels.
  doneStatuses: ['4', '5', 'resolved', 'closed'],
};
