import { describe, expect, it } from 'vitest';
import { ticketIdOf } from '../../content/ticket-watch';
import type { HelpdeskOriginEntry } from '../../model';
import { apiOriginOf, connectionOrigins, recognizeTicket } from '../registry';
import { helpscoutAdapter } from './index';

const NONE: HelpdeskOriginEntry[] = [];
const UI = 'https://secure.helpscout.net';

describe('Help Scout conversation URLs', () => {
  it.each([
    // HELPDESK-APIS.md §1: the documented example → the conversation id (the API id), not the number.
    [`${UI}/conversation/2199011258/891142?folderId=39835`, '2199011258'],
    [`${UI}/conversation/2199011258/891142`, '2199011258'],
    [`${UI}/conversation/2199011258/891142/`, '2199011258'],
    [`${UI}/conversation/2199011258`, '2199011258'],
    [`${UI}/conversation/2199011258/891142#thread-123`, '2199011258'],
  ])('%s → #%s', (url, ticketId) => {
    expect(recognizeTicket(url, NONE)).toEqual({ kind: 'helpscout', origin: UI, ticketId });
  });

  it.each([
    // Hostile: the host only in the query or path, as a prefix of another domain, or with user info.
    'https://evil.example/?u=secure.helpscout.net/conversation/1/2',
    'https://evil.example/secure.helpscout.net/conversation/1/2',
    'https://secure.helpscout.net.evil.example/conversation/1/2',
    'https://evil-secure.helpscout.net/conversation/1/2',
    'https://secure.helpscout.net@evil.example/conversation/1/2',
    'https://user:pw@secure.helpscout.net/conversation/1/2',
    'https://evil.example#https://secure.helpscout.net/conversation/1/2',
    // Another Help Scout host (the API, the marketing site), http, another port.
    'https://api.helpscout.net/conversation/1/2',
    'https://helpscout.net/conversation/1/2',
    'http://secure.helpscout.net/conversation/1/2',
    'https://secure.helpscout.net:8443/conversation/1/2',
    // Not a conversation.
    `${UI}/conversation/abc/2`,
    `${UI}/conversation/`,
    `${UI}/conversation/1/2/3`,
    `${UI}/mailbox/1/`,
    `${UI}/agent/tickets/1`,
  ])('rejects %s', (url) => {
    expect(recognizeTicket(url, NONE)).toBeNull();
  });

  it('recognises paths on a configured origin (the simulator), and only there', () => {
    const configured: HelpdeskOriginEntry[] = [{ kind: 'helpscout', origin: 'http://127.0.0.1:4103' }];
    expect(recognizeTicket('http://127.0.0.1:4103/conversation/2000001/1001', configured)).toEqual({
      kind: 'helpscout',
      origin: 'http://127.0.0.1:4103',
      ticketId: '2000001',
    });
    expect(recognizeTicket('http://127.0.0.1:4999/conversation/2000001/1001', configured)).toBeNull();
  });
});

describe('Help Scout API origin', () => {
  it('is api.helpscout.net for the hosted agent UI; host access covers both', () => {
    expect(apiOriginOf('helpscout', UI)).toBe('https://api.helpscout.net');
    expect(connectionOrigins('helpscout', UI)).toEqual([UI, 'https://api.helpscout.net']);
  });

  it('is the origin itself for a configured origin such as the simulator', () => {
    expect(connectionOrigins('helpscout', 'http://127.0.0.1:4103')).toEqual(['http://127.0.0.1:4103']);
  });
});

describe('Help Scout page script', () => {
  // The page hooks themselves are checked on the simulator's page with the other helpdesks'
  // (lib/content/selectors.test.ts).
  const selectors = helpscoutAdapter.page.selectors;

  it('the page script reads the conversation id, not the number, from the path it is sent', () => {
    const config = {
      kind: 'helpscout',
      label: 'Help Scout',
      ticketPath: helpscoutAdapter.page.ticketPath.source,
      selectors,
    };
    expect(ticketIdOf(config, new URL(`${UI}/conversation/2199011258/891142?folderId=39835`))).toBe('2199011258');
    expect(ticketIdOf(config, new URL('http://127.0.0.1:4103/conversation/2199011001/1001'))).toBe('2199011001');
    expect(ticketIdOf(config, new URL(`${UI}/mailbox/1/`))).toBeNull();
  });
});
