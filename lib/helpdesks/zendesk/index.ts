import type { HelpdeskAdapter } from '../types';
import { matchHostedTicketUrl, matchTicketPath } from '../shared/hosted-ticket-url';
import { GOOD_BAD_SCALE } from '../shared/scales';
import { ZENDESK_HOSTED, ZENDESK_PAGE_SELECTORS, ZENDESK_TICKET_PATH } from './page';

export const zendeskAdapter: HelpdeskAdapter = {
  kind: 'zendesk',
  label: 'Zendesk',
  exampleOrigin: 'https://acme.zendesk.com',
  matchHostedTicket: (url) => matchHostedTicketUrl(url, ZENDESK_HOSTED),
  matchTicketPath: (url) => matchTicketPath(url, ZENDESK_TICKET_PATH),
  ticketUrl: (origin, ticketId) => `${origin}/agent/tickets/${ticketId}`,
  // Legacy CSAT is good/bad; accounts on the new CSAT rate on the survey's own scale (see api side).
  csatScale: GOOD_BAD_SCALE,
  page: { ticketPath: ZENDESK_TICKET_PATH, selectors: ZENDESK_PAGE_SELECTORS },
  authTypes: ['api-token', 'oauth-token'],
};
