import { requireHelpdeskApi } from '../helpdesks/api-registry';
import { getAdapter } from '../helpdesks/registry';
import { HelpdeskError, isHelpdeskError } from '../helpdesks/shared/errors';
import type { HelpdeskAdapter, HelpdeskApiOptions, WhoAmI } from '../helpdesks/types';
import { describeZodError, parseHelpdeskOrigin, type CsatPath, type Credentials } from '../model';
import { connectionTestInputSchema, type ConnectionError } from './connection-input';

/** The outcome of trying credentials: who they belong to and which CSAT path they allow, or why not. */
export type ConnectionTestResult =
  { ok: true; agent: WhoAmI; csatPath: CsatPath } | { ok: false; error: ConnectionError };

/** Network options for tests; the background passes none. */
export type ConnectionDeps = Pick<HelpdeskApiOptions, 'fetch' | 'timeoutMs'>;

/**
 * Tries credentials against a helpdesk: “who am I”, then which CSAT path they allow. Answers with a
 * specific error: a wrong URL, bad credentials, missing permission, or something that is not this
 * helpdesk. Nothing is stored.
 */
export async function testConnection(input: unknown, deps: ConnectionDeps = {}): Promise<ConnectionTestResult> {
  const parsed = connectionTestInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: describeZodError(parsed.error) } };
  const target = resolveTarget(parsed.data.kind, parsed.data.origin);
  if (!target.ok) return target;
  return probe(target.adapter, target.origin, parsed.data.credentials, deps);
}

/** Checks kind and origin: the adapter for the kind, and the canonical origin. */
export function resolveTarget(
  kind: string,
  origin: string,
): { ok: true; adapter: HelpdeskAdapter; origin: string } | { ok: false; error: ConnectionError } {
  const adapter = getAdapter(kind);
  if (!adapter)
    return { ok: false, error: { code: 'bad-url', message: `GapLens does not know the helpdesk “${kind}”.` } };
  const parsedOrigin = parseHelpdeskOrigin(origin);
  if (!parsedOrigin.ok) return { ok: false, error: { code: 'bad-url', message: parsedOrigin.error } };
  return { ok: true, adapter, origin: parsedOrigin.origin };
}

/** “Who am I” and path detection, with failures turned into the error a person can act on. */
export async function probe(
  adapter: HelpdeskAdapter,
  origin: string,
  credentials: Credentials,
  deps: ConnectionDeps,
): Promise<ConnectionTestResult> {
  if (!adapter.authTypes.includes(credentials.type)) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `${adapter.label} takes ${adapter.authTypes.join(' or ')} credentials, not ${credentials.type}.`,
      },
    };
  }
  try {
    const api = requireHelpdeskApi(adapter.kind).createApi(origin, credentials, deps);
    const agent = await api.whoAmI();
    const csatPath = await api.detectCsatPath();
    return { ok: true, agent, csatPath };
  } catch (error) {
    if (!isHelpdeskError(error)) throw error;
    return { ok: false, error: connectionError(error, adapter, origin) };
  }
}

/** Words a helpdesk failure for the connection form: what is wrong and what to do. */
export function connectionError(error: HelpdeskError, adapter: HelpdeskAdapter, origin: string): ConnectionError {
  switch (error.code) {
    case 'unauthorized':
      return {
        code: 'unauthorized',
        message: `${adapter.label} did not accept the credentials: token invalid or revoked. ${error.message}`,
      };
    case 'forbidden':
      return { code: 'forbidden', message: `The credentials work but lack permission. ${error.message}` };
    case 'not-found':
    case 'bad-request':
    case 'schema':
      return {
        code: 'not-a-helpdesk',
        message: `${origin} does not answer like the ${adapter.label} API; check the URL and the helpdesk type. (${error.message})`,
      };
    case 'aborted':
      return { code: 'timeout', message: error.message };
    case 'bad-url':
      return { code: 'bad-url', message: error.message };
    default:
      return { code: error.code, message: error.message };
  }
}
