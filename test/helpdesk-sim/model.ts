/**
 * The simulator's data model. Times are epoch milliseconds (whole seconds for everything Zendesk
 * prints without milliseconds); ids are numbers because both vendors print them as JSON numbers.
 * Scores are kept in the vendor's own vocabulary, so serializers never have to translate.
 */

export type SimKind = 'zendesk' | 'freshdesk' | 'gorgias' | 'helpscout' | 'intercom';

/**
 * Which survey the account runs:
 * - `zendesk-legacy`: `/api/v2/satisfaction_ratings`, scores good/bad plus the non-answers
 *   offered/unoffered, which exist as records of their own;
 * - `zendesk-new`: `/api/v2/guide/survey_responses`, a 1–5 rating; only answered surveys exist;
 * - `freshdesk`: `/api/v2/surveys/satisfaction_ratings`, default_question ∈ ±101..±103 or 100;
 *   only answered surveys exist;
 * - `gorgias`: `/api/satisfaction-surveys`, a 1–5 score; a survey exists from when it is sent, and
 *   stays unanswered (stored as the non-answer `offered`, printed as `score: null`) until answered;
 * - `helpscout`: happiness ratings `great` / `okay` / `not_good` (the rating object's words), read
 *   through the reports; only answered ratings exist;
 * - `intercom`: `conversation_rating` on the conversation, a 1–5 rating; only answered ratings exist,
 *   and their createdAt is when the rating was requested (Intercom's `created_at`).
 */
export type CsatMode = 'zendesk-legacy' | 'zendesk-new' | 'freshdesk' | 'gorgias' | 'helpscout' | 'intercom';

/** Ticket lifecycle in Zendesk's words; the Freshdesk server maps it to its numeric codes. */
export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

/**
 * How an agent's own view relates to the customers'. The generator uses it for the customers'
 * satisfaction and `generateSelfAssessmentSeeds` for the agent's predictions.
 */
export interface Persona {
  tendency: 'overestimates' | 'calibrated' | 'underestimates';
  /** Probability a customer of this agent ends up satisfied. */
  customerSatisfiedRate: number;
  /** P(agent predicts satisfied | customer satisfied). */
  predictSatisfiedWhenSatisfied: number;
  /** P(agent predicts satisfied | customer not satisfied): high for overestimators. */
  predictSatisfiedWhenUnsatisfied: number;
}

export interface SimAgent {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'agent';
  groupId: number;
  persona: Persona;
  createdAt: number;
}

export interface SimRating {
  /** Zendesk/Freshdesk numeric id; new-CSAT survey responses derive their ULID-like id from it. */
  id: number;
  ticketId: number;
  requesterId: number;
  /** The agent assigned when the customer rated (Zendesk: "at the time of rating"); may be null. */
  assigneeId: number | null;
  groupId: number | null;
  /** Vendor vocabulary, see CsatMode. */
  score: string | number;
  comment: string | null;
  /** Zendesk legacy: the follow-up reason on some bad ratings. */
  reason: string | null;
  /** Freshdesk: extra survey questions besides default_question (clients must ignore them). */
  extraAnswers: Record<string, number> | null;
  /** When the record came to exist: the survey offer (Zendesk legacy) or the answer (others). */
  createdAt: number;
  /** Last change: the answer to an offered survey, or a later re-rating. */
  updatedAt: number;
  /** The survey's expiry (new CSAT prints it). */
  expiresAt: number;
}

export interface SimTicket {
  id: number;
  subject: string;
  description: string;
  requesterId: number;
  /** Current assignee; can differ from the rating's assignee after a reassignment. */
  assigneeId: number | null;
  /** The agent who worked the ticket to its solution: the one who would self-assess it. */
  handledBy: number;
  groupId: number;
  status: TicketStatus;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  createdAt: number;
  /** When it was (or will be) solved; null while it is still being worked. */
  solvedAt: number | null;
  updatedAt: number;
  /** Whether a survey went out (for Zendesk legacy this is also visible as a record). */
  surveyOffered: boolean;
  /** The hidden truth the generator drew: would this customer call the service satisfying? */
  customerSatisfied: boolean;
  /** The answered (or, Zendesk legacy, offered/unoffered) rating record, if any. */
  rating: SimRating | null;
}

export interface SimData {
  kind: SimKind;
  csat: CsatMode;
  seed: number;
  /** The anchor generated times lead up to. */
  now: number;
  /** [admin, ...agents]. */
  agents: SimAgent[];
  /** Ordered by id, which is also creation order. */
  tickets: SimTicket[];
  /** Ordered by (createdAt, id): the order the list endpoints page in. */
  ratings: SimRating[];
  /** Secrets per user id, kept apart from SimAgent so agents can be printed without them. */
  secrets: Map<number, string>;
}

export interface SimCredential {
  role: 'admin' | 'agent';
  agentId: string;
  name: string;
  email: string;
  auth:
    | { type: 'api-token'; email: string; token: string }
    | { type: 'api-key'; apiKey: string }
    /** Help Scout: an OAuth app's App ID and App secret, traded for a token at /v2/oauth2/token. */
    | { type: 'oauth-client'; clientId: string; clientSecret: string }
    /** Intercom: an access token, sent as a bearer token. */
    | { type: 'oauth-token'; token: string };
}

export interface SimRequest {
  method: string;
  /** Path and query exactly as requested. */
  path: string;
  status: number;
  /** Wall-clock epoch ms when the request arrived. */
  time: number;
  durationMs: number;
  /** Which user the credentials belonged to, when they were valid. */
  userId: string | null;
}

/**
 * Which API requests a fault hits: paths starting with `pathPrefix`, after `skip` of them went
 * through untouched (so a fault can hit a list's second page when every page has the same path).
 */
export interface FaultScope {
  pathPrefix?: string;
  skip?: number;
}

export type Fault = FaultScope &
  (
    | { type: 'rate-limit'; count: number; retryAfterSeconds: number }
    | { type: 'server-error'; count: number; status?: 500 | 502 | 503 }
    | { type: 'slow'; delayMs: number; count?: number }
    | { type: 'malformed-json'; count: number }
    | { type: 'schema-invalid'; count: number }
    | { type: 'html-login'; count: number }
  );

export interface FaultControls {
  /** Adds a fault; faults apply in the order they were set, each until its count is used up. */
  set(fault: Fault): void;
  clear(): void;
  /** The faults still armed, with their remaining counts. */
  readonly active: readonly Fault[];
}
