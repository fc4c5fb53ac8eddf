import type { HelpdeskAdapter } from '../types';
import { matchFixedHostTicketUrl, matchTicketPath } from '../shared/hosted-ticket-url';
import { GREAT_OKAY_NOT_GOOD_SCALE } from '../shared/scales';
import {
  HELPSCOUT_AGENT_UI_ORIGIN,
  HELPSCOUT_API_ORIGIN,
  HELPSCOUT_HOSTED,
  HELPSCOUT_PAGE_SELECTORS,
  HELPSCOUT_TICKET_PATH,
} from './page';

export const helpscoutAdapter: HelpdeskAdapter = {
  kind: 'helpscout',
  label: 'Help Scout',
  exampleOrigin: HELPSCOUT_AGENT_UI_ORIGIN,
  matchHostedTicket: (url) => matchFixedHostTicketUrl(url, HELPSCOUT_HOSTED),
  matchTicketPath: (url) => matchTicketPath(url, HELPSCOUT_TICKET_PATH),
  // The hosted agent UI calls its API on api.helpscout.net; a configured origin (the simulator, a
  // proxy) serves both on itself.
  apiOrigin: (origin) => (origin === HELPSCOUT_AGENT_UI_ORIGIN ? HELPSCOUT_API_ORIGIN : origin),
  // The number in the UI's URL is optional: `/conversation/{id}` opens the conversation.
  ticketUrl: (origin, ticketId) => `${origin}/conversation/${ticketId}`,
  csatScale: GREAT_OKAY_NOT_GOOD_SCALE,
  page: { ticketPath: HELPSCOUT_TICKET_PATH, selectors: HELPSCOUT_PAGE_SELECTORS },
  authTypes: ['oauth-client'],
};
