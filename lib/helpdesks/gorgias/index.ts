import type { HelpdeskAdapter } from '../types';
import { matchHostedTicketUrl, matchTicketPath } from '../shared/hosted-ticket-url';
import { FIVE_POINT_SCALE } from '../shared/scales';
import { GORGIAS_HOSTED, GORGIAS_PAGE_SELECTORS, GORGIAS_TICKET_PATH } from './page';

export const gorgiasAdapter: HelpdeskAdapter = {
  kind: 'gorgias',
  label: 'Gorgias',
  exampleOrigin: 'https://acme.gorgias.com',
  matchHostedTicket: (url) => matchHostedTicketUrl(url, GORGIAS_HOSTED),
  matchTicketPath: (url) => matchTicketPath(url, GORGIAS_TICKET_PATH),
  ticketUrl: (origin, ticketId) => `${origin}/app/ticket/${ticketId}`,
  csatScale: FIVE_POINT_SCALE,
  page: { ticketPath: GORGIAS_TICKET_PATH, selectors: GORGIAS_PAGE_SELECTORS },
  // Email + API key, stored as the api-token credentials kind; the form labels the secret “API key”.
  authTypes: ['api-token'],
  secretLabels: { 'api-token': 'API key' },
};
