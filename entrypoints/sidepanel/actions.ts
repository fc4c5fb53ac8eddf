import { browser } from 'wxt/browser';
import { ticketUrl } from '../../components/ticket-link';
import { allAssessments } from '../../lib/db/assessments';
import { buildAssessmentsExport } from '../../lib/export/assessments-json';
import { downloadJson, exportFileName } from '../../lib/export/download';
import { openToolbarPopup } from '../../lib/browser/toolbar-action';
import { sendMessage } from '../../lib/messaging/messenger';
import type { TicketRef } from '../../lib/model';

/** What the panel's buttons and commands do. Each returns a sentence for the panel's status line. */

export async function syncNow(): Promise<string> {
  const { started } = await sendMessage('syncNow', { connectionId: null });
  return started === 0
    ? 'No helpdesk is connected: connect one in Settings to fetch your customers’ ratings.'
    : `Syncing ${started === 1 ? 'your helpdesk' : `${started} helpdesks`}… new ratings appear here as they arrive.`;
}

export async function exportMyData(): Promise<string> {
  const { assessments, damaged } = await allAssessments();
  downloadJson(exportFileName('assessments'), buildAssessmentsExport(assessments));
  const skipped = damaged > 0 ? ` ${damaged} damaged record${damaged === 1 ? ' was' : 's were'} left out.` : '';
  return `Exported ${assessments.length} assessments.${skipped}`;
}

export async function openSettings(): Promise<string> {
  await browser.runtime.openOptionsPage();
  return 'Settings opened in a tab.';
}

/**
 * Opens the rating popup for the active tab. `action.openPopup()` needs a user gesture (a click or
 * Enter in the palette is one) and, before Chrome 127, a policy; where it fails, the shortcut still works.
 */
export async function rateCurrentTicket(): Promise<string> {
  return (await openToolbarPopup())
    ? 'The rating form is open.'
    : 'Open the ticket in your helpdesk and press the GapLens shortcut (or click the toolbar button) to rate it.';
}

/** Opens a ticket the agent has not rated in the helpdesk, then the rating form for it. */
export async function openTicketToRate(ticket: TicketRef): Promise<string> {
  const url = ticketUrl(ticket);
  if (!url) return `GapLens cannot link to ${ticket.kind} tickets.`;
  await browser.tabs.create({ url, active: true });
  const rated = await rateCurrentTicket();
  return rated === 'The rating form is open.' ? rated : `Ticket #${ticket.ticketId} is open. ${rated}`;
}
