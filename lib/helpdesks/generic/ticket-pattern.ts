import { parseHelpdeskOrigin } from '../../model';

/**
 * The ticket URL pattern of a helpdesk GapLens has no adapter for, as the user types it:
 *
 *     https://help.acme.example/tickets/{id}
 *     http://127.0.0.1:8080/#/case/{id}
 *
 * A literal origin (checked like every helpdesk origin: https, plain http only on localhost and
 * 127.0.0.1, no user name or password) followed by a path template: literal text, exactly one
 * `{id}` (the ticket number, 1–20 digits, as every GapLens ticket id is), and optionally `*`, which
 * stands for exactly one path segment (anything but `/`, `?` and `#`). A `#` in the template puts
 * the rest into the hash, for single-page apps that route there.
 *
 * Why not a regular expression typed by the user: a regex is easy to get subtly wrong (an unescaped
 * `.`, a missing anchor that lets `?next=/tickets/1` match), it can be written to backtrack for
 * seconds on a long URL, and a support agent should not need to know the syntax. This language
 * compiles to a regex we build ourselves: every literal escaped, anchored at the start of the path,
 * `{id}` as `\d{1,20}`, `*` as `[^/?#]+` — pieces separated by literals, so matching is linear.
 * The origin is never part of the regex at all: it is compared as a parsed `URL.origin`, which is
 * what keeps look-alike hosts and URLs that merely mention the helpdesk in a query out.
 */
export interface TicketUrlPattern {
  /** The canonical origin, e.g. `https://help.acme.example`. */
  origin: string;
  /** The path template as stored in settings, e.g. `/tickets/{id}`. */
  path: string;
  /** Compiled from `path`; applied to `pathname + hash`, group 1 is the ticket id. */
  regex: RegExp;
}

export type PatternRead = { ok: true; pattern: TicketUrlPattern } | { ok: false; error: string };

const ID_PLACEHOLDER = '{id}';
/** RFC 3986 path characters (plus `%` escapes and `#`), and our two placeholders' characters. */
const TEMPLATE_CHARS = /^[A-Za-z0-9\-._~!$&'()+,;=:@/%#*{}]*$/;
const MAX_TEMPLATE_LENGTH = 300;

/** Reads a whole pattern (`origin` + path template) as typed into the options page. */
export function parseTicketUrlPattern(input: string): PatternRead {
  const text = input.trim();
  const split = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(text);
  if (!split)
    return { ok: false, error: 'Start with the helpdesk’s address, e.g. https://help.acme.example/tickets/{id}.' };
  const origin = parseHelpdeskOrigin(split[1]!);
  if (!origin.ok) return origin;
  return parseTicketPath(origin.origin, split[2]!);
}

/** Reads a path template for an origin that was already checked (as stored in settings). */
export function parseTicketPath(origin: string, path: string): PatternRead {
  if (!path.startsWith('/')) return { ok: false, error: 'Add the ticket path after the address, e.g. /tickets/{id}.' };
  if (path.length > MAX_TEMPLATE_LENGTH)
    return { ok: false, error: `Keep the path under ${MAX_TEMPLATE_LENGTH} characters.` };
  if (path.includes('?')) {
    return { ok: false, error: 'Leave the query (?…) out: GapLens recognises a ticket by its path, whatever follows.' };
  }
  if (!TEMPLATE_CHARS.test(path)) {
    const bad = [...path].find((char) => !TEMPLATE_CHARS.test(char));
    return {
      ok: false,
      error: `“${bad}” cannot appear in a URL path; use {id} for the ticket number and * for any one segment.`,
    };
  }
  const ids = path.split(ID_PLACEHOLDER).length - 1;
  if (ids !== 1) {
    return {
      ok: false,
      error: ids === 0 ? 'Put {id} where the ticket number is.' : 'Use {id} only once: one URL shows one ticket.',
    };
  }
  const stray = path.replace(ID_PLACEHOLDER, '');
  if (stray.includes('{') || stray.includes('}'))
    return { ok: false, error: 'The only placeholder is {id} (and * for a segment).' };
  if (/\*[^/#]|[^/#]\*/.test(path))
    return { ok: false, error: 'A * stands for a whole segment: write /*/, not /a*b/.' };
  if (path.split('#').length > 2) return { ok: false, error: 'Use # at most once.' };
  return { ok: true, pattern: { origin, path, regex: compileTemplate(path) } };
}

function compileTemplate(path: string): RegExp {
  const source = path
    .split(/(\{id\}|\*)/)
    .map((piece) => (piece === ID_PLACEHOLDER ? '(\\d{1,20})' : piece === '*' ? '[^/?#]+' : escapeRegExp(piece)))
    .join('');
  // After the template only a new segment, the query or the hash may follow: `/tickets/12` must not
  // match `/tickets/123x`, and `/tickets/{id}` matches `/tickets/12/events` like the built-in adapters.
  return new RegExp(`^${source}(?:[/?#]|$)`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type TicketUrlMatch = { ok: true; ticketId: string } | { ok: false; reason: string };

const WEB_SCHEMES = new Set(['https:', 'http:']);

/**
 * What the pattern makes of a URL: the ticket id, or why not, in words the options page's live
 * tester shows. The same function decides for the popup (through the adapter), so the tester
 * cannot promise a match the popup would refuse.
 */
export function matchTicketUrl(rawUrl: string, pattern: TicketUrlPattern): TicketUrlMatch {
  let url: URL;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (!WEB_SCHEMES.has(url.protocol))
    return { ok: false, reason: `a ${url.protocol.slice(0, -1)}: address, not a web page` };
  if (url.username || url.password) {
    return { ok: false, reason: 'the address carries a user name or password (user@host), a common disguise' };
  }
  if (url.origin !== pattern.origin) return { ok: false, reason: originMismatch(url, pattern.origin) };
  const ticketId = pattern.regex.exec(url.pathname + url.hash)?.[1];
  if (!ticketId) return { ok: false, reason: `the path ${url.pathname}${url.hash} does not fit ${pattern.path}` };
  return { ok: true, ticketId };
}

/** Says how an origin differs, naming the cases people fall for. */
function originMismatch(url: URL, expected: string): string {
  const want = new URL(expected);
  const elsewhere = url.search.includes(want.host) || url.hash.includes(want.host) || url.pathname.includes(want.host);
  if (elsewhere) return `this page is on ${url.host}; ${want.host} only appears later in the address`;
  if (url.hostname !== want.hostname && url.hostname.includes(want.hostname)) {
    return `${url.hostname} is a different host that only looks like ${want.hostname}`;
  }
  if (url.protocol !== want.protocol) return `${url.protocol.slice(0, -1)} instead of ${want.protocol.slice(0, -1)}`;
  if (url.host !== want.host && url.hostname === want.hostname)
    return `port ${url.port || 'default'} is not the helpdesk’s`;
  return `${url.host} is not ${want.host}`;
}

/** Memoized compile of a stored template, for callers that match many URLs (the popup, the tester). */
const compiled = new Map<string, TicketUrlPattern | null>();
export function storedTicketPattern(origin: string, path: string): TicketUrlPattern | null {
  const key = `${origin}\n${path}`;
  if (!compiled.has(key)) {
    const read = parseTicketPath(origin, path);
    compiled.set(key, read.ok ? read.pattern : null);
  }
  return compiled.get(key) ?? null;
}
