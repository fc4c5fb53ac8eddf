import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/**
 * The one messenger of GapLens. Pages call `sendMessage('saveAssessment', draft)`; only the background
 * registers handlers (entrypoints/background/messages.ts), which validate every request first.
 * A rejected request arrives here as a thrown Error whose message says what was wrong.
 */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>({
  // The default logger prints every message; keep warnings and errors only.
  logger: {
    debug() {},
    log() {},
    warn: (...args) => console.warn(...args),
    error: (...args) => console.error(...args),
  },
});
