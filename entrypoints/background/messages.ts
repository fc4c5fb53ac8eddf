import { browser } from 'wxt/browser';
import { onMessage } from '../../lib/messaging/messenger';
import { MESSAGE_TYPES, type MessageType } from '../../lib/messaging/protocol';
import { createRouter } from '../../lib/messaging/router';
import { handlers } from './handlers';

/** Answers every message of the protocol; each request is validated before its handler runs. */
export function registerMessageHandlers(): void {
  const route = createRouter(handlers, { id: browser.runtime.id, pageOrigin: browser.runtime.getURL('/') });
  for (const type of MESSAGE_TYPES) {
    onMessage(type, ({ data, sender }) => route(type as MessageType, data, sender) as never);
  }
}
