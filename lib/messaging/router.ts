import type { ContentMessageType, ContentResponses } from '../content/channel';
import { parseContentMessage, type ParsedContentRequest } from './content-protocol';
import { parseRequest, type MessageType, type ParsedRequestOf, type Responses } from './protocol';

export type Handlers = { [K in MessageType]: (request: ParsedRequestOf<K>) => Promise<Responses[K]> };

/** Who sent a message, as the browser reports it (`runtime.MessageSender`). */
export type Sender = { id?: string; url?: string };

/**
 * Routes one message: checks the sender is a page of this extension, validates the request with its
 * schema, then runs the handler. Anything that fails throws, and the sender receives the error.
 * Content scripts run inside the helpdesk's page; none of these messages is theirs to send.
 */
export function createRouter(handlers: Handlers, extension: { id: string; pageOrigin: string }) {
  return async function route<K extends MessageType>(type: K, data: unknown, sender: Sender): Promise<Responses[K]> {
    if (sender.id !== extension.id || !sender.url?.startsWith(extension.pageOrigin)) {
      throw new Error(`${type} was rejected: it may only be sent by a GapLens page.`);
    }
    return handlers[type](parseRequest(type, data));
  };
}

/** Who sent a message from a tab, as the browser reports it. */
export type ContentSender = Sender & { tab?: { id?: number }; frameId?: number };

/** Where a page-script message came from, as established by the browser (never by the message). */
export interface ContentOrigin {
  tabId: number;
  /** The connected helpdesk origin of the sending page. */
  origin: string;
}

export type ContentHandlers = {
  [K in ContentMessageType]: (request: ParsedContentRequest<K>, from: ContentOrigin) => Promise<ContentResponses[K]>;
};

/**
 * Routes the helpdesk page script's messages. The sender must be this extension's own content
 * script (same extension id) in the top frame of a tab whose page is on a connected origin; the
 * request must pass its schema. Anything else is dropped silently: a helpdesk page's own scripts
 * cannot reach runtime messaging at all, but a page we are not connected to (an old registration,
 * a redirect) must not be able to prompt or save either. Returns null when the message was dropped.
 */
export function createContentRouter(
  handlers: ContentHandlers,
  extension: { id: string; isConnectedOrigin(origin: string): Promise<boolean> },
) {
  return async function route(message: unknown, sender: ContentSender): Promise<unknown> {
    const parsed = parseContentMessage(message);
    if (!parsed) return null;
    const tabId = sender.tab?.id;
    if (sender.id !== extension.id || tabId === undefined || tabId < 0 || sender.frameId !== 0 || !sender.url)
      return null;
    let origin: string;
    try {
      origin = new URL(sender.url).origin;
    } catch {
      return null;
    }
    if (!(await extension.isConnectedOrigin(origin))) return null;
    const handler = handlers[parsed.type] as (request: unknown, from: ContentOrigin) => Promise<unknown>;
    return handler(parsed.data, { tabId, origin });
  };
}
