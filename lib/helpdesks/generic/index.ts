import type { HelpdeskAdapter } from '../types';
import { FIVE_POINT_SCALE } from '../shared/scales';
import { matchTicketUrl, storedTicketPattern } from './ticket-pattern';

/** The kind of a connection to a helpdesk GapLens has no adapter for. */
export const GENERIC_KIND = 'generic';

/**
 * Any helpdesk: tickets are recognised by the URL pattern the user configured for the origin
 * (ticket-pattern.ts), and CSAT comes from the helpdesk's own CSV export (csv-*.ts) instead of an
 * API. So it has no hosted domain, no credentials (`authTypes` is empty: the connection form for
 * API helpdesks does not offer it) and no page signals for “ticket done”.
 */
export const genericAdapter: HelpdeskAdapter = {
  kind: GENERIC_KIND,
  label: 'Other helpdesk',
  exampleOrigin: 'https://help.acme.example',
  // Never guessed from a host: a generic helpdesk is only recognised on an origin the user configured.
  matchHostedTicket: () => null,
  // The same function the options page's live tester runs, so the tester cannot promise more.
  matchTicketPath: (url, entry) => {
    const pattern = entry?.ticketPath ? storedTicketPattern(entry.origin, entry.ticketPath) : null;
    const match = pattern && matchTicketUrl(url.href, pattern);
    return match?.ok ? match.ticketId : null;
  },
  // Without the configured template at hand, the best link is the helpdesk itself.
  ticketUrl: (origin) => `${origin}/`,
  // The prediction is asked on 1–5, the most common CSAT question; imported ratings on another scale
  // (good / bad, a custom list) compare through their normalized value like any other pair.
  csatScale: FIVE_POINT_SCALE,
  // No page script runs for it (it has no API to confirm “done”): a path that matches nothing.
  page: { ticketPath: /(?!)/, selectors: { statusControl: [], submitControl: [], doneStatuses: [] } },
  authTypes: [],
};
