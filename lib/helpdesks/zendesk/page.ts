import type { PageSelectors } from '../../content/channel';
import type { HostedTicketPattern } from '../shared/hosted-ticket-url';

/**
 * Zendesk Agent Workspace ticket URLs: `/agent/tickets/123`, and the legacy hash route
 * `/agent/#/tickets/123` (HELPDESK-APIS.md §1, ticket-URL regexes).
 */
export const ZENDESK_TICKET_PATH = /^\/agent\/(?:#\/)?tickets\/(\d{1,20})(?:[/?#]|$)/;

export const ZENDESK_HOSTED: HostedTicketPattern = { domain: 'zendesk.com', path: ZENDESK_TICKET_PATH };

/**
 * What the page script may read in the Zendesk Agent Workspace, current UI first, then fallbacks.
 * Only a faster hint of “ticket done”: the API decides, so every selector may fail safely.
 */
export const ZENDESK_PAGE_SELECTORS: PageSelectors = {
  statusControl: [
    // Agent Workspace, ticket properties panel: the status dropdown (data-test-id seen in public
    // userscripts for the 2023–2025 Agent Workspace; also what the simulator renders).
    '[data-test-id="ticket-fields-status-select"]',
    // Fallback: a labelled status field, as in the older Support UI. TODO(2027-06): drop if unused.
    'select[name="status"]',
    '[aria-label="Status" i]',
  ],
  submitControl: [
    // Agent Workspace footer: “Submit as <status>” split button.
    '[data-test-id="submit_button-button"]',
    // Fallback: any submit button of the ticket form.
    'form button[type="submit"]',
  ],
  doneStatuses: ['solved', 'closed'],
};
