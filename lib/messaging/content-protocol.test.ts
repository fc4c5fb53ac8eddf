import { describe, expect, it, vi } from 'vitest';
import { CONTENT_CHANNEL } from '../content/channel';
import { createContentRouter, type ContentHandlers } from './router';

const EXTENSION_ID = 'abcdefghijklmnop';
const ORIGIN = 'https://acme.zendesk.com';

function setup() {
  const reportTicketEvent = vi.fn(async () => ({ ok: true as const }));
  const handlers = { reportTicketEvent } as unknown as ContentHandlers;
  const route = createContentRouter(handlers, {
    id: EXTENSION_ID,
    isConnectedOrigin: async (origin) => origin === ORIGIN,
  });
  return { route, reportTicketEvent };
}

const message = {
  channel: CONTENT_CHANNEL,
  type: 'reportTicketEvent',
  data: { event: 'left', ticketId: '42', domStatus: null },
};
const sender = { id: EXTENSION_ID, url: `${ORIGIN}/agent/tickets/42`, tab: { id: 3 }, frameId: 0 };

describe('the page script channel', () => {
  it('routes a valid message from our content script on a connected origin, with the origin from the sender', async () => {
    const { route, reportTicketEvent } = setup();
    expect(await route(message, sender)).toEqual({ ok: true });
    expect(reportTicketEvent).toHaveBeenCalledWith(message.data, { tabId: 3, origin: ORIGIN });
  });

  it.each([
    ['another extension', { ...sender, id: 'someone-else' }],
    [
      'an extension page (no tab)',
      { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html`, frameId: 0 },
    ],
    ['a frame inside the page', { ...sender, frameId: 2 }],
    ['an origin that is not connected', { ...sender, url: 'https://evil.example/agent/tickets/42' }],
    ['a look-alike origin', { ...sender, url: 'https://acme.zendesk.com.evil.example/agent/tickets/42' }],
  ])('drops a message from %s', async (_what, from) => {
    const { route, reportTicketEvent } = setup();
    expect(await route(message, from)).toBeNull();
    expect(reportTicketEvent).not.toHaveBeenCalled();
  });

  it.each([
    ['another channel', { ...message, channel: 'gaplens:other' }],
    ['an unknown type', { ...message, type: 'eraseAllData' }],
    ['a bad ticket id', { ...message, data: { ...message.data, ticketId: '../1' } }],
    ['an unknown event', { ...message, data: { ...message.data, event: 'solved' } }],
    ['an inherited type name', { ...message, type: 'toString' }],
  ])('drops %s', async (_what, bad) => {
    const { route, reportTicketEvent } = setup();
    expect(await route(bad, sender)).toBeNull();
    expect(reportTicketEvent).not.toHaveBeenCalled();
  });
});
