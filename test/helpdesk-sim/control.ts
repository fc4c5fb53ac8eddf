/**
 * `/__sim/*`: steering a simulator from another process (Playwright specs, the demo), and the two
 * internal calls the agent pages make. No auth: the server listens on loopback only.
 *
 *   POST   /__sim/faults                 Fault JSON → armed
 *   DELETE /__sim/faults                 all faults cleared
 *   POST   /__sim/revoke                 {secret} → later requests with it get 401
 *   POST   /__sim/expire-tokens          every access token issued so far expires (Help Scout)
 *   POST   /__sim/rerate                 {ticketId, score} → the customer re-rates now
 *   POST   /__sim/tickets/:id/status     {status} → ticket status (the page's Submit)
 *   GET    /__sim/page-data/tickets/:id  the ticket page's data (in-page navigation)
 *   GET    /__sim/state                  counts: tickets, ratings, requests, faults
 *   GET    /__sim/credentials            {admin, agents}
 *   GET    /__sim/requests               the request log; DELETE clears it
 *   GET    /__sim/self-assessment-seeds/:agentId   predicted self-assessments (demo, team tests)
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { faultSchema } from './faults';
import { generateSelfAssessmentSeeds, isAnswered } from './generator';
import type { HelpdeskServer } from './helpdesk-server';
import { json, readJson, type SimResponse } from './http-kit';
import { findTicket } from './mutations';
import { ticketView } from './pages';

const revokeSchema = z.object({ secret: z.string().min(1) });
const rerateSchema = z.object({ ticketId: z.union([z.string(), z.number()]), score: z.union([z.string(), z.number()]) });
const statusSchema = z.object({ status: z.union([z.string(), z.number()]) });

export async function control(server: HelpdeskServer, method: string, url: URL, request: IncomingMessage): Promise<SimResponse> {
  const path = url.pathname.replace(/\/$/, '');
  try {
    if (path === '/__sim/faults' && method === 'POST') {
      server.faults.set(faultSchema.parse(await readJson(request)));
      return json(200, { faults: server.faults.active });
    }
    if (path === '/__sim/faults' && method === 'DELETE') {
      server.faults.clear();
      return json(200, { faults: [] });
    }
    if (path === '/__sim/faults' && method === 'GET') return json(200, { faults: server.faults.active });
    if (path === '/__sim/revoke' && method === 'POST') {
      server.revokeToken(revokeSchema.parse(await readJson(request)).secret);
      return json(200, { revoked: true });
    }
    if (path === '/__sim/expire-tokens' && method === 'POST') {
      server.expireAccessTokens();
      return json(200, { expired: true });
    }
    if (path === '/__sim/rerate' && method === 'POST') {
      const { ticketId, score } = rerateSchema.parse(await readJson(request));
      server.rerate(String(ticketId), score);
      const rating = findTicket(server.data, ticketId)?.rating;
      return json(200, { ticketId: String(ticketId), ratingId: rating?.id ?? null, score: rating?.score ?? null });
    }
    if (path === '/__sim/state' && method === 'GET') return json(200, state(server));
    if (path === '/__sim/credentials' && method === 'GET') return json(200, server.credentials);
    if (path === '/__sim/requests' && method === 'GET') return json(200, { requests: server.requestLog });
    if (path === '/__sim/requests' && method === 'DELETE') {
      server.requestLog = [];
      return json(200, { requests: [] });
    }

    const statusMatch = /^\/__sim\/tickets\/(\d+)\/status$/.exec(path);
    if (statusMatch?.[1] && method === 'POST') {
      const { status } = statusSchema.parse(await readJson(request));
      server.setTicketStatus(statusMatch[1], String(status));
      return pageData(server, statusMatch[1]);
    }
    const pageMatch = /^\/__sim\/page-data\/tickets\/(\d+)$/.exec(path);
    if (pageMatch?.[1] && method === 'GET') return pageData(server, pageMatch[1]);
    const seedsMatch = /^\/__sim\/self-assessment-seeds\/(\d+)$/.exec(path);
    if (seedsMatch?.[1] && method === 'GET') return json(200, { seeds: generateSelfAssessmentSeeds(server.data, seedsMatch[1]) });

    return json(404, { error: 'unknown simulator control call', method, path });
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return json(400, { error: message });
  }
}

function pageData(server: HelpdeskServer, ticketId: string): SimResponse {
  const ticket = findTicket(server.data, ticketId);
  if (!ticket) return json(404, { error: `no ticket ${ticketId}` });
  return json(200, ticketView(server.data, server.vendor.page, ticket));
}

function state(server: HelpdeskServer) {
  const { data } = server;
  let answered = 0;
  for (const rating of data.ratings) if (isAnswered(rating)) answered++;
  return {
    kind: data.kind,
    csat: data.csat,
    origin: server.origin,
    now: new Date(server.clock()).toISOString(),
    agents: data.agents.length,
    tickets: data.tickets.length,
    /** Answered ratings (what GapLens should end up storing from the list path). */
    ratings: answered,
    /** All rating records, including Zendesk's offered/unoffered placeholders. */
    ratingRecords: data.ratings.length,
    requests: server.requestLog.length,
    faults: server.faults.active,
  };
}
