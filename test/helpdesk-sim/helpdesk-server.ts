/**
 * One simulated helpdesk on its own 127.0.0.1 port: the vendor's API routes (zendesk-api.ts,
 * freshdesk-api.ts) wrapped in what every request shares — the request log, faults, rate-limit
 * headers — plus the agent ticket pages and the `/__sim/*` control surface.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Accounts } from './accounts';
import { control } from './control';
import { FaultSwitchboard, type FaultVoice } from './faults';
import { json, readBody, serialize, type SimResponse } from './http-kit';
import type { SimAgent, SimCredential, SimData, SimKind, SimRequest, TicketStatus } from './model';
import { rerate, setTicketStatus } from './mutations';
import { ticketPage, type PageStyle } from './pages';

export interface ApiRequest {
  method: string;
  url: URL;
  /** The path without a trailing `.json` (Zendesk accepts both forms). */
  path: string;
  origin: string;
  authorization: string | undefined;
  /** The simulator's clock (epoch ms). */
  now: number;
  /** The request body as text ('' for a GET): Help Scout's token endpoint takes a form. */
  body: string;
  /** All request headers (lower-case names), for APIs that read more than auth (Intercom-Version). */
  headers?: IncomingHttpHeaders;
}

export interface ApiResult {
  response: SimResponse;
  /** Whose credentials the request carried, when they were valid. */
  user: SimAgent | null;
}

/** What differs between helpdesks. */
export interface Vendor {
  readonly kind: SimKind;
  /** Where the API's paths start; default `/api/` (Zendesk, Freshdesk). Help Scout: `/v2/`. */
  readonly apiPrefix?: string;
  /** Makes every access token issued so far expire (helpdesks with OAuth tokens only). */
  expireAccessTokens?(): void;
  /** Requests per minute the rate-limit headers count down from. */
  readonly rateLimit: number;
  api(request: ApiRequest): ApiResult;
  rateLimitHeaders(limit: number, remaining: number, resetSeconds: number): Record<string, string>;
  /** The ticket id of an agent-UI path (`/agent/tickets/42`), or null. */
  ticketPageId(pathname: string): string | null;
  /** Reads a status the way this helpdesk writes it (names, or Freshdesk's numbers). */
  parseStatus(input: string): TicketStatus | null;
  readonly page: PageStyle;
  /** Which paths are API calls; default `/api/…`. Intercom's API has no prefix (`/me`, `/conversations/…`). */
  isApiPath?(pathname: string): boolean;
  /** How this helpdesk words the failures the fault switches make, where it differs (see faults.ts). */
  readonly faultVoice?: FaultVoice;
}

export type Clock = () => number;

export class HelpdeskServer {
  readonly faults: FaultSwitchboard;
  private log: SimRequest[] = [];
  private server: Server | null = null;
  private originValue = '';
  /** Pending "slow" delays, finished early on close so no handler is left waiting. */
  private readonly sleepers = new Map<NodeJS.Timeout, () => void>();
  private window = { start: 0, used: 0 };

  constructor(
    readonly data: SimData,
    readonly accounts: Accounts,
    readonly vendor: Vendor,
    readonly clock: Clock,
    private readonly onActivity: () => void = () => {},
  ) {
    this.faults = new FaultSwitchboard(data.kind, vendor.faultVoice);
  }

  get origin(): string {
    return this.originValue;
  }

  get requestLog(): SimRequest[] {
    return this.log;
  }

  set requestLog(entries: SimRequest[]) {
    this.log = entries;
  }

  get credentials(): { admin: SimCredential; agents: SimCredential[] } {
    return this.accounts.credentials();
  }

  rerate(ticketId: string, score: string | number): void {
    rerate(this.data, ticketId, score, this.clock());
  }

  revokeToken(secret: string): void {
    this.accounts.revoke(secret);
  }

  /** Every access token issued so far expires now; the next request with one gets 401. */
  expireAccessTokens(): void {
    if (!this.vendor.expireAccessTokens) throw new Error(`${this.data.kind} issues no access tokens`);
    this.vendor.expireAccessTokens();
  }

