/**
 * Small agent ticket pages, enough for the content script to find a ticket, its status control and
 * the moment the agent submits: subject, requester, a labelled status <select>, a reply <textarea>,
 * a Submit button that saves the status with fetch, and previous/next links that switch tickets
 * in-page with history.pushState, as the real single-page agent UIs do. No external resources.
 *
 * Stable hooks: `data-test-id` values. For Zendesk they reuse names the real Agent Workspace uses
 * (omni-header-subject, ticket-fields-status…, submit_button-button, as seen in public userscripts);
 * the Freshdesk ones are the simulator's own.
 */
import { customerName } from './generator';
import { html, type SimResponse } from './http-kit';
import type { SimData, SimTicket } from './model';
import { findTicket } from './mutations';

export type PageHook =
  | 'app'
  | 'ticketId'
  | 'subject'
  | 'requester'
  | 'assignee'
  | 'description'
  | 'statusView'
  | 'status'
  | 'reply'
  | 'submit'
  | 'prev'
  | 'next'
  | 'toast';

export interface PageStyle {
  product: 'Zendesk' | 'Freshdesk' | 'Gorgias' | 'Help Scout' | 'Intercom';
  /** Ticket page path before the id: `/agent/tickets/` or `/a/tickets/`. */
  pathPrefix: string;
  /** A ticket's page path when it is more than prefix + id (Help Scout: `/conversation/{id}/{number}`). */
  pathOf?(ticket: Pick<SimTicket, 'id'>): string;
  /** `RegExp` source finding the ticket id in a page path (group 1); default: the path's last number. */
  idPattern?: string;
  /** Options of the status select: the value posted, and the label shown. */
  statuses: readonly { value: string; label: string }[];
  statusOf(ticket: SimTicket): string;
  testIds: Record<PageHook, string>;
  accent: string;
}

/** What the page shows of one ticket; also the JSON the in-page navigation fetches. */
export interface TicketView {
  id: number;
  path: string;
  subject: string;
  description: string;
  requester: { name: string; email: string };
  assignee: string | null;
  status: string;
  statusLabel: string;
  prevId: number | null;
  nextId: number | null;
}

export function ticketView(data: SimData, style: PageStyle, ticket: SimTicket): TicketView {
  const index = data.tickets.indexOf(ticket);
  const status = style.statusOf(ticket);
  return {
    id: ticket.id,
    path: style.pathOf?.(ticket) ?? `${style.pathPrefix}${ticket.id}`,
    subject: ticket.subject,
    description: ticket.description,
    requester: customerName(ticket.requesterId),
    assignee: data.agents.find((agent) => agent.id === ticket.assigneeId)?.name ?? null,
    status,
    statusLabel: style.statuses.find((option) => option.value === status)?.label ?? status,
    prevId: data.tickets[index - 1]?.id ?? null,
    nextId: data.tickets[index + 1]?.id ?? null,
  };
}

