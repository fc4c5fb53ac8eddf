import type { ContentRequests, ContentResponses, PageConfig, PromptMessage } from './channel';
import { showCard } from './card';
import { pageHealth, queryAll, queryFirst, readStatus } from './selectors';

/** What the page script needs from its surroundings; the entrypoint passes the browser's, tests fakes. */
export interface HelpdeskPageDeps {
  send<K extends keyof ContentRequests>(type: K, data: ContentRequests[K]): Promise<ContentResponses[K] | undefined>;
  /** Aborted on extension reload or when a newer copy of the script starts: everything below stops. */
  signal: AbortSignal;
  /** Calls back on in-page (pushState) navigation with the new address. */
  onLocationChange(listener: (url: URL) => void): void;
  onPrompt(listener: (message: PromptMessage) => void): void;
  location: () => URL;
  root: Document;
}

/** After a submit, the helpdesk's own save request needs a moment before the API shows the change. */
export const SUBMIT_SETTLE_MS = 1500;
/** Single-page apps render the ticket after the URL changes: check the hooks once it has had time. */
export const HEALTH_CHECK_DELAY_MS = 2000;

export function ticketIdOf(config: PageConfig, url: URL): string | null {
  const match = new RegExp(config.ticketPath).exec(url.pathname + url.hash);
  return match?.[1] ?? null;
}

/**
 * Watches a helpdesk tab: which ticket is in view (from the URL, following in-page navigation),
 * when the agent leaves it or submits it, and shows the card when the background says a ticket is
 * done. It only reports; the background asks the helpdesk's API what really happened.
 */
export function watchHelpdeskPage(config: PageConfig, deps: HelpdeskPageDeps): void {
  const { signal, root } = deps;
  let current = ticketIdOf(config, deps.location());
  let card: { close(): void; ticketId: string } | null = null;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!signal.aborted) fn();
    }, ms);
    timers.add(timer);
  };
  signal.addEventListener('abort', () => timers.forEach(clearTimeout), { once: true });

  const report = (event: ContentRequests['reportTicketEvent']['event'], ticketId: string, domStatus: string | null) =>
    void deps.send('reportTicketEvent', { event, ticketId, domStatus }).catch(() => undefined);

  const statusNow = () => readStatus(queryFirst(root, config.selectors.statusControl))[0] ?? null;

  const viewing = (ticketId: string) => {
    report('viewing', ticketId, null);
    later(() => {
      if (current !== ticketId) return;
      void deps.send('reportPageHealth', { ticketId, ...pageHealth(root, config.selectors) }).catch(() => undefined);
    }, HEALTH_CHECK_DELAY_MS);
  };

  if (current) viewing(current);

  deps.onLocationChange((url) => {
    const next = ticketIdOf(config, url);
    if (next === current) return;
    if (current) report('left', current, statusNow());
    current = next;
    if (current) viewing(current);
  });

  // The agent submits: a form submit (any UI) or a click on the adapter's submit control (UIs that
  // save without a form). Read the status now, report once the save has had time to land.
  const onSubmit = () => {
    const ticketId = current;
    if (!ticketId) return;
    const status = statusNow();
    later(() => report('updated', ticketId, status), SUBMIT_SETTLE_MS);
  };
  root.addEventListener('submit', (event) => event.isTrusted && onSubmit(), { capture: true, signal });
  root.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || !(event.target instanceof Element)) return;
      const submit = queryFirst(root, config.selectors.submitControl);
      // A click on a submit button inside a form already reports through `submit`.
      if (submit?.contains(event.target) && !submit.closest('form')) onSubmit();
    },
    { capture: true, signal },
  );
  // A full navigation away (closing the tab, another site) is also leaving the ticket.
  window.addEventListener('pagehide', () => current && report('left', current, statusNow()), { signal });

  deps.onPrompt((message) => {
    if (message.type === 'hidePrompt') {
      if (card?.ticketId === message.data.ticketId) card.close();
      return;
    }
    const prompt = message.data;
    card?.close();
    const ticketId = prompt.ticketId;
    const shown = showCard(
      prompt,
      {
        save: async (state) => {
          const result = await deps
            .send('saveCardRating', {
              ticketId,
              standardSetId: prompt.standardSetId,
              standardSetVersion: prompt.standardSetVersion,
              scores: state.scores,
              prediction: state.prediction ?? '',
            })
            .catch((error: unknown) => ({ ok: false as const, error: String(error) }));
          return result ?? { ok: false, error: 'GapLens did not answer; try the popup.' };
        },
        later: () => void deps.send('dismissPrompt', { ticketId, snoozeMinutes: 0 }).catch(() => undefined),
        snooze: () => void deps.send('dismissPrompt', { ticketId, snoozeMinutes: 30 }).catch(() => undefined),
        fullForm: async () => {
          const opened = await deps.send('openFullForm', { ticketId }).catch(() => undefined);
          // Chrome opens the popup only in a focused window; otherwise the toolbar button (or its
          // shortcut) opens it on this ticket for the next 30 s.
          return opened?.ok ? null : 'Click the GapLens toolbar button to open the full form for this ticket.';
        },
      },
      { signal, avoid: () => queryAll(root, config.selectors.submitControl) },
    );
    card = { ticketId, close: shown.close };
  });
}
