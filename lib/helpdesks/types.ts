import type {
  AuthType,
  Credentials,
  CsatPath,
  CsatScale,
  HelpdeskKind,
  HelpdeskOriginEntry,
  ScaledValue,
} from '../model';
import type { PageSelectors } from '../content/channel';
import type { FetchLike, RequestRunner } from './shared/http-client';

/**
 * What one helpdesk contributes to GapLens. Each helpdesk lives in its own folder under
 * lib/helpdesks/<kind>/ and registers one adapter in registry.ts; nothing else in the code branches
 * on the kind.
 */
export interface HelpdeskAdapter {
  kind: HelpdeskKind;
  /** Product name as agents know it, e.g. “Zendesk”. */
  label: string;
  /** Example of the helpdesk's own hosted origin, shown as a placeholder in forms. */
  exampleOrigin: string;
  /**
   * Recognises a ticket on the helpdesk's own hosted domain (`https://acme.zendesk.com/...`).
   * Returns the ticket id, or null. Must reject look-alike hosts and URLs that merely contain one.
   */
  matchHostedTicket(url: URL): string | null;
  /**
   * Recognises a ticket from the path (and hash) alone. Used only for origins the user configured
   * for this helpdesk (custom domains, the local simulator), never to guess. `entry` is that
   * configured origin; only the generic connection reads it (its ticket path template).
   */
  matchTicketPath(url: URL, entry?: HelpdeskOriginEntry): string | null;
  /**
   * The origin the helpdesk's API answers on for an agent UI at `origin`, for helpdesks whose API
   * has a host of its own (Help Scout: secure.helpscout.net → api.helpscout.net). Absent: the API is
   * on the agent UI's origin (Zendesk, Freshdesk, and every configured origin such as the simulator).
   * The connection stores the agent-UI origin; host access is asked for both.
   */
  apiOrigin?(origin: string): string;
  /** The agent-UI address of a ticket, for links back into the helpdesk. */
  ticketUrl(origin: string, ticketId: string): string;
  /** The scale the customer rates on and the agent predicts on, unless a connection says otherwise. */
  csatScale: CsatScale;
  /**
   * What the helpdesk page script reads: the ticket path (group 1 = id) and the optional DOM hooks.
   * Sent to the page as data, so the page script itself knows no helpdesk.
   */
  page: { ticketPath: RegExp; selectors: PageSelectors };

  // ── API side (background only: it needs credentials) ──

  /** The kinds of credentials this helpdesk accepts, first = the one a form offers first. */
  authTypes: readonly AuthType[];
  /**
   * What this helpdesk calls the secret of an auth type, where it differs from the form's default
   * (Gorgias: the `api-token` kind's secret is an “API key”).
   */
  secretLabels?: Partial<Record<AuthType, string>>;
}

/**
 * The API client factory of one helpdesk (`<kind>/client.ts`, registered in api-registry.ts). Kept
 * apart from {@link HelpdeskAdapter} so that pages which only recognise tickets (the popup, whose
 * time to interactive matters) do not load the API clients and their response schemas.
 */
export interface HelpdeskApiProvider {
  kind: HelpdeskKind;
  /**
   * A client for one account. `origin` is the connection's (agent-UI) origin; a helpdesk whose API
   * has a host of its own maps it with its adapter's `apiOrigin`. Throws `HelpdeskError('bad-url')`
   * for credentials of another auth type.
   */
  createApi(origin: string, credentials: Credentials, options?: HelpdeskApiOptions): HelpdeskApi;
}

/** How an API client talks to the network; everything is injectable so tests are fast and exact. */
export interface HelpdeskApiOptions {
  fetch?: FetchLike;
  /** Per request attempt, in milliseconds. */
  timeoutMs?: number;
  /** Retries and rate-limit waits; the default tries once (lib/sync passes a patient one). */
  runner?: RequestRunner;
  now?: () => number;
}

/** The account the credentials belong to, from the helpdesk's “who am I” call. */
export interface WhoAmI {
  /** The agent's id in the helpdesk, as a string (ids exceed 2^53 in no API we use, but stay opaque). */
  id: string;
  name: string;
  email: string | null;
  /** The helpdesk's own role word: `admin`, `agent`, `support_agent`… */
  role: string;
}

/** A customer rating as an adapter read it: normalized, but not yet tied to a connection. */
export interface RatingDraft {
  /** The helpdesk's id of the rating or survey response. */
  sourceId: string;
  /** The endpoint family it came from: `satisfaction_ratings`, `survey_responses`, `ticket`. */
  source: string;
  ticketId: string;
  rating: ScaledValue;
  comment: string | null;
  agentId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What one pass of reading CSAT needs to know. */
export interface CsatReadRequest {
  path: CsatPath;
  /** Read ratings created or changed from this instant on; null reads the whole history. */
  since: string | null;
  /**
   * Where to continue inside this pass: the `resume` of the last page that was committed, or null
   * to start. Adapter-defined and opaque to the engine; a value the adapter no longer understands
   * (an older release wrote it) restarts the pass.
   */
  resume: unknown;
  /**
   * Agent path: ids of the tickets the agent assessed on this origin, in ascending numeric order.
   * Their ratings are read ticket by ticket, because an agent's token cannot list ratings.
   */
  assessedTicketIds: readonly string[];
  signal?: AbortSignal;
}

/** One page of ratings, with the position right after it. */
export interface CsatPage {
  ratings: RatingDraft[];
  /** Where the pass continues after this page; null when this page ends the pass. */
  resume: unknown;
  /** The endpoint the page came from, for progress and messages. */
  endpoint: string;
  /** Records on the page that were not ratings (offered, unoffered, unanswered): counted, never stored. */
  skipped: number;
}

/**
 * Where a ticket stands, as the helpdesk's API says: what the prompt after a ticket (lib/prompt)
 * decides on. The page's own DOM is only a hint; this is the truth.
 */
export interface TicketState {
  ticketId: string;
  /** The helpdesk's own word or code: `solved`, `4`… */
  status: string;
  /** Solved, resolved or closed: the agent is done with it. */
  done: boolean;
  assigneeId: string | null;
  subject: string | null;
  updatedAt: string;
}

/** The API of one helpdesk account. */
export interface HelpdeskApi {
  whoAmI(signal?: AbortSignal): Promise<WhoAmI>;
  /**
   * Which way these credentials can read CSAT: `list` when the admin list endpoint answers, `agent`
   * when it answers 403 (a 403 there is an answer, not an error, HELPDESK-APIS.md “Design consequences”).
   */
  detectCsatPath(signal?: AbortSignal): Promise<CsatPath>;
  /** Streams one pass of ratings page by page; never holds more than a page. */
  readCsat(request: CsatReadRequest): AsyncGenerator<CsatPage, void, undefined>;
  /**
   * The state of these tickets, batched as the helpdesk allows (Zendesk: 100 a request). Tickets
   * that no longer exist or that the agent may not see are left out.
   */
  ticketStates(ticketIds: readonly string[], signal?: AbortSignal): Promise<TicketState[]>;
  /** Tickets assigned to these credentials' agent that are done and were updated since `since` (ISO), newest first. */
  solvedTickets(since: string, signal?: AbortSignal): Promise<TicketState[]>;
}
