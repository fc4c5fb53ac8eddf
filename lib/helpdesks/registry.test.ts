import { describe, expect, it } from 'vitest';
import type { HelpdeskOriginEntry } from '../model';
import { HELPDESK_ADAPTERS, connectionOrigins, recognizeTicket } from './registry';

const NONE: HelpdeskOriginEntry[] = [];

describe('ticket recognition on hosted domains', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/1234', 'zendesk', 'https://acme.zendesk.com', '1234'],
    ['https://support.zendesk.com/agent/tickets/1171129', 'zendesk', 'https://support.zendesk.com', '1171129'],
    ['https://acme.zendesk.com/agent/tickets/42/events', 'zendesk', 'https://acme.zendesk.com', '42'],
    ['https://acme.zendesk.com/agent/tickets/42?foo=1', 'zendesk', 'https://acme.zendesk.com', '42'],
    ['https://acme.zendesk.com/agent/#/tickets/42', 'zendesk', 'https://acme.zendesk.com', '42'],
    ['https://make-hq.freshdesk.com/a/tickets/123456', 'freshdesk', 'https://make-hq.freshdesk.com', '123456'],
    ['https://acme.freshdesk.com/helpdesk/tickets/11', 'freshdesk', 'https://acme.freshdesk.com', '11'],
    ['https://acme.freshdesk.com/a/tickets/7#reply', 'freshdesk', 'https://acme.freshdesk.com', '7'],
    ['https://acme.gorgias.com/app/ticket/63091193', 'gorgias', 'https://acme.gorgias.com', '63091193'],
    ['https://acme-store.gorgias.com/app/ticket/42?view=7#message', 'gorgias', 'https://acme-store.gorgias.com', '42'],
    // Intercom: every workspace of a region shares the agent UI; any inbox view before the id.
    [
      'https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/215475827415413',
      'intercom',
      'https://app.intercom.com',
      '215475827415413',
    ],
    ['https://app.intercom.com/a/apps/lkqcyt9t/conversations/12345', 'intercom', 'https://app.intercom.com', '12345'],
    [
      'https://app.eu.intercom.com/a/inbox/abc123/inbox/conversation/9?view=x',
      'intercom',
      'https://app.eu.intercom.com',
      '9',
    ],
    [
      'https://app.au.intercom.com/a/inbox/abc123/inbox/admin/991/conversation/77#part-1',
      'intercom',
      'https://app.au.intercom.com',
      '77',
    ],
  ])('%s → %s #%s', (url, kind, origin, ticketId) => {
    expect(recognizeTicket(url, NONE)).toEqual({ kind, origin, ticketId });
  });

  it.each([
    // Hostile: the helpdesk host only appears in the query, the path, or as a prefix of another domain.
    'https://evil.example/?u=acme.zendesk.com/agent/tickets/1',
    'https://evil.example/acme.zendesk.com/agent/tickets/1',
    'https://acme.zendesk.com.evil.example/agent/tickets/1',
    'https://acme.freshdesk.com.evil.example/a/tickets/1',
    'https://acme.gorgias.com.evil.example/app/ticket/1',
    'https://evil.example/?next=https://acme.gorgias.com/app/ticket/1',
    'https://evil.example/acme.gorgias.com/app/ticket/1',
    'https://acme.gorgias.com@evil.example/app/ticket/1',
    'https://agent:pw@acme.gorgias.com/app/ticket/1',
    'https://gorgias.com/app/ticket/1',
    'https://acme-gorgias.com/app/ticket/1',
    'http://acme.gorgias.com/app/ticket/1',
    'https://acme.gorgias.com/app/tickets/1',
    'https://acme.gorgias.com/app/ticket/1abc',
    'https://acme.gorgias.com/agent/tickets/1',
    'https://acme-zendesk.com/agent/tickets/1',
    'https://zendesk.com/agent/tickets/1',
    'https://evil.example#https://acme.zendesk.com/agent/tickets/1',
    'https://acme.zendesk.com@evil.example/agent/tickets/1',
    'https://user:pw@acme.zendesk.com/agent/tickets/1',
    'javascript:alert(1)//acme.zendesk.com/agent/tickets/1',
    // Not https, or on another port.
    'http://acme.zendesk.com/agent/tickets/1',
    'https://acme.zendesk.com:8443/agent/tickets/1',
    // Each helpdesk's paths on the other's domain.
    'https://acme.zendesk.com/a/tickets/1',
    'https://acme.freshdesk.com/agent/tickets/1',
    // Intercom: look-alike and unknown regional hosts, the id only in the query or hash, other pages.
    'https://app.intercom.com.evil.example/a/inbox/abc/inbox/conversation/1',
    'https://evil.example/?u=app.intercom.com/a/inbox/abc/inbox/conversation/1',
    'https://app.us.intercom.com/a/inbox/abc/inbox/conversation/1',
    'https://acme.intercom.com/a/inbox/abc/inbox/conversation/1',
    'https://intercom.com/a/inbox/abc/inbox/conversation/1',
    'https://app.intercom.io/a/inbox/abc/inbox/conversation/1',
    'http://app.intercom.com/a/inbox/abc/inbox/conversation/1',
    'https://app.intercom.com:8443/a/inbox/abc/inbox/conversation/1',
    'https://user:pw@app.intercom.com/a/inbox/abc/inbox/conversation/1',
    'https://app.intercom.com/a/inbox/abc/inbox/shared/all?conversation/1',
    'https://app.intercom.com/a/inbox/abc/inbox/shared/all#/conversation/1',
    'https://app.intercom.com/a/inbox/abc/inbox/conversation/1x',
    'https://app.intercom.com/a/apps/abc/users/5ba682d23d7cf92bef87bfd4',
    'https://app.intercom.com/conversation/1',
    'https://app.intercom.com/a/inbox/ABC!/inbox/conversation/1',
    // Not a ticket.
    'https://acme.zendesk.com/agent/tickets/abc',
    'https://acme.zendesk.com/agent/tickets/',
    'https://acme.zendesk.com/agent/users/1',
    'https://acme.zendesk.com/agent/tickets/12abc',
    'not a url',
  ])('rejects %s', (url) => {
    expect(recognizeTicket(url, NONE)).toBeNull();
  });
});