  setTicketStatus(ticketId: string, status: string): void {
    const parsed = this.vendor.parseStatus(status);
    if (!parsed) throw new Error(`Unknown ${this.data.kind} ticket status ${JSON.stringify(status)}`);
    setTicketStatus(this.data, ticketId, parsed, this.clock());
  }

  async listen(port = 0): Promise<void> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) this.write(response, json(500, { error: 'SimulatorError', description: String(error) }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only: the simulator holds fake secrets and must not be reachable from the network.
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.originValue = `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const [timer, wake] of this.sleepers) {
      clearTimeout(timer);
      wake();
    }
    this.sleepers.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive sockets would hold the port open until they time out.
      server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = Date.now();
    this.onActivity();
    const url = new URL(request.url ?? '/', this.origin);
    const method = request.method ?? 'GET';

    if (url.pathname.startsWith('/__sim/')) {
      this.write(response, await control(this, method, url, request));
      return;
    }

    let user: SimAgent | null = null;
    let result: SimResponse;
    if (this.vendor.isApiPath?.(url.pathname) ?? url.pathname.startsWith(this.vendor.apiPrefix ?? '/api/')) {
      const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(request);
      ({ response: result, user } = await this.handleApi(method, url, request.headers, body, () => response.destroyed));
    } else {
      result = this.handlePage(method, url);
    }
    if (response.destroyed) return;
    this.write(response, result);
    this.log.push({
      method,
      path: `${url.pathname}${url.search}`,
      status: result.status,
      time: started,
      durationMs: Date.now() - started,
      userId: user ? String(user.id) : null,
    });
  }

  private async handleApi(method: string, url: URL, headers: IncomingHttpHeaders, body: string, clientGone: () => boolean): Promise<ApiResult> {
    const decision = this.faults.before(url.pathname);
    if (decision.delayMs > 0) await this.sleep(decision.delayMs);
    // A client that timed out during a `slow` delay gets no answer: it must not use up a fault armed
    // meanwhile for a later request (a test's next fault would silently miss its target).
    if (clientGone()) return { response: json(499, { error: 'ClientClosedRequest' }), user: null };
    const rateHeaders = this.countRequest(decision.replace?.status === 429);
    if (decision.replace) {
      // A login page or a load balancer's 502 comes from in front of the API: no rate-limit headers.
      const fromApi = decision.replace.status === 429 || decision.replace.status === 500;
      return { response: fromApi ? withHeaders(decision.replace, rateHeaders) : decision.replace, user: null };
    }
    const path = url.pathname.replace(/\.json$/, '');
    const result = this.vendor.api({ method, url, path, origin: this.origin, authorization: headers.authorization, now: this.clock(), headers, body });
    const damaged = this.faults.after(url.pathname, result.response);
    return { response: withHeaders(damaged, rateHeaders), user: result.user };
  }

  private handlePage(method: string, url: URL): SimResponse {
    const id = this.vendor.ticketPageId(url.pathname);
    if (method === 'GET' && id !== null) return ticketPage(this.data, this.vendor.page, id);
    if (method === 'GET' && url.pathname === '/') {
      const first = this.data.tickets[0];
      return first ? ticketPage(this.data, this.vendor.page, String(first.id)) : json(404, { error: 'InvalidEndpoint' });
    }
    return json(404, { error: 'InvalidEndpoint', description: 'Not found' });
  }

  /** Counts a request in the current one-minute window and returns the headers saying so. */
  private countRequest(limited: boolean): Record<string, string> {
    const now = Date.now();
    const windowStart = now - (now % 60_000);
    if (this.window.start !== windowStart) this.window = { start: windowStart, used: 0 };
    this.window.used += 1;
    const limit = this.vendor.rateLimit;
    const remaining = limited ? 0 : Math.max(0, limit - this.window.used);
    return this.vendor.rateLimitHeaders(limit, remaining, 60 - Math.floor((now % 60_000) / 1000));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, ms);
      this.sleepers.set(timer, resolve);
    });
  }

  private write(response: ServerResponse, result: SimResponse): void {
    if (response.destroyed || response.headersSent) return;
    const body = serialize(result);
    response.writeHead(result.status, { ...result.headers, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    response.end(body);
  }
}

function withHeaders(response: SimResponse, headers: Record<string, string>): SimResponse {
  return { ...response, headers: { ...headers, ...response.headers } };
}
