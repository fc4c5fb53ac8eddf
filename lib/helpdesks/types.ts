import type { CsatScale, HelpdeskKind } from '../model';

/**
 * What one helpdesk contributes to GapLens. Each helpdesk lives in its own folder under
 * lib/helpdesks/<kind>/ and registers one adapter in registry.ts; nothing else in the code branches
 * on the kind.
 */
export interface HelpdeskAdapter {
  kind: HelpdeskKind;
  /** Product name as agents know it, e.g. “Zendesk”. */
  label: string;
  /** Example of the helpdesk's own hosted origin, shown as a placeholder in forms. */
  exampleOrigin: string;
  /**
   * Recognises a ticket on the helpdesk's own hosted domain (`https://acme.zendesk.com/...`).
   * Returns the ticket id, or null. Must reject look-alike hosts and URLs that merely contain one.
   */
  matchHostedTicket(url: URL): string | null;
  /**
   * Recognises a ticket from the path (and hash) alone. Used only for origins the user configured
   * for this helpdesk (custom domains, the local simulator), never to guess.
   */
  matchTicketPath(url: URL): string | null;
  /** The agent-UI address of a ticket, for links back into the helpdesk. */
  ticketUrl(origin: string, ticketId: string): string;
  /** The scale the customer rates on and the agent predicts on, unless a connection says otherwise. */
  csatScale: CsatScale;
}
