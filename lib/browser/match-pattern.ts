/**
 * The match pattern that grants (or injects into) exactly one origin: `https://acme.zendesk.com` →
 * `https://acme.zendesk.com/*`. Chrome's patterns may carry a port; Firefox's may not (MDN, Match
 * patterns, “host”): there `permissions.request` refuses `http://127.0.0.1:4010/*`, so the Firefox
 * build asks for the port-less pattern, which covers every port of that host. Real helpdesks use the
 * default https port, so only local addresses (the simulator) are affected.
 */
export function originMatchPattern(origin: string, portsAllowed = !import.meta.env.FIREFOX): string {
  const url = new URL(origin);
  return `${url.protocol}//${portsAllowed ? url.host : url.hostname}/*`;
}
