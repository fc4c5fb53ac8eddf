/**
 * The content script's side of the one message protocol (the schemas that validate it live in
 * lib/messaging/content-protocol.ts; the background never trusts these types, it parses). Kept free
 * of imports so the content script, a guest in the helpdesk's page, stays tiny: no zod, no Dexie.
 */

/** Marks a message from GapLens's content script to its background. */
export const CONTENT_CHANNEL = 'gaplens:content';
/** Marks a message from the background to GapLens's content script in one tab. */
export const PROMPT_CHANNEL = 'gaplens:prompt';

/** What the background tells a helpdesk page it may read: computed from the adapter, sent as data. */
export interface PageConfig {
  kind: string;
  /** Product name for the card, e.g. “Zendesk”. */
  label: string;
  /** `RegExp.source` of the adapter's ticket path; group 1 is the ticket id. */
  ticketPath: string;
  selectors: PageSelectors;
}

/**
 * Where the agent UI keeps what the optional DOM path reads. Each list is tried in order: the first
 * selector is the current UI, later ones are fallbacks. Nothing breaks when none matches.
 */
export interface PageSelectors {
  statusControl: readonly string[];
  submitControl: readonly string[];
  /** Values or labels of the status control (lower case) that mean “done”. */
  doneStatuses: readonly string[];
}

export type TicketEvent = 'viewing' | 'left' | 'updated';

/** Requests the content script sends, by type. */
export interface ContentRequests {
  getPageConfig: Record<string, never>;
  reportTicketEvent: { event: TicketEvent; ticketId: string; domStatus: string | null };
  reportPageHealth: { ticketId: string; statusControl: boolean; submitControl: boolean };
  saveCardRating: {
    ticketId: string;
    standardSetId: string;
    standardSetVersion: number;
    scores: Record<string, number | 'na'>;
    prediction: string | number;
  };
  /** “Rate later” (0) or “snooze” (minutes). */
  dismissPrompt: { ticketId: string; snoozeMinutes: number };
  openFullForm: { ticketId: string };
}

export interface ContentResponses {
  getPageConfig: PageConfig | null;
  reportTicketEvent: { ok: true };
  reportPageHealth: { ok: true };
  saveCardRating: { ok: true } | { ok: false; error: string };
  dismissPrompt: { ok: true };
  openFullForm: { ok: boolean };
}

export type ContentMessageType = keyof ContentRequests;

export interface ContentEnvelope<K extends ContentMessageType = ContentMessageType> {
  channel: typeof CONTENT_CHANNEL;
  type: K;
  data: ContentRequests[K];
  timestamp: number;
}

/** The card the background asks a tab to show after a ticket is done. */
export interface PromptCard {
  ticketId: string;
  label: string;
  subject: string | null;
  standardSetId: string;
  standardSetVersion: number;
  standards: readonly { id: string; title: string; allowNa: boolean }[];
  /** The helpdesk's CSAT scale, best answer first (as the popup lists it). */
  predictionPoints: readonly { value: string | number; label: string }[];
  autoHideMs: number;
}

export type PromptMessage =
  | { channel: typeof PROMPT_CHANNEL; type: 'showPrompt'; data: PromptCard }
  | { channel: typeof PROMPT_CHANNEL; type: 'hidePrompt'; data: { ticketId: string } };
