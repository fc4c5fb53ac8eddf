import type { HelpdeskAdapter } from '../types';
import { matchFixedHostTicketUrl, matchTicketPath } from '../shared/hosted-ticket-url';
import { FIVE_POINT_SCALE } from '../shared/scales';
import { INTERCOM_HOSTED, INTERCOM_PAGE_SELECTORS, INTERCOM_TICKET_PATH, intercomApiOrigin } from './page';

/**
 * Intercom. Every workspace of a region shares one agent-UI origin (`https://app.intercom.com`), so
 * a connection's origin names the region, not the workspace, and:
 * - the ticket key stays origin + conversation id: conversation ids are numbers Intercom hands out
 *   per region, not per workspace (unverified, but no documented URL or payload scopes them by
 *   app), so two workspaces' conversations do not collide;
 * - the page script is registered for `https://app.intercom.com/*`, i.e. it also runs in workspaces
 *   the user did not connect. A conversation rated there is kept under the connection for that
 *   origin; its CSAT never arrives (the token cannot see it), so it stays unmatched, never mismatched.
 *   Host access cannot be narrower than an origin anyway.
 */
export const intercomAdapter: HelpdeskAdapter = {
  kind: 'intercom',
  label: 'Intercom',
  exampleOrigin: 'https://app.intercom.com',
  matchHostedTicket: (url) => matchFixedHostTicketUrl(url, INTERCOM_HOSTED),
  matchTicketPath: (url) => matchTicketPath(url, INTERCOM_TICKET_PATH),
  apiOrigin: intercomApiOrigin,
  // Intercom's conversation URLs carry the workspace's app id, which a connection does not store;
  // `_` stands in for it. Whether Intercom resolves such a link to the signed-in workspace is
  // unverified; the simulator accepts any app segment. TODO: keep `app.id_code` from `/me`.
  ticketUrl: (origin, ticketId) => `${origin}/a/inbox/_/inbox/conversation/${ticketId}`,
  csatScale: FIVE_POINT_SCALE,
  page: { ticketPath: INTERCOM_TICKET_PATH, selectors: INTERCOM_PAGE_SELECTORS },
  authTypes: ['oauth-token'],
};
