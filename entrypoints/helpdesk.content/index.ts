import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  CONTENT_CHANNEL,
  PROMPT_CHANNEL,
  type ContentRequests,
  type ContentResponses,
  type PageConfig,
  type PromptMessage,
} from '../../lib/content/channel';
import { watchHelpdeskPage } from '../../lib/content/ticket-watch';

/**
 * The helpdesk page script: a guest in the agent's helpdesk. Registered at run time, only for the
 * origins the user connected (lib/prompt/registration.ts), never in the manifest. It asks the
 * background what this page is, watches the ticket in view and shows the rating card; the
 * background decides everything else. wxt.config.ts builds it without the webextension polyfill
 * (`browser` here is the browser's own `chrome`/`browser` object), and nothing here may import
 * zod, Dexie or React (eslint's no-restricted-imports keeps it so).
 */
export default defineContentScript({
  registration: 'runtime',
  async main(ctx) {
    // A second copy (extension reloaded, script injected twice) replaces this one through ctx.
    const send = async <K extends keyof ContentRequests>(type: K, data: ContentRequests[K]) => {
      if (ctx.isInvalid) return undefined;
      // `timestamp`: the extension pages' messaging library (@webext-core/messaging) also listens in
      // the background and throws on a message without one, which would answer before our router.
      const envelope = { channel: CONTENT_CHANNEL, type, data, timestamp: Date.now() };
      return (await browser.runtime.sendMessage(envelope)) as ContentResponses[K] | undefined;
    };
    const config: PageConfig | null | undefined = await send('getPageConfig', {}).catch(() => null);
    if (!config || ctx.isInvalid) return;
    watchHelpdeskPage(config, {
      send,
      signal: ctx.signal,
      location: () => new URL(location.href),
      root: document,
      onLocationChange: (listener) =>
        ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => listener(new URL(newUrl))),
      onPrompt: (listener) => {
        const onMessage = (message: unknown) => {
          const prompt = message as PromptMessage | null;
          if (prompt?.channel === PROMPT_CHANNEL) listener(prompt);
        };
        browser.runtime.onMessage.addListener(onMessage);
        ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
      },
    });
  },
});
