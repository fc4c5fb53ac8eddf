import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../db/test-drafts';
import { InvalidRequestError, MESSAGE_TYPES, parseRequest, requestSchemas } from './protocol';
import { createRouter, type Handlers } from './router';

describe('request validation', () => {
  it('has a schema for every message', () => {
    expect(MESSAGE_TYPES.sort()).toEqual(
      [
        'eraseAllData',
        'importAssessments',
        'importSettings',
        'removeConnection',
        'saveAssessment',
        'saveConnection',
        'syncNow',
        'testConnection',
      ].sort(),
    );
    for (const type of MESSAGE_TYPES) expect(requestSchemas[type]).toBeDefined();
  });

  it('accepts a valid assessment draft', () => {
    expect(parseRequest('saveAssessment', sampleDraft()).ticketKey).toBe('https://acme.zendesk.com#123');
  });

  it.each([
    ['a score out of range', { scores: { timely: 7 } }, 'scores.timely'],
    [
      'a ticket key that does not match the ticket',
      { ticketKey: 'https://other.zendesk.com#123' },
      'ticketKey: must be',
    ],
    [
      'a plain-http ticket origin',
      { ticket: { kind: 'zendesk', origin: 'http://acme.zendesk.com', ticketId: '123' } },
      'ticket.origin: Plain http',
    ],
    [
      'a non-numeric ticket id',
      { ticket: { kind: 'zendesk', origin: 'https://acme.zendesk.com', ticketId: 'x' } },
      'ticket.ticketId',
    ],
    ['an over-long note', { notes: { gotInTheWay: 'x'.repeat(2001), worked: '' } }, 'notes.gotInTheWay'],
  ])('rejects %s, naming the path', (_what, change, path) => {
    const run = () => parseRequest('saveAssessment', { ...sampleDraft(), ...change });
    expect(run).toThrow(InvalidRequestError);
    expect(run).toThrow(`saveAssessment was rejected:\n${path}`);
  });

  it('rejects a payload that is not an object at all', () => {
    expect(() => parseRequest('saveAssessment', 'hello')).toThrow('saveAssessment was rejected:\n(root)');
  });

  it('requires the typed word for eraseAllData', () => {
    expect(() => parseRequest('eraseAllData', { confirm: 'yes' })).toThrow('eraseAllData was rejected:\nconfirm');
    expect(parseRequest('eraseAllData', { confirm: 'ERASE' })).toEqual({ confirm: 'ERASE' });
  });

  it('requires credentials for a new connection, and a known helpdesk kind', () => {
    const form = {
      connectionId: null,
      kind: 'zendesk',
      origin: 'https://acme.zendesk.com',
      credentials: null,
      label: 'Acme',
    };
    expect(() => parseRequest('saveConnection', form)).toThrow(
      'credentials: credentials are required for a new connection',
    );
    expect(() => parseRequest('testConnection', { ...form, connectionId: 'c1', kind: 'kayako' })).toThrow(
      'kind: “kayako” is not a helpdesk GapLens supports',
    );
    expect(parseRequest('saveConnection', { ...form, connectionId: 'c1' }).credentials).toBeNull();
  });

  it('refuses a non-https connection origin outside this machine', () => {
    const form = {
      connectionId: null,
      kind: 'freshdesk',
      origin: 'http://acme.freshdesk.com',
      credentials: { type: 'api-key', apiKey: 'k' },
    };
    expect(() => parseRequest('testConnection', form)).toThrow(
      'origin: Plain http is only allowed for localhost and 127.0.0.1',
    );
    expect(parseRequest('testConnection', { ...form, origin: 'http://127.0.0.1:8123' }).origin).toBe(
      'http://127.0.0.1:8123',
    );
  });
});

describe('router', () => {
  const extension = { id: 'gaplens-id', pageOrigin: 'chrome-extension://gaplens-id/' };
  const calls: unknown[] = [];
  const handlers = {
    saveAssessment: async (request: unknown) => {
      calls.push(request);
      return { created: true } as never;
    },
  } as unknown as Handlers;
  const route = createRouter(handlers, extension);
  const popup = { id: 'gaplens-id', url: 'chrome-extension://gaplens-id/popup.html' };

  it('runs the handler with the parsed request', async () => {
    await expect(route('saveAssessment', sampleDraft(), popup)).resolves.toEqual({ created: true });
    expect(calls).toHaveLength(1);
  });

  it('never runs the handler for an invalid request', async () => {
    calls.length = 0;
    await expect(route('saveAssessment', { ...sampleDraft(), scores: null }, popup)).rejects.toThrow('scores:');
    expect(calls).toHaveLength(0);
  });

  it('rejects messages from content scripts and other extensions', async () => {
    const contentScript = { id: 'gaplens-id', url: 'https://acme.zendesk.com/agent/tickets/1' };
    await expect(route('saveAssessment', sampleDraft(), contentScript)).rejects.toThrow(
      'may only be sent by a GapLens page',
    );
    await expect(route('saveAssessment', sampleDraft(), { ...popup, id: 'other' })).rejects.toThrow(
      'may only be sent by a GapLens page',
    );
    expect(calls).toHaveLength(0);
  });
});
