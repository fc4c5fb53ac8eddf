/**
 * Cursor (keyset) paging over records ordered by (createdAt, id), as Zendesk's cursor pagination
 * behaves: a cursor names the last record seen, not an offset, so a walk neither skips nor repeats
 * records when others change meanwhile. Binary search finds the start, so a 100k-record walk costs
 * O(page) per request, not O(n).
 */

export interface Keyed {
  createdAt: number;
  id: number;
}

export interface Position {
  createdAt: number;
  id: number;
}

const compare = (record: Keyed, key: Position) => record.createdAt - key.createdAt || record.id - key.id;

/** First index whose record is ≥ key. */
export function lowerBound(records: readonly Keyed[], key: Position): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const record = records[mid];
    if (record && compare(record, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose record is > key. */
export function upperBound(records: readonly Keyed[], key: Position): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const record = records[mid];
    if (record && compare(record, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface PageRequest<T> {
  order: 'asc' | 'desc';
  after?: Position;
  before?: Position;
  size: number;
  /** Index range [from, to) that time filters leave. */
  from: number;
  to: number;
  match: (record: T) => boolean;
}

export interface Page<T> {
  items: T[];
  /** More matching records lie beyond this page in the direction that was asked for. */
  hasMore: boolean;
}

export function keysetPage<T extends Keyed>(records: readonly T[], request: PageRequest<T>): Page<T> {
  const { order, after, before, size, match } = request;
  const cursor = after ?? before;
  // "after" in ascending order and "before" in descending order both walk up the array.
  const walkUp = cursor ? (order === 'asc') === (after !== undefined) : order === 'asc';
  let index: number;
  if (!cursor) index = walkUp ? request.from : request.to - 1;
  else index = walkUp ? Math.max(request.from, upperBound(records, cursor)) : Math.min(request.to, lowerBound(records, cursor)) - 1;

  const found: T[] = [];
  let hasMore = false;
  const step = walkUp ? 1 : -1;
  for (; index >= request.from && index < request.to; index += step) {
    const record = records[index];
    if (!record || !match(record)) continue;
    if (found.length === size) {
      hasMore = true;
      break;
    }
    found.push(record);
  }
  // A "before" page walks away from the cursor; show it in the list's own order.
  if (before && !after) found.reverse();
  return { items: found, hasMore };
}

/**
 * Opaque cursor text. Standard base64 with padding, like Zendesk's (`...fQ==`), so a client that
 * builds URLs by hand instead of using links.next as-is trips over the unescaped `=`/`+`/`/`.
 */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify({ c: position.createdAt, i: position.id, v: 1 })).toString('base64');
}

export function decodeCursor(text: string): Position | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { c, i } = parsed as { c?: unknown; i?: unknown };
    if (typeof c !== 'number' || typeof i !== 'number') return null;
    return { createdAt: c, id: i };
  } catch {
    return null;
  }
}
