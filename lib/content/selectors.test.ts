import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { freshdeskAdapter } from '../helpdesks/freshdesk';
import { gorgiasAdapter } from '../helpdesks/gorgias';
import { zendeskAdapter } from '../helpdesks/zendesk';
import { domSaysDone, pageHealth, queryAll, queryFirst, readStatus } from './selectors';
import { ticketIdOf } from './ticket-watch';
import { generateData } from '../../test/helpdesk-sim/generator';
import { gorgiasPageStyle } from '../../test/helpdesk-sim/page-styles';
import { ticketPage } from '../../test/helpdesk-sim/pages';

// linkedom (WXT's own HTML parser) stands in for the page: the selectors are plain CSS.
function load(path: string): Document {
  return parseHTML(readFileSync(new URL(`../../test/fixtures/html/${path}`, import.meta.url), 'utf8'))
    .document as unknown as Document;
}

const zendesk = zendeskAdapter.page.selectors;
const freshdesk = freshdeskAdapter.page.selectors;

describe('selectors on saved simulator pages', () => {
  it('Zendesk: finds the status select and submit, and reads “solved” as done', () => {
    const page = load('zendesk/sim-ticket-solved.html');
    expect(pageHealth(page, zendesk)).toEqual({ statusControl: true, submitControl: true });
    expect(readStatus(queryFirst(page, zendesk.statusControl))).toEqual(['solved', 'solved']);
    expect(domSaysDone(page, zendesk)).toBe(true);
  });

  it('Freshdesk: reads the status code (4) and its label (Resolved)', () => {
    const page = load('freshdesk/sim-ticket-solved.html');
    expect(pageHealth(page, freshdesk)).toEqual({ statusControl: true, submitControl: true });
    expect(readStatus(queryFirst(page, freshdesk.statusControl))).toEqual(['4', 'resolved']);
    expect(domSaysDone(page, freshdesk)).toBe(true);
  });

  it('Gorgias: reads the open/closed control of the simulator’s page as rendered now, only “closed” as done', () => {
    const gorgias = gorgiasAdapter.page.selectors;
    const data = generateData({ kind: 'gorgias', csat: 'gorgias', agents: 2, ticketsPerAgent: 5 });
    const closed = data.tickets.find((ticket) => ticket.status === 'closed')!;
    const page = parseHTML(String(ticketPage(data, gorgiasPageStyle, String(closed.id)).body))
      .document as unknown as Document;
    expect(pageHealth(page, gorgias)).toEqual({ statusControl: true, submitControl: true });
    expect(readStatus(queryFirst(page, gorgias.statusControl))).toEqual(['closed', 'closed']);
    expect(domSaysDone(page, gorgias)).toBe(true);
    const options = queryFirst(page, gorgias.statusControl)!.querySelectorAll('option');
    options.forEach((option) => option.toggleAttribute('selected', option.value === 'open'));
    expect(domSaysDone(page, gorgias)).toBe(false);
  });
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
    const page = load('zendesk/sim-ticket-solved.html');
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
