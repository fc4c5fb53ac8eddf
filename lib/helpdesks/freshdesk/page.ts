import type { HostedTicketPattern } from '../shared/hosted-ticket-url';

/** Freshdesk agent-portal ticket URLs: `/a/tickets/123`, and the older `/helpdesk/tickets/123`. */
export const FRESHDESK_TICKET_PATH = /^\/(?:a|helpdesk)\/tickets\/(\d{1,20})(?:[/?#]|$)/;

export const FRESHDESK_HOSTED: HostedTicketPattern = { domain: 'freshdesk.com', path: FRESHDESK_TICKET_PATH };
