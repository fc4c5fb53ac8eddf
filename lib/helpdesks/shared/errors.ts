/**
 * What went wrong talking to a helpdesk, as a code the UI can show a sentence for and the sync engine
 * can act on (retry, pause, stop). Codes name the cause the user can fix, not the HTTP detail.
 */
export type HelpdeskErrorCode =
  /** The address is not a valid helpdesk origin, or no adapter knows the kind. */
  | 'bad-url'
  /** Something answered, but not this helpdesk's API (404 on "who am I", an unknown JSON shape). */
  | 'not-a-helpdesk'
  /** 401: the token or key is wrong, expired or revoked. */
  | 'unauthorized'
  /** 403: the credentials are valid but lack the permission (plan, role). */
  | 'forbidden'
  /** 404 on a resource (a deleted ticket); callers decide whether that matters. */
  | 'not-found'
  /** Another 4xx: the helpdesk refused the request itself. */
  | 'bad-request'
  /** 429, or retries of it ran out. */
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  /** The request never got an answer (DNS, refused, offline, CORS/host permission missing). */
  | 'network'
  /** No answer within the timeout. */
  | 'timeout'
  /** JSON that does not have the documented shape. */
  | 'schema'
  /** Not JSON at all: typically an HTML login page, so the URL is wrong. */
  | 'not-json'
  /** The caller cancelled (sync stopped). */
  | 'aborted';

/** Codes worth another attempt after a pause: the same request may succeed later. */
const TRANSIENT: ReadonlySet<HelpdeskErrorCode> = new Set(['rate-limited', 'server', 'network', 'timeout']);

/** A failed helpdesk call: a code, the endpoint (`GET /api/v2/users/me`) and a sentence a person can act on. */
export class HelpdeskError extends Error {
  override readonly name = 'HelpdeskError';

  constructor(
    readonly code: HelpdeskErrorCode,
    message: string,
    readonly details: {
      /** Method and path, without the query: `GET /api/v2/satisfaction_ratings`. */
      endpoint?: string;
      status?: number;
      /** From `Retry-After` on a 429 or 503, in milliseconds. */
      retryAfterMs?: number | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  get endpoint(): string | undefined {
    return this.details.endpoint;
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /** Whether waiting and trying again may help (429, 5xx, network, timeout). */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

export function isHelpdeskError(error: unknown, code?: HelpdeskErrorCode): error is HelpdeskError {
  return error instanceof HelpdeskError && (code === undefined || error.code === code);
}

/** Maps an HTTP status that is not a success to the code the UI shows. */
export function codeForStatus(status: number): HelpdeskErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** The sentence for an HTTP failure; the endpoint is prefixed so support can see which call failed. */
export function messageForStatus(status: number, endpoint: string): string {
  switch (codeForStatus(status)) {
    case 'unauthorized':
      return `${endpoint}: 401, token invalid or revoked. Check the credentials.`;
    case 'forbidden':
      return `${endpoint}: 403, the credentials lack permission for this.`;
    case 'not-found':
      return `${endpoint}: 404, not found.`;
    case 'rate-limited':
      return `${endpoint}: 429, rate limited by the helpdesk.`;
    case 'server':
      return `${endpoint}: ${status}, the helpdesk had a server error.`;
    default:
      return `${endpoint}: ${status}, the helpdesk refused the request.`;
  }
}
