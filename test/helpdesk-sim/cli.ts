/**
 * Runs the simulator as its own process for Playwright, the demo and the benchmarks:
 *
 *   node --import tsx test/helpdesk-sim/cli.ts [--seed N] [--zendesk-port P] [--freshdesk-port P] [--gorgias-port P]
 *     [--helpscout-port P] [--intercom-port P] [--now ISO|real] [--agents N] [--tickets-per-agent N] [--response-rate R]
 *     [--zendesk-csat legacy|new] [--idle-shutdown-ms MS]
 *
 * Prints one JSON line `{"zendesk":{"origin":…},"freshdesk":{"origin":…},"gorgias":{"origin":…},"helpscout":{"origin":…},
 * "intercom":{"origin":…}}`
 * on stdout once every server listens. A server that tests start must never outlive them, so it exits when its parent
 * process dies, when its stdin (if a pipe) closes, on SIGINT/SIGTERM, or after the idle timeout.
 */
import { fstatSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSimulator, type SimulatorOptions } from './index';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    'zendesk-port': { type: 'string' },
    'freshdesk-port': { type: 'string' },
    'gorgias-port': { type: 'string' },
    'helpscout-port': { type: 'string' },
    'intercom-port': { type: 'string' },
    now: { type: 'string' },
    agents: { type: 'string' },
    'tickets-per-agent': { type: 'string' },
    'response-rate': { type: 'string' },
    'zendesk-csat': { type: 'string' },
    'idle-shutdown-ms': { type: 'string' },
  },
  strict: true,
});

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`--${name} must be a number, not ${JSON.stringify(value)}`);
  return parsed;
}

function anchor(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  // "real": generated history ends now, for a demo against a browser that uses the real date.
  if (value === 'real') return new Date();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`--now must be an ISO date-time or "real", not ${JSON.stringify(value)}`);
  return date;
}

const csat = values['zendesk-csat'];
if (csat !== undefined && csat !== 'legacy' && csat !== 'new') throw new Error('--zendesk-csat must be legacy or new');

const options: SimulatorOptions = {
  seed: number('seed', values.seed),
  now: anchor(values.now),
  agents: number('agents', values.agents),
  ticketsPerAgent: number('tickets-per-agent', values['tickets-per-agent']),
  responseRate: number('response-rate', values['response-rate']),
  zendeskCsat: csat,
  idleShutdownMs: number('idle-shutdown-ms', values['idle-shutdown-ms']),
};

const simulator = await startSimulator(options, {
  zendeskPort: number('zendesk-port', values['zendesk-port']),
  freshdeskPort: number('freshdesk-port', values['freshdesk-port']),
  gorgiasPort: number('gorgias-port', values['gorgias-port']),
  helpscoutPort: number('helpscout-port', values['helpscout-port']),
  intercomPort: number('intercom-port', values['intercom-port']),
});

let exiting = false;
async function shutdown(code = 0): Promise<void> {
  if (exiting) return;
  exiting = true;
  await simulator.close();
  process.exit(code);
}

void simulator.closed.then(() => shutdown(0));
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

// Parent gone: process.ppid is fixed at start in Node 20, so probe the original parent instead.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    void shutdown(0);
  }
}, 1000).unref();

// Stdin closing is the other "my owner went away" signal — but only for a pipe: /dev/null (stdin
// 'ignore') ends at once, and a terminal means someone is watching and will press Ctrl+C.
const stdin = fstatSync(0);
if (stdin.isFIFO() || stdin.isSocket()) {
  process.stdin.on('end', () => void shutdown(0));
  process.stdin.on('close', () => void shutdown(0));
  process.stdin.resume();
}

process.stdout.write(`${JSON.stringify({ zendesk: { origin: simulator.zendesk.origin }, freshdesk: { origin: simulator.freshdesk.origin }, gorgias: { origin: simulator.gorgias.origin }, helpscout: { origin: simulator.helpscout.origin }, intercom: { origin: simulator.intercom.origin } })}\n`);
