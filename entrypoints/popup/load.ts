import { browser } from 'wxt/browser';
import { readShortcut } from '../../components/shortcut';
import { readAssessment, recentAssessments, type AssessmentList } from '../../lib/db/assessments';
import { getDb } from '../../lib/db/db';
import { readActiveStandardSet } from '../../lib/db/standard-sets';
import type { StoredRead } from '../../lib/db/stored-read';
import { getAdapter, recognizeTicket } from '../../lib/helpdesks/registry';
import type { HelpdeskAdapter } from '../../lib/helpdesks/types';
import { ticketKey, type SelfAssessment, type StandardSet, type TicketRef } from '../../lib/model';
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
  | (Common & { view: 'other'; recent: AssessmentList });

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
  const [tabs, { settings, problem: settingsProblem }, shortcut] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }),
    readSettings(),
    readShortcut().catch(() => null),
  ]);
  const problems = settingsProblem ? [settingsProblem] : [];
  const url = tabs[0]?.url;
  const ticket = url ? recognizeTicket(url, settings.helpdeskOrigins) : null;
  const adapter = ticket && getAdapter(ticket.kind);
  if (!ticket || !adapter) return { view: 'other', recent: await recentAssessments(10), problems, shortcut };

  const [active, saved] = await Promise.all([
    readActiveStandardSet(settings.activeStandardSetId),
    readAssessment(ticketKey(ticket.origin, ticket.ticketId)),
  ]);
  if (active.problem) problems.push(active.problem);
  return { view: 'ticket', ticket, adapter, set: active.set, saved, problems, shortcut };
}
