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
