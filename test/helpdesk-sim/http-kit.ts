/**
 * The little HTTP vocabulary the servers share (node:http only). Route handlers return a SimResponse
 * value instead of writing to the socket, so faults can rewrite a finished answer (truncate it,
 * corrupt one item) before it leaves.
 */
import type { IncomingMessage } from 'node:http';

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON value (serialized on the way out) or ready text. */
  body: unknown;
  kind: 'json' | 'text';
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, kind: 'json' };
}

export function text(status: number, body: string, contentType: string, headers: Record<string, string> = {}): SimResponse {
  return { status, body, headers: { 'content-type': contentType, ...headers }, kind: 'text' };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): SimResponse {
  return text(status, body, 'text/html; charset=utf-8', headers);
}

export function serialize(response: SimResponse): string {
  return response.kind === 'json' ? JSON.stringify(response.body) : String(response.body);
}

/** Reads a small request body (control calls, form posts); refuses anything large. */
export async function readBody(request: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request);
  return body.trim() === '' ? {} : (JSON.parse(body) as unknown);
}

export type Authorization =
  | { scheme: 'basic'; user: string; password: string }
  | { scheme: 'bearer'; token: string }
  | { scheme: 'none' }
  | { scheme: 'unsupported' };

export function parseAuthorization(header: string | undefined): Authorization {
  if (!header) return { scheme: 'none' };
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  if (scheme?.toLowerCase() === 'bearer' && value) return { scheme: 'bearer', token: value };
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { scheme: 'unsupported' };
    // RFC 7617: the user part holds no colon, so the first one separates it. For Zendesk that gives
    // user "email/token" and password TOKEN; for Freshdesk user APIKEY and password "X".
    return { scheme: 'basic', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return { scheme: 'unsupported' };
}

/** ISO 8601 without milliseconds, the form both vendors print (`2011-07-20T22:55:29Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A positive integer query parameter, or `fallback` when absent; null when present but invalid. */
export function intParam(value: string | null, fallback: number): number | null {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) return null;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/** Query string with every key and value percent-encoded (brackets too) and keys sorted, as Zendesk prints links. */
export function encodeQuery(params: Iterable<[string, string]>): string {
  return [...params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
