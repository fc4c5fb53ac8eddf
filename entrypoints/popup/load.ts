import { browser } from 'wxt/browser';
import { readShortcut } from '../../components/shortcut';
import { readAssessment, recentAssessments, type AssessmentList } from '../../lib/db/assessments';
import { getDb } from '../../lib/db/db';
import { readActiveStandardSet } from '../../lib/db/standard-sets';
import type { StoredRead } from '../../lib/db/stored-read';
import { getAdapter, recognizeTicket } from '../../lib/helpdesks/registry';
import type { HelpdeskAdapter } from '../../lib/helpdesks/types';
import { ticketKey, type SelfAssessment, type StandardSet, type TicketRef } from '../../lib/model';
import { readFullFormRequest, readUnrated } from '../../lib/prompt/store';
import type { DoneTicket } from '../../lib/prompt/unrated-queue';
import { readSettings } from '../../lib/settings/settings-store';

export interface Common {
  /** Why some stored data could not be used (shown as notices; the popup still works). */
  problems: string[];
  shortcut: string | null;
}

export type PopupData =
  | (Common & {
      view: 'ticket';
      ticket: TicketRef;
      adapter: HelpdeskAdapter;
      set: StandardSet;
      saved: StoredRead<SelfAssessment>;
    })
  | (Common & { view: 'other'; recent: AssessmentList; unrated: DoneTicket[] });

/**
 * Everything the popup shows, read in as few round trips as possible: the active tab, settings and
 * shortcut together, then either the ticket's set and saved assessment or the recent list.
 * Uses `activeTab`: the tab's URL is readable only because the user opened the popup on it.
 */
export async function loadPopup(): Promise<PopupData> {
  // Opening IndexedDB is the slowest read: start it while the tab and settings are read. The queries
  // below wait for it; a failure to open surfaces there, so it is not reported twice.
  getDb()
    .open()
    .catch(() => undefined);
  const [tabs, { settings, problem: settingsProblem }, shortcut, fullForm] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }),
    readSettings(),
    readShortcut().catch(() => null),
    readFullFormRequest().catch(() => null),
  ]);
  const problems = settingsProblem ? [settingsProblem] : [];
  const url = tabs[0]?.url;
  // “Full form…” on the in-page card names its ticket, which may no longer be the one in view.
  const ticket = fullForm ?? (url ? recognizeTicket(url, settings.helpdeskOrigins) : null);
  const view = ticket && (await loadTicketView(ticket, settings.activeStandardSetId, { problems, shortcut }));
  if (view) return view;
  const [recent, unrated] = await Promise.all([recentAssessments(10), readUnrated().catch(() => [])]);
  return { view: 'other', recent, unrated, problems, shortcut };
}

/** The rating form's data for one ticket: the active tab's, or one picked from the unrated list. */
export async function loadTicketView(
  ticket: TicketRef,
  standardSetId: string,
  common: Common,
): Promise<Extract<PopupData, { view: 'ticket' }> | null> {
  const adapter = getAdapter(ticket.kind);
  if (!adapter) return null;
  const [active, saved] = await Promise.all([
    readActiveStandardSet(standardSetId),
    readAssessment(ticketKey(ticket.origin, ticket.ticketId)),
  ]);
  const problems = active.problem ? [...common.problems, active.problem] : common.problems;
  return { view: 'ticket', ticket, adapter, set: active.set, saved, problems, shortcut: common.shortcut };
}
