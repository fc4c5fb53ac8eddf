import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { freshdeskAdapter } from '../helpdesks/freshdesk';
import { gorgiasAdapter } from '../helpdesks/gorgias';
import { helpscoutAdapter } from '../helpdesks/helpscout';
import { intercomAdapter } from '../helpdesks/intercom';
import { zendeskAdapter } from '../helpdesks/zendesk';
import { domSaysDone, pageHealth, queryAll, queryFirst, readStatus } from './selectors';
import { ticketIdOf } from './ticket-watch';
import { generateData } from '../../test/helpdesk-sim/generator';
import type { CsatMode, SimKind, TicketStatus } from '../../test/helpdesk-sim/model';
import {
  freshdeskPageStyle,
  gorgiasPageStyle,
  helpscoutPageStyle,
  intercomPageStyle,
  zendeskPageStyle,
} from '../../test/helpdesk-sim/page-styles';
import { ticketPage, type PageStyle } from '../../test/helpdesk-sim/pages';

// linkedom (WXT's own HTML parser) stands in for the page: the selectors are plain CSS.
function load(path: string): Document {
  return parseHTML(readFileSync(new URL(`../../test/fixtures/html/${path}`, import.meta.url), 'utf8'))
    .document as unknown as Document;
}

const zendesk = zendeskAdapter.page.selectors;

/** The simulator's ticket page as it renders now, for one ticket set to `status`. */
function simulatedPage(style: PageStyle, kind: SimKind, csat: CsatMode, status: TicketStatus): Document {
  const data = generateData({ kind, csat, agents: 2, ticketsPerAgent: 5 });
  const ticket = data.tickets[0]!;
  ticket.status = status;
  return parseHTML(String(ticketPage(data, style, String(ticket.id)).body)).document as unknown as Document;
}

describe('selectors on the simulator’s pages', () => {
  // Rendered from test/helpdesk-sim on every run, so a change to the simulated UIs cannot leave a
  // stale saved copy behind. `done` is what the status control says for a solved ticket.
  it.each([
    ['Zendesk', zendeskAdapter, zendeskPageStyle, 'zendesk', 'zendesk-legacy', ['solved', 'solved']],
    ['Freshdesk', freshdeskAdapter, freshdeskPageStyle, 'freshdesk', 'freshdesk', ['4', 'resolved']],
    ['Gorgias', gorgiasAdapter, gorgiasPageStyle, 'gorgias', 'gorgias', ['closed', 'closed']],
    ['Help Scout', helpscoutAdapter, helpscoutPageStyle, 'helpscout', 'helpscout', ['closed', 'closed']],
    ['Intercom', intercomAdapter, intercomPageStyle, 'intercom', 'intercom', ['closed', 'closed']],
  ] as const)(
    '%s: finds the status control and submit, reads a solved ticket as done and an open one as not',
    (_name, adapter, style, kind, csat, done) => {
      const selectors = adapter.page.selectors;
      const solved = simulatedPage(style, kind, csat, 'solved');
      expect(pageHealth(solved, selectors)).toEqual({ statusControl: true, submitControl: true });
      expect(readStatus(queryFirst(solved, selectors.statusControl))).toEqual(done);
      expect(domSaysDone(solved, selectors)).toBe(true);
      expect(domSaysDone(simulatedPage(style, kind, csat, 'open'), selectors)).toBe(false);
    },
  );
});

describe('selectors on reconstructed agent UIs', () => {
  it('reads a combobox status by its text', () => {
    const page = load('zendesk/agent-workspace-reconstructed.html');
    expect(pageHealth(page, zendesk)).toEqual({ statusControl: true, submitControl: true });
    expect(domSaysDone(page, zendesk)).toBe(true);
  });

  it('falls back to the accessible label when the data-test-ids are gone', () => {
    const page = load('zendesk/relabelled-ui-reconstructed.html');
    expect(queryFirst(page, zendesk.statusControl)?.getAttribute('role')).toBe('combobox');
    expect(domSaysDone(page, zendesk)).toBe(false);
    expect(queryAll(page, zendesk.submitControl)).toHaveLength(1);
  });

  it('reports a UI it does not know, and cannot tell rather than guessing', () => {
    const page = load('zendesk/unknown-ui.html');
    expect(pageHealth(page, zendesk)).toEqual({ statusControl: false, submitControl: false });
    expect(domSaysDone(page, zendesk)).toBeNull();
  });

  it('skips a selector the browser cannot parse', () => {
    const page = simulatedPage(zendeskPageStyle, 'zendesk', 'zendesk-legacy', 'solved');
    expect(queryFirst(page, ['[[broken', ...zendesk.statusControl])).not.toBeNull();
  });
});

describe('ticket in view from the URL', () => {
  const config = (ticketPath: RegExp) => ({ kind: 'x', label: 'X', ticketPath: ticketPath.source, selectors: zendesk });
  it('uses the adapter’s ticket path, as sent to the page', () => {
    const zd = config(zendeskAdapter.page.ticketPath);
    expect(ticketIdOf(zd, new URL('https://acme.zendesk.com/agent/tickets/42'))).toBe('42');
    expect(ticketIdOf(zd, new URL('https://acme.zendesk.com/agent/#/tickets/43'))).toBe('43');
    expect(ticketIdOf(zd, new URL('https://acme.zendesk.com/agent/filters/1'))).toBeNull();
    const fd = config(freshdeskAdapter.page.ticketPath);
    expect(ticketIdOf(fd, new URL('https://acme.freshdesk.com/a/tickets/7'))).toBe('7');
    const gg = config(gorgiasAdapter.page.ticketPath);
    expect(ticketIdOf(gg, new URL('https://acme.gorgias.com/app/ticket/63091193'))).toBe('63091193');
    expect(ticketIdOf(gg, new URL('https://acme.gorgias.com/app/tickets'))).toBeNull();
  });
});
