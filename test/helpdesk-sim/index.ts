/**
 * The built-in helpdesk simulator: a Zendesk, a Freshdesk, a Gorgias and an Intercom, each on its
 * own 127.0.0.1 port (their paths overlap, so they need separate origins; Intercom serves its API
 * and its agent pages on one origin), seeded with a support team's tickets and CSAT.
 * Backs the demo, the e2e tests and the benchmarks. See README.md beside this file.
 */
import { Accounts } from './accounts';
import { freshdeskVendor } from './freshdesk-api';
import { helpscoutVendor } from './helpscout-api';
import { intercomVendor } from './intercom-api';
import { generateData } from './generator';
import { gorgiasVendor } from './gorgias-api';
import { HelpdeskServer } from './helpdesk-server';
import type { FaultControls, SimCredential, SimData, SimRequest } from './model';
import { freshdeskPageStyle, gorgiasPageStyle, helpscoutPageStyle, intercomPageStyle, zendeskPageStyle } from './page-styles';
import { zendeskVendor } from './zendesk-api';

export type { Fault, FaultControls, SimAgent, SimCredential, SimData, SimRating, SimRequest, SimTicket } from './model';
export { generateData, generateSelfAssessmentSeeds, type SelfAssessmentSeed } from './generator';

export interface SimulatorOptions {
  seed?: number;
  /** Anchor for generated times; default: fixed 2026-11-20T12:00:00Z. The simulator's clock runs on from it. */
  now?: Date;
  ticketsPerAgent?: number;
  agents?: number;
  responseRate?: number;
  zendeskCsat?: 'legacy' | 'new';
  /** Close by itself after this long with no request; default none in-process. */
  idleShutdownMs?: number;
}

export interface SimHelpdesk {
  /** e.g. http://127.0.0.1:43121 */
  origin: string;
  /** The generated dataset (agents, tickets, ratings), mutable through the methods below. */
  data: SimData;
  /** What a user would paste into the extension. */
  credentials: { admin: SimCredential; agents: SimCredential[] };
  faults: FaultControls;
  /** Method, path+query, status, time; assign [] (or set length 0) to clear. */
  requestLog: SimRequest[];
  /** The customer changes their rating now: same rating id, new score, updated_at = now. */
  rerate(ticketId: string, score: string | number): void;
  /** Later requests with this token / API key get 401. */
  revokeToken(secret: string): void;
  setTicketStatus(ticketId: string, status: string): void;
}

/** A helpdesk whose API takes OAuth access tokens (Help Scout). */
export interface SimOAuthHelpdesk extends SimHelpdesk {
  /** Every access token issued so far expires now: the next request with one gets 401. */
  expireAccessTokens(): void;
}

export interface Simulator {
  zendesk: SimHelpdesk;
  freshdesk: SimHelpdesk;
  gorgias: SimHelpdesk;
  /** Help Scout: its /v2/ API and its /conversation/{id}/{number} pages on one origin. */
  helpscout: SimOAuthHelpdesk;
  /** API (`/me`, `/conversations/…`) and inbox pages (`/a/inbox/…`) on one origin; bearer tokens. */
  intercom: SimHelpdesk;
  close(): Promise<void>;
  /** Settles once the simulator has closed (by close() or idle shutdown). */
  closed: Promise<void>;
}

export interface ListenOptions {
  /** Fixed ports (the CLI's --zendesk-port/--freshdesk-port); default: free ports. */
  zendeskPort?: number;
  freshdeskPort?: number;
  gorgiasPort?: number;
  helpscoutPort?: number;
  intercomPort?: number;
}

export async function startSimulator(opts: SimulatorOptions = {}, listen: ListenOptions = {}): Promise<Simulator> {
  const anchor = opts.now ?? new Date('2026-11-20T12:00:00Z');
  const startedAt = Date.now();
  // Simulated time starts at the anchor and runs at wall-clock speed, so a re-rating made during a
  // test is newer than every generated record.
  const clock = () => anchor.getTime() + (Date.now() - startedAt);
  const common = { seed: opts.seed, now: anchor, agents: opts.agents, ticketsPerAgent: opts.ticketsPerAgent, responseRate: opts.responseRate };

  let idleTimer: NodeJS.Timeout | undefined;
  const touch = () => {
    if (opts.idleShutdownMs === undefined) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void close(), opts.idleShutdownMs);
    idleTimer.unref();
  };

  const zendeskData = generateData({ ...common, kind: 'zendesk', csat: opts.zendeskCsat === 'new' ? 'zendesk-new' : 'zendesk-legacy' });
  const freshdeskData = generateData({ ...common, kind: 'freshdesk', csat: 'freshdesk' });
  const zendeskAccounts = new Accounts(zendeskData);
  const freshdeskAccounts = new Accounts(freshdeskData);
  const intercomData = generateData({ ...common, kind: 'intercom', csat: 'intercom' });
  const intercomAccounts = new Accounts(intercomData);
  const intercom = new HelpdeskServer(intercomData, intercomAccounts, intercomVendor(intercomData, intercomAccounts, intercomPageStyle, clock), clock, touch);
  const zendesk = new HelpdeskServer(zendeskData, zendeskAccounts, zendeskVendor(zendeskData, zendeskAccounts, zendeskPageStyle), clock, touch);
  const freshdesk = new HelpdeskServer(freshdeskData, freshdeskAccounts, freshdeskVendor(freshdeskData, freshdeskAccounts, freshdeskPageStyle), clock, touch);
  const gorgiasData = generateData({ ...common, kind: 'gorgias', csat: 'gorgias' });
  const gorgiasAccounts = new Accounts(gorgiasData);
  const gorgias = new HelpdeskServer(gorgiasData, gorgiasAccounts, gorgiasVendor(gorgiasData, gorgiasAccounts, gorgiasPageStyle), clock, touch);
  const helpscoutData = generateData({ ...common, kind: 'helpscout', csat: 'helpscout' });
  const helpscoutAccounts = new Accounts(helpscoutData);
  const helpscout = new HelpdeskServer(helpscoutData, helpscoutAccounts, helpscoutVendor(helpscoutData, helpscoutAccounts, helpscoutPageStyle), clock, touch);

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearTimeout(idleTimer);
      await Promise.all([zendesk.close(), freshdesk.close(), gorgias.close(), helpscout.close(), intercom.close()]);
      resolveClosed();
    })();
    return closing;
  };

  try {
    await Promise.all([
      zendesk.listen(listen.zendeskPort ?? 0),
      freshdesk.listen(listen.freshdeskPort ?? 0),
      gorgias.listen(listen.gorgiasPort ?? 0),
      helpscout.listen(listen.helpscoutPort ?? 0),
      intercom.listen(listen.intercomPort ?? 0),
    ]);
  } catch (error) {
    await close();
    throw error;
  }
  touch();
  return { zendesk, freshdesk, gorgias, helpscout, intercom, close, closed };
}
