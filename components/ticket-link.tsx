import type { ReactNode } from 'react';
import { getAdapter } from '../lib/helpdesks/registry';
import type { TicketRef } from '../lib/model';

/** The ticket's page in its helpdesk (the adapter knows the URL), or plain text for an unknown helpdesk. */
export function ticketUrl(ticket: TicketRef): string | null {
  return getAdapter(ticket.kind)?.ticketUrl(ticket.origin, ticket.ticketId) ?? null;
}

/** `#1234` linking to the ticket in the helpdesk, in a new tab. */
export function TicketLink({ ticket, children }: { ticket: TicketRef; children?: ReactNode }) {
  const url = ticketUrl(ticket);
  const label = children ?? `#${ticket.ticketId}`;
  const name = `${getAdapter(ticket.kind)?.label ?? ticket.kind} ticket #${ticket.ticketId}`;
  return url ? (
    <a
      href={url}
      target="_blank"
      rel="noreferrer"
      aria-label={typeof label === 'string' && label === `#${ticket.ticketId}` ? name : undefined}
    >
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}