describe('ticket recognition on configured origins', () => {
  const configured: HelpdeskOriginEntry[] = [
    { kind: 'zendesk', origin: 'http://127.0.0.1:4101' },
    { kind: 'freshdesk', origin: 'http://127.0.0.1:4102' },
    { kind: 'zendesk', origin: 'https://support.acme.example' },
    { kind: 'gorgias', origin: 'http://127.0.0.1:4103' },
    { kind: 'intercom', origin: 'http://127.0.0.1:4104' },
  ];

  it.each([
    ['http://127.0.0.1:4101/agent/tickets/5', 'zendesk', '5'],
    ['http://127.0.0.1:4102/a/tickets/6', 'freshdesk', '6'],
    ['https://support.acme.example/agent/tickets/7', 'zendesk', '7'],
    ['http://127.0.0.1:4103/app/ticket/8', 'gorgias', '8'],
    ['http://127.0.0.1:4104/a/inbox/sim0app1/inbox/shared/all/conversation/8', 'intercom', '8'],
  ])('%s → %s #%s', (url, kind, ticketId) => {
    expect(recognizeTicket(url, configured)).toEqual({ kind, origin: new URL(url).origin, ticketId });
  });

  it.each([
    // The right path on a configured origin of the other helpdesk.
    'http://127.0.0.1:4101/a/tickets/5',
    'http://127.0.0.1:4102/agent/tickets/6',
    'http://127.0.0.1:4103/agent/tickets/8',
    'http://127.0.0.1:4101/app/ticket/8',
    'http://user:pw@127.0.0.1:4103/app/ticket/8',
    'http://127.0.0.1:4104/a/tickets/6',
    // Same host, another port or scheme: a different origin, never guessed.
    'http://127.0.0.1:4999/agent/tickets/5',
    'http://localhost:4101/agent/tickets/5',
    'http://support.acme.example/agent/tickets/7',
    'https://support.acme.example.evil.example/agent/tickets/7',
  ])('rejects %s', (url) => {
    expect(recognizeTicket(url, configured)).toBeNull();
  });

  it('does not recognise an unconfigured custom domain', () => {
    expect(recognizeTicket('https://support.acme.example/agent/tickets/7', NONE)).toBeNull();
  });
});

describe('every adapter', () => {
  it.each(HELPDESK_ADAPTERS.map((a) => [a.kind, a] as const))(
    '%s builds ticket URLs it recognises',
    (_kind, adapter) => {
      const origin = adapter.exampleOrigin;
      const url = adapter.ticketUrl(origin, '987');
      expect(recognizeTicket(url, NONE)).toEqual({ kind: adapter.kind, origin, ticketId: '987' });
      for (const other of HELPDESK_ADAPTERS.filter((a) => a !== adapter)) {
        expect(other.matchHostedTicket(new URL(url))).toBeNull();
      }
    },
  );
});

describe('connectionOrigins', () => {
  it('is the agent-UI origin alone for a helpdesk whose API answers there', () => {
    expect(connectionOrigins('zendesk', 'https://acme.zendesk.com')).toEqual(['https://acme.zendesk.com']);
    expect(connectionOrigins('freshdesk', 'http://127.0.0.1:4000')).toEqual(['http://127.0.0.1:4000']);
  });

  it('adds the region’s API host for Intercom’s agent UIs; a configured origin (the simulator) serves both', () => {
    expect(connectionOrigins('intercom', 'https://app.intercom.com')).toEqual([
      'https://app.intercom.com',
      'https://api.intercom.io',
    ]);
    expect(connectionOrigins('intercom', 'https://app.eu.intercom.com')[1]).toBe('https://api.eu.intercom.io');
    expect(connectionOrigins('intercom', 'https://app.au.intercom.com')[1]).toBe('https://api.au.intercom.io');
    expect(connectionOrigins('intercom', 'http://127.0.0.1:4103')).toEqual(['http://127.0.0.1:4103']);
  });

  it('is the origin alone for a kind GapLens does not know (nothing is guessed)', () => {
    expect(connectionOrigins('nope', 'https://help.example')).toEqual(['https://help.example']);
  });
});
