import { chromium, type CDPSession } from '@playwright/test';
import { round } from './stats';

export interface HeapReport {
  /** usedSize at the first sample (as the sync starts), in MB (2^20 bytes). */
  firstMb: number;
  peakMb: number;
  samples: number;
  /** Samples that got no answer in time (the worker was busy or gone). */
  missed: number;
}

export interface HeapSampler {
  stop(): Promise<HeapReport>;
}

const MB = 2 ** 20;

/**
 * Samples the extension service worker's JS heap (`Runtime.getHeapUsage` → usedSize) every
 * `intervalMs` through Chromium's DevTools endpoint. Playwright has no CDP session for workers, so
 * this attaches from a browser-level session in the non-flattened mode and talks to the worker
 * through `Target.sendMessageToTarget`. A second CDP client only observes: closing it disconnects,
 * the browser keeps running (shared STACK.md, "Driving the real popup").
 */
export async function sampleServiceWorkerHeap(debuggingPort: number, intervalMs = 100): Promise<HeapSampler> {
  const client = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
  const cdp = await client.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!worker) {
    await client.close();
    throw new Error('No extension service worker to sample');
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const usage = heapUsageOf(cdp, sessionId);

  const used: number[] = [];
  let missed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const next = Date.now() + intervalMs;
      const size = await usage(intervalMs * 20);
      if (size === null) missed++;
      else used.push(size);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await client.close();
      return {
        firstMb: round((used[0] ?? 0) / MB),
        peakMb: round(Math.max(0, ...used) / MB),
        samples: used.length,
        missed,
      };
    },
  };
}

/** One `Runtime.getHeapUsage` round trip to the attached worker; null when it does not answer within `timeoutMs`. */
function heapUsageOf(cdp: CDPSession, sessionId: string): (timeoutMs: number) => Promise<number | null> {
  let nextId = 1;
  const waiting = new Map<number, (usedSize: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    if (message.id !== undefined && typeof message.result?.usedSize === 'number') {
      waiting.get(message.id)?.(message.result.usedSize);
      waiting.delete(message.id);
    }
  });
  return (timeoutMs) =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(null);
      }, timeoutMs);
      waiting.set(id, (size) => {
        clearTimeout(timer);
        resolve(size);
      });
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' });
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => undefined);
    });
}
