import type { PromptCard } from './channel';
import { cardKey, initialCardState, isAgentTyping, isComplete, type CardState } from './card-state';

/** What the card asks its owner to do; the owner talks to the background. */
export interface CardHandlers {
  save(state: CardState): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Hidden without a rating (“rate later”, Esc, auto-hide): the ticket stays in the unrated list. */
  later(): void;
  snooze(): void;
  /** Opens the popup on this ticket; resolves to a note for the agent when the browser would not. */
  fullForm(): Promise<string | null>;
}

export interface CardOptions {
  /** The helpdesk's submit controls, which the card must never cover. */
  avoid(): readonly Element[];
  signal: AbortSignal;
}

/** The custom element name keeps page CSS written for ordinary tags off the host. */
export const CARD_TAG = 'gaplens-card';

// `all: initial` on the host stops the page's inherited styles at the shadow boundary; the card's
// own rules live inside the shadow root, so they never reach the page either.
const CARD_CSS = `
:host { all: initial; }
.card { box-sizing: border-box; width: 300px; padding: 10px 12px; border-radius: 8px; background: #fff; color: #1f2328;
  font: 13px/1.35 system-ui, sans-serif; border: 1px solid #c9d1d9; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.title { margin: 0 0 2px; font-weight: 600; }
.subject { margin: 0 0 6px; color: #57606a; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
ol { list-style: none; margin: 0; padding: 0; }
li { display: flex; justify-content: space-between; gap: 8px; padding: 1px 4px; border-radius: 4px; }
li.current { background: #ddf4ff; outline: 1px solid #54aeff; }
.value { font-variant-numeric: tabular-nums; color: #0969da; min-width: 3ch; text-align: right; }
.hint { margin: 6px 0 0; color: #57606a; font-size: 12px; }
.status { margin: 4px 0 0; min-height: 1em; font-size: 12px; color: #cf222e; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
button { font: inherit; font-size: 12px; padding: 3px 8px; border-radius: 4px; border: 1px solid #c9d1d9; background: #f6f8fa; color: inherit; cursor: pointer; }
button.primary { background: #1f883d; border-color: #1f883d; color: #fff; }
@media (prefers-color-scheme: dark) {
  .card { background: #161b22; color: #e6edf3; border-color: #30363d; }
  .subject, .hint { color: #8d96a0; }
  li.current { background: #0c2d6b; }
  button { background: #21262d; border-color: #30363d; }
}
`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const CORNERS = [
  { bottom: '16px', right: '16px' },
  { top: '16px', right: '16px' },
  { bottom: '16px', left: '16px' },
  { top: '16px', left: '16px' },
] as const;

/**
 * Shows the rating card in a shadow root. Built with createElement and textContent only (the
 * ticket's subject is the customer's text). It never takes focus: keys reach it only while the
 * agent is not typing in the page, and only real key presses (`isTrusted`), so a page script
 * cannot rate, save or dismiss. Returns `close`, also called when `signal` aborts.
 */
export function showCard(card: PromptCard, handlers: CardHandlers, options: CardOptions): { close(): void } {
  let state = initialCardState();
  let closed = false;
  let saving = false;
  const host = document.createElement(CARD_TAG);
  host.setAttribute('data-gaplens-ticket', card.ticketId);
  // Inline and important: a page rule like `* { position: static }` must not move the card into the flow.
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('z-index', '2147483647', 'important');
  host.style.setProperty('display', 'block', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = element('style');
  style.textContent = CARD_CSS;
  const root = element('div', 'card');
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-label', `GapLens: rate ${card.label} #${card.ticketId}`);
  root.append(element('p', 'title', `GapLens · ${card.label} #${card.ticketId} is done. Rate it?`));
  if (card.subject) root.append(element('p', 'subject', card.subject));
  const list = element('ol');
  const rows = [...card.standards.map((standard) => standard.title), 'Customer will say'].map((title) => {
    const row = element('li');
    const value = element('span', 'value', '·');
    row.append(element('span', undefined, title), value);
    list.append(row);
    return { row, value };
  });
  root.append(list);
  root.append(element('p', 'hint', '1–5 rate · n N/A · Enter saves · Esc later'));
  const status = element('p', 'status');
  status.setAttribute('role', 'status');
  root.append(status);
  const actions = element('div', 'actions');
  const button = (label: string, onClick: () => void, className?: string) => {
    const node = element('button', className, label);
    node.type = 'button';
    node.addEventListener('click', (event) => event.isTrusted && onClick(), { signal: options.signal });
    actions.append(node);
    return node;
  };
  const saveButton = button('Save', () => void save(), 'primary');
  button('Rate later', () => finish(handlers.later));
  button('Snooze 30 min', () => finish(handlers.snooze));
  button('Full form…', () => void handlers.fullForm().then((note) => note && (status.textContent = note)));
  root.append(actions);
  shadow.append(style, root);

  function render() {
    card.standards.forEach((standard, index) => {
      const score = state.scores[standard.id];
      rows[index]!.value.textContent = score === undefined ? '·' : score === 'na' ? 'N/A' : String(score);
    });
    const predicted = card.predictionPoints.find((point) => point.value === state.prediction);
    rows[card.standards.length]!.value.textContent = predicted ? predicted.label : '·';
    rows.forEach(({ row }, index) => row.classList.toggle('current', index === state.index));
    saveButton.disabled = !isComplete(card, state) || saving;
  }

  function place() {
    const avoid = options.avoid().map((node) => node.getBoundingClientRect());
    for (const corner of CORNERS) {
      for (const side of ['top', 'right', 'bottom', 'left'] as const) host.style.removeProperty(side);
      for (const [side, value] of Object.entries(corner)) host.style.setProperty(side, value, 'important');
      const rect = host.getBoundingClientRect();
      if (!avoid.some((other) => intersects(rect, other))) return;
    }
  }

  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const armHideTimer = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => finish(handlers.later), card.autoHideMs);
  };

  async function save() {
    if (saving || !isComplete(card, state)) return;
    saving = true;
    render();
    const result = await handlers.save(state);
    saving = false;
    if (result.ok) close();
    else {
      status.textContent = result.error;
      render();
    }
  }

  function finish(then: () => void) {
    if (closed) return;
    close();
    then();
  }

  function close() {
    if (closed) return;
    closed = true;
    clearTimeout(hideTimer);
    window.removeEventListener('keydown', onKeyDown, true);
    host.remove();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!event.isTrusted || isAgentTyping(document.activeElement, event)) return;
    const { state: next, action } = cardKey(card, state, event.key);
    if (action === 'none') return;
    // The key was the card's: the helpdesk's own shortcuts must not act on it too.
    event.preventDefault();
    event.stopImmediatePropagation();
    state = next;
    armHideTimer();
    if (action === 'dismiss') finish(handlers.later);
    else if (action === 'save') void save();
    else {
      status.textContent = action === 'incomplete' ? 'Rate every line first.' : '';
      render();
    }
  }

  // Capture phase on window: the card sees a key before the page's handlers, and only then.
  window.addEventListener('keydown', onKeyDown, { capture: true, signal: options.signal });
  root.addEventListener('pointerenter', () => clearTimeout(hideTimer), { signal: options.signal });
  root.addEventListener('pointerleave', armHideTimer, { signal: options.signal });
  options.signal.addEventListener('abort', close, { once: true });
  render();
  document.documentElement.append(host);
  place();
  armHideTimer();
  return { close };
}
