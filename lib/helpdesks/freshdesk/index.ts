import type { HelpdeskAdapter } from '../types';
import { matchHostedTicketUrl, matchTicketPath } from '../shared/hosted-ticket-url';
import { FRESHDESK_POINTS_SCALE } from '../shared/scales';
import { FRESHDESK_HOSTED, FRESHDESK_PAGE_SELECTORS, FRESHDESK_TICKET_PATH } from './page';

export const freshdeskAdapter: HelpdeskAdapter = {
  kind: 'freshdesk',
  label: 'Freshdesk',
  exampleOrigin: 'https://acme.freshdesk.com',
  matchHostedTicket: (url) => matchHostedTicketUrl(url, FRESHDESK_HOSTED),
  matchTicketPath: (url) => matchTicketPath(url, FRESHDESK_TICKET_PATH),
  ticketUrl: (origin, ticketId) => `${origin}/a/tickets/${ticketId}`,
  csatScale: FRESHDESK_POINTS_SCALE,
  page: { ticketPath: FRESHDESK_TICKET_PATH, selectors: FRESHDESK_PAGE_SELECTORS },
  authTypes: ['api-key'],
};
