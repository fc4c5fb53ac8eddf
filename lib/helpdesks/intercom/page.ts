import type { PageSelectors } from '../../content/channel';
import type { FixedHostTicketPattern } from '../shared/hosted-ticket-url';

/**
 * Intercom inbox conversation URLs (HELPDESK-APIS.md §1, ticket-URL regexes):
 * `/a/inbox/{app}/inbox/shared/all/conversation/{id}` (any inbox view between app and id) and the
 * older `/a/apps/{app}/conversations/{id}`. Group 1 is the conversation id, which is also the id the
 * API's search answers with. App ids are lower-case letters and digits in live URLs; the spec's
 * example `id_code` has underscores, so those are accepted too.
 */
export const INTERCOM_TICKET_PATH =
  /^\/a\/(?:inbox|apps)\/[a-z0-9_]{1,64}\/(?:[^?#]{0,512}\/)?conversations?\/(\d{1,20})(?:[/?#]|$)/;

/**
 * Every Intercom workspace shares the agent UI of its region; there is no per-account subdomain.
 * Only the hosts the docs name are recognised (US, EU, AU; HELPDESK-APIS.md “Intercom”).
 */
export const INTERCOM_HOSTED: FixedHostTicketPattern = {
  hosts: ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'],
  path: INTERCOM_TICKET_PATH,
};

/** Agent UI → REST API host, per region (the spec's `servers`). */
const API_ORIGIN_BY_UI_ORIGIN: Readonly<Record<string, string>> = {
  'https://app.intercom.com': 'https://api.intercom.io',
  'https://app.eu.intercom.com': 'https://api.eu.intercom.io',
  'https://app.au.intercom.com': 'https://api.au.intercom.io',
};

/**
 * Where the API of an agent UI at `origin` answers. A configured origin (the simulator, a proxy)
 * serves both on itself, so anything that is not a regional Intercom UI maps to itself.
 */
export function intercomApiOrigin(origin: string): string {
  return API_ORIGIN_BY_UI_ORIGIN[origin] ?? origin;
}

/**
 * What the page script may read in the Intercom inbox. Intercom's inbox closes a conversation with a
 * button, not a form, and its markup is not documented: only the simulator's hooks are known, so the
 * API (`state: closed`) is what decides, and every selector may fail safely.
 */
export const INTERCOM_PAGE_SELECTORS: PageSelectors = {
  statusControl: [
    // The simulator's conversation-state select (test/helpdesk-sim/page-styles.ts).
    '[data-test-id="conversation-state-select"]',
    // Fallbacks: a labelled state control. TODO(2027-06): confirm on a live inbox or drop.
    'select[name="state"]',
    '[aria-label="Conversation state" i]',
  ],
  submitControl: ['[data-test-id="conversation-state-submit"]', 'form button[type="submit"]'],
  doneStatuses: ['closed'],
};
