import type { HostedTicketPattern } from '../shared/hosted-ticket-url';

/**
 * Zendesk Agent Workspace ticket URLs: `/agent/tickets/123`, and the legacy hash route
 * `/agent/#/tickets/123` (HELPDESK-APIS.md §1, ticket-URL regexes).
 */
export const ZENDESK_TICKET_PATH = /^\/agent\/(?:#\/)?tickets\/(\d{1,20})(?:[/?#]|$)/;

export const ZENDESK_HOSTED: HostedTicketPattern = { domain: 'zendesk.com', path: ZENDESK_TICKET_PATH };
