import { describe, expect, it } from 'vitest';
import type { HelpdeskOriginEntry } from '../../model';
import { recognizeTicket } from '../registry';
import { matchTicketUrl, parseTicketUrlPattern, type TicketUrlPattern } from './ticket-pattern';

function pattern(text: string): TicketUrlPattern {
  const read = parseTicketUrlPattern(text);
  if (!read.ok) throw new Error(read.error);
  return read.pattern;
}

const ACME = pattern('https://help.acme.example/tickets/{id}');

describe('ticket URL pattern: reading what the user typed', () => {
  it.each([
    ['https://help.acme.example/tickets/{id}', 'https://help.acme.example', '/tickets/{id}'],
    ['  https://Help.Acme.Example/tickets/{id}  ', 'https://help.acme.example', '/tickets/{id}'],
    ['https://desk.acme.example/inbox/*/conversation/{id}', 'https://desk.acme.example', '/inbox/*/conversation/{id}'],
    ['http://127.0.0.1:8080/#/case/{id}', 'http://127.0.0.1:8080', '/#/case/{id}'],
    ['http://localhost:3000/t/{id}/', 'http://localhost:3000', '/t/{id}/'],
  ])('%s → origin %s, path %s', (text, origin, path) => {
    expect(parseTicketUrlPattern(text)).toMatchObject({ ok: true, pattern: { origin, path } });
  });

  it.each([
    ['help.acme.example/tickets/{id}', /Start with the helpdesk’s address/],
    ['http://help.acme.example/tickets/{id}', /Plain http is only allowed for localhost and 127.0.0.1/],
    ['https://user:pw@help.acme.example/tickets/{id}', /user name or password/],
    ['ftp://help.acme.example/tickets/{id}', /Only https/],
    ['https://help.acme.example', /Add the ticket path/],
    ['https://help.acme.example/tickets/', /Put \{id\} where the ticket number is/],
    ['https://help.acme.example/{id}/{id}', /Use \{id\} only once/],
    ['https://help.acme.example/tickets/{id}?tab=1', /Leave the query/],
    ['https://help.acme.example/tickets/{ticket}/{id}', /only placeholder is \{id\}/],
    ['https://help.acme.example/t*x/{id}', /whole segment/],
    ['https://help.acme.example/tickets/(\\d+)/{id}', /“\\” cannot appear in a URL path/],
    ['https://help.acme.example/tickets/ {id}', /“ ” cannot appear/],
    ['https://help.acme.example/#/a#/{id}', /# at most once/],
    [`https://help.acme.example/${'a'.repeat(300)}/{id}`, /under 300 characters/],
  ])('refuses %s', (text, error) => {
    const read = parseTicketUrlPattern(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(error);
  });
});

describe('ticket URL pattern: matching URLs', () => {
  it.each([
    [ACME, 'https://help.acme.example/tickets/42', '42'],
    [ACME, 'https://help.acme.example/tickets/42/', '42'],
    [ACME, 'https://help.acme.example/tickets/42/events', '42'],
    [ACME, 'https://help.acme.example/tickets/42?tab=notes', '42'],
    [ACME, 'https://help.acme.example/tickets/42#reply', '42'],
    [ACME, 'https://HELP.acme.example:443/tickets/42', '42'],
    [
      pattern('https://desk.acme.example/inbox/*/conversation/{id}'),
      'https://desk.acme.example/inbox/support/conversation/7',
      '7',
    ],
    [pattern('http://127.0.0.1:8080/#/case/{id}'), 'http://127.0.0.1:8080/#/case/900', '900'],
    [pattern('https://x.example/a.b/{id}'), 'https://x.example/a.b/1', '1'],
  ])('%# %s → ticket %s', (p, url, ticketId) => {
    expect(matchTicketUrl(url, p)).toEqual({ ok: true, ticketId });
  });

  // Hostile and near-miss URLs: each must be refused, and the reason must say why.
  it.each([
    [
      'https://evil.example/?u=https://help.acme.example/tickets/1',
      /on evil\.example; help\.acme\.example only appears later/,
    ],
    ['https://evil.example/help.acme.example/tickets/1', /only appears later/],
    ['https://evil.example/#https://help.acme.example/tickets/1', /only appears later/],
    ['https://help.acme.example.evil.example/tickets/1', /different host that only looks like help\.acme\.example/],
    ['https://xhelp.acme.example/tickets/1', /different host that only looks like/],
    ['https://help-acme.example/tickets/1', /help-acme\.example is not help\.acme\.example/],
    ['https://help.acme.example@evil.example/tickets/1', /user name or password/],
    ['https://user:pw@help.acme.example/tickets/1', /user name or password/],
    ['javascript:alert(1)//help.acme.example/tickets/1', /javascript: address, not a web page/],
    ['data:text/html,https://help.acme.example/tickets/1', /data: address/],
    ['http://help.acme.example/tickets/1', /http instead of https/],
    ['https://help.acme.example:8443/tickets/1', /port 8443/],
    ['https://help.acme.example/tickets/abc', /does not fit \/tickets\/\{id\}/],
    ['https://help.acme.example/tickets/12x', /does not fit/],
    ['https://help.acme.example/Tickets/12', /does not fit/],
    ['https://help.acme.example/x/tickets/12', /does not fit/],
    ['https://help.acme.example/?next=/tickets/12', /does not fit/],
    ['https://help.acme.example/tickets/123456789012345678901', /does not fit/],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, reason) => {
    const result = matchTicketUrl(url, ACME);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('lets * stand for one segment only', () => {
    const p = pattern('https://desk.acme.example/inbox/*/conversation/{id}');
    expect(matchTicketUrl('https://desk.acme.example/inbox/a/b/conversation/7', p).ok).toBe(false);
    expect(matchTicketUrl('https://desk.acme.example/inbox//conversation/7', p).ok).toBe(false);
  });

  it('plain http works for localhost and 127.0.0.1 patterns only, and never for their look-alikes', () => {
    const local = pattern('http://127.0.0.1:8080/t/{id}');
    expect(matchTicketUrl('http://127.0.0.1:8080/t/5', local)).toEqual({ ok: true, ticketId: '5' });
    expect(matchTicketUrl('http://127.0.0.1.evil.example:8080/t/5', local).ok).toBe(false);
    expect(matchTicketUrl('https://127.0.0.1:8080/t/5', local).ok).toBe(false);
  });
});

describe('generic tickets in the popup’s recognition', () => {
  const origins: HelpdeskOriginEntry[] = [
    { kind: 'generic', origin: 'https://help.acme.example', ticketPath: '/tickets/{id}' },
  ];

  it('recognises a ticket on the configured origin as a generic ticket', () => {
    expect(recognizeTicket('https://help.acme.example/tickets/42?x=1', origins)).toEqual({
      kind: 'generic',
      origin: 'https://help.acme.example',
      ticketId: '42',
    });
  });

  it.each([
    'https://evil.example/?u=https://help.acme.example/tickets/1',
    'https://help.acme.example.evil.example/tickets/1',
    'https://help.acme.example@evil.example/tickets/1',
    'http://help.acme.example/tickets/1',
    'https://help.acme.example/other/1',
  ])('recognises nothing in %s', (url) => {
    expect(recognizeTicket(url, origins)).toBeNull();
  });

  it('recognises nothing on an origin configured without a pattern, or with a broken one', () => {
    expect(
      recognizeTicket('https://help.acme.example/tickets/1', [
        { kind: 'generic', origin: 'https://help.acme.example' },
      ]),
    ).toBeNull();
    expect(
      recognizeTicket('https://help.acme.example/tickets/1', [
        { kind: 'generic', origin: 'https://help.acme.example', ticketPath: 'tickets/{id}' },
      ]),
    ).toBeNull();
  });
});
