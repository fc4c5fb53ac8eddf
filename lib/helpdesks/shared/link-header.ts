/**
 * Reads an RFC 8288 `Link` header into `{ rel: url }`. Lenient on purpose: Freshdesk sends
 * `< https://…/agents?page=13&per_page=10>;rel="next"` — a space inside the angle brackets, no space
 * before `rel` (recorded in test/fixtures/api/freshdesk/freshdesk-link-header-node-freshdesk-api-fixture.txt).
 * Quoted or bare `rel` values, several links, and several relation types per link are all accepted.
 */
export function parseLinkHeader(value: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (const match of value.matchAll(/<\s*([^>]*?)\s*>([^<]*)/g)) {
    const [, url = '', params = ''] = match;
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').trim().toLowerCase().split(/\s+/);
    for (const relation of relations) {
      if (relation && url && !(relation in links)) links[relation] = url;
    }
  }
  return links;
}
