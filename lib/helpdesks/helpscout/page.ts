import type { PageSelectors } from '../../content/channel';
import type { FixedHostTicketPattern } from '../shared/hosted-ticket-url';

/**
 * Help Scout conversation URLs: `/conversation/{id}/{number}`, the number optional
 * (HELPDESK-APIS.md §1, ticket-URL regexes). The ticket id GapLens keeps is the conversation **id**
 * (group 1, what the API takes), not the number agents see in the UI (group 2).
 */
export const HELPSCOUT_TICKET_PATH = /^\/conversation\/(\d{1,20})(?:\/(\d{1,20}))?\/?(?:[?#].*)?$/;

/** Every Help Scout account shares one agent-UI host; there are no account subdomains. */
export const HELPSCOUT_AGENT_UI_ORIGIN = 'https://secure.helpscout.net';
/** The Mailbox API 2.0 host for the hosted agent UI. */
export const HELPSCOUT_API_ORIGIN = 'https://api.helpscout.net';

export const HELPSCOUT_HOSTED: FixedHostTicketPattern = {
  hosts: [new URL(HELPSCOUT_AGENT_UI_ORIGIN).hostname],
  path: HELPSCOUT_TICKET_PATH,
};

/**
 * What the page script may read in Help Scout's conversation view. Only a faster hint of “ticket
 * done”: the API decides, so every selector may fail safely.
 */
export const HELPSCOUT_PAGE_SELECTORS: PageSelectors = {
  statusControl: [
    // Conversation view, toolbar: the status dropdown (Active / Pending / Closed). The hook is the
    // simulator's; TODO(2027-06): confirm the live UI's attribute on a real account.
    '[data-test-id="conversation-status"]',
    // Fallbacks: a status field by name or accessible label.
    'select[name="status"]',
    '[aria-label="Status" i]',
  ],
  submitControl: [
    // Conversation view, reply footer: “Send” (sending with a status applies it).
    '[data-test-id="conversation-send"]',
    'form button[type="submit"]',
  ],
  // Help Scout's statuses are active, pending, closed (and spam); closed is done.
  doneStatuses: ['closed'],
};