export function ticketPage(data: SimData, style: PageStyle, ticketId: string): SimResponse {
  const ticket = findTicket(data, ticketId);
  if (!ticket) {
    return html(404, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ticket not found</title></head><body><h1>Ticket #${escapeHtml(ticketId)} not found</h1></body></html>`);
  }
  return html(200, renderPage(style, ticketView(data, style, ticket)));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function renderPage(style: PageStyle, view: TicketView): string {
  const id = style.testIds;
  const attr = (hook: PageHook) => `data-test-id="${escapeHtml(id[hook])}"`;
  const options = style.statuses
    .map((option) => `<option value="${escapeHtml(option.value)}"${option.value === view.status ? ' selected' : ''}>${escapeHtml(option.label)}</option>`)
    .join('');
  const navLink = (hook: 'prev' | 'next', target: number | null, label: string) =>
    `<a ${attr(hook)} data-sim-nav href="${target === null ? '#' : `${style.pathPrefix}${target}`}" data-ticket-id="${target ?? ''}"${target === null ? ' hidden' : ''}>${label}</a>`;
  // JSON inside <script> must not be able to close the element.
  const config = JSON.stringify({ pathPrefix: style.pathPrefix, idPattern: style.idPattern ?? null, statuses: style.statuses, testIds: style.testIds }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`#${view.id} ${view.subject} – ${style.product} (simulated)`)}</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #2f3941; background: #f8f9f9; }
  header { background: ${style.accent}; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: center; }
  header nav { margin-left: auto; display: flex; gap: 12px; }
  header a { color: #fff; }
  main { display: grid; grid-template-columns: 260px 1fr; gap: 16px; padding: 16px; }
  aside, section { background: #fff; border: 1px solid #d8dcde; border-radius: 4px; padding: 12px; }
  label { display: block; font-weight: 600; margin: 12px 0 4px; }
  input, select, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: 6px; }
  textarea { min-height: 120px; }
  footer { display: flex; justify-content: flex-end; margin-top: 12px; }
  button { background: ${style.accent}; color: #fff; border: 0; border-radius: 4px; padding: 8px 16px; font: inherit; cursor: pointer; }
  [role="status"] { min-height: 1.4em; margin-top: 8px; color: #038153; }
</style>
</head>
<body ${attr('app')}>
<header>
  <strong>${style.product} · simulated agent workspace</strong>
  <span ${attr('ticketId')}>#${view.id}</span>
  <nav aria-label="Tickets">${navLink('prev', view.prevId, '← Previous ticket')}${navLink('next', view.nextId, 'Next ticket →')}</nav>
</header>
<main>
  <aside aria-label="Ticket properties">
    <div>Requester: <span ${attr('requester')}>${escapeHtml(view.requester.name)} &lt;${escapeHtml(view.requester.email)}&gt;</span></div>
    <div>Assignee: <span ${attr('assignee')}>${escapeHtml(view.assignee ?? 'Unassigned')}</span></div>
    <div>Current status: <span ${attr('statusView')}>${escapeHtml(view.statusLabel)}</span></div>
    <label for="ticket-status">Status</label>
    <select id="ticket-status" name="status" ${attr('status')}>${options}</select>
  </aside>
  <section>
    <label for="ticket-subject">Subject</label>
    <input id="ticket-subject" ${attr('subject')} value="${escapeHtml(view.subject)}" readonly>
    <p ${attr('description')}>${escapeHtml(view.description)}</p>
    <form id="ticket-form">
      <label for="ticket-reply">Reply</label>
      <textarea id="ticket-reply" name="reply" ${attr('reply')} placeholder="Write a reply…"></textarea>
      <footer><button type="submit" ${attr('submit')}>Submit as ${escapeHtml(view.statusLabel)}</button></footer>
      <div role="status" aria-live="polite" ${attr('toast')}></div>
    </form>
  </section>
</main>
<script type="application/json" id="sim-config">${config}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>`;
}

/**
 * Runs in the page. Plain ES2020, no DOM strings: every update sets textContent or a property.
 * The ticket id in view is always read from the URL, as an extension would.
 */
const PAGE_SCRIPT = `
(() => {
  const config = JSON.parse(document.getElementById('sim-config').textContent);
  const byHook = (hook) => document.querySelector('[data-test-id="' + config.testIds[hook] + '"]');
  const idPattern = new RegExp(config.idPattern || '(\\\\d+)\\\\/?$');
  const currentId = () => (location.pathname.match(idPattern) || [])[1];
  const labelOf = (value) => (config.statuses.find((s) => s.value === value) || { label: value }).label;
  const statusSelect = byHook('status');
  const submit = byHook('submit');
  const toast = byHook('toast');

  function setNav(hook, id) {
    const link = byHook(hook);
    link.hidden = id === null;
    link.dataset.ticketId = id === null ? '' : String(id);
    link.href = id === null ? '#' : config.pathPrefix + id;
  }

  function render(view) {
    document.title = '#' + view.id + ' ' + view.subject + ' – ' + document.title.split(' – ').pop();
    byHook('ticketId').textContent = '#' + view.id;
    byHook('subject').value = view.subject;
    byHook('description').textContent = view.description;
    byHook('requester').textContent = view.requester.name + ' <' + view.requester.email + '>';
    byHook('assignee').textContent = view.assignee || 'Unassigned';
    byHook('statusView').textContent = view.statusLabel;
    statusSelect.value = view.status;
    byHook('reply').value = '';
    submit.textContent = 'Submit as ' + view.statusLabel;
    toast.textContent = '';
    setNav('prev', view.prevId);
    setNav('next', view.nextId);
  }

  async function show(id, push) {
    const response = await fetch('/__sim/page-data/tickets/' + id);
    if (!response.ok) return;
    const view = await response.json();
    if (push) history.pushState({ id: view.id }, '', view.path);
    render(view);
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-sim-nav]') : null;
    if (!link || !link.dataset.ticketId) return;
    event.preventDefault();
    show(link.dataset.ticketId, true);
  });
  window.addEventListener('popstate', () => {
    const id = currentId();
    if (id) show(id, false);
  });
  statusSelect.addEventListener('change', () => {
    submit.textContent = 'Submit as ' + labelOf(statusSelect.value);
  });
  document.getElementById('ticket-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = currentId();
    submit.disabled = true;
    try {
      const response = await fetch('/__sim/tickets/' + id + '/status', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: statusSelect.value, reply: byHook('reply').value }),
      });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const view = await response.json();
      render(view);
      toast.textContent = 'Ticket #' + view.id + ' updated: ' + view.statusLabel;
    } catch (error) {
      toast.textContent = 'Could not update the ticket (' + error.message + ')';
    } finally {
      submit.disabled = false;
    }
  });
})();
`;
