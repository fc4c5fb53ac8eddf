/**
 * Recognises ticket URLs on a helpdesk's hosted domain (`https://<account>.<domain>/...`).
 *
 * Parsing with `URL` rather than running a regex over the whole string is what keeps hostile URLs
 * out: `https://evil.example/?u=acme.zendesk.com/agent/tickets/1` has host `evil.example`, and
 * `https://acme.zendesk.com.evil.example/...` does not end with `.zendesk.com`.
 */
export interface HostedTicketPattern {
  /** Registrable domain the accounts live under, e.g. `zendesk.com`. */
  domain: string;
  /** Matches the path (plus hash, for legacy `#/tickets/1` routes); group 1 is the ticket id. */
  path: RegExp;
}

const ACCOUNT_LABEL = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function matchHostedTicketUrl(url: URL, pattern: HostedTicketPattern): string | null {
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return null;
  const suffix = `.${pattern.domain}`;
  if (!url.hostname.endsWith(suffix)) return null;
  const account = url.hostname.slice(0, -suffix.length);
  if (!ACCOUNT_LABEL.test(account)) return null;
  return matchTicketPath(url, pattern.path);
}

/** Applies a path pattern to `pathname + hash`; the pattern's first group is the ticket id. */
export function matchTicketPath(url: URL, path: RegExp): string | null {
  const match = path.exec(url.pathname + url.hash);
  return match?.[1] ?? null;
}

/**
 * A helpdesk whose agent UI lives on fixed hosts rather than per-account subdomains (Help Scout's
 * `secure.helpscout.net`; Intercom's `app.intercom.com` and its regional twins, shared by every workspace).
 */
export interface FixedHostTicketPattern {
  /** Exact host names, e.g. `secure.helpscout.net`. */
  hosts: readonly string[];
  /** Matches `pathname + hash`; group 1 is the ticket id. */
  path: RegExp;
}

/**
 * Recognises ticket URLs on fixed hosts (Help Scout's `https://secure.helpscout.net/...`): https on
 * the default port, no user info, and the host equal to one of `hosts` — never a suffix or prefix.
 */
export function matchFixedHostTicketUrl(url: URL, pattern: FixedHostTicketPattern): string | null {
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password) return null;
  if (!pattern.hosts.includes(url.hostname)) return null;
  return matchTicketPath(url, pattern.path);
}
