import { originMatchPattern } from '../browser/match-pattern';

/**
 * The helpdesk page script is registered at run time, for the connected origins only: the manifest
 * has no content script, so GapLens runs on no page the user did not connect. Registrations may not
 * survive a browser restart (an unpacked extension is reinstalled on each launch, shared STACK
 * notes), so this runs on install, update and start-up as well as whenever connections change, and
 * it is idempotent: it brings the one registration to the wanted state whatever it finds.
 */

export const HELPDESK_SCRIPT_ID = 'gaplens-helpdesk';
/** Where WXT builds entrypoints/helpdesk.content/ (`registration: 'runtime'`). */
export const HELPDESK_SCRIPT_FILE = 'content-scripts/helpdesk.js';

/** The part of `chrome.scripting` used here (WXT's fake browser and tests provide it too). */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: Partial<RegisteredScript>[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

export interface RegisteredScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: boolean;
}

/** `https://acme.zendesk.com` → `https://acme.zendesk.com/*`; with the port where the browser allows one. */
export function matchPatternsFor(origins: readonly string[], portsAllowed?: boolean): string[] {
  return [...new Set(origins.map((origin) => originMatchPattern(origin, portsAllowed)))].sort();
}

function sameSet(a: readonly string[] = [], b: readonly string[] = []): boolean {
  return a.length === b.length && [...a].sort().every((value, index) => value === [...b].sort()[index]);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the registration match `origins`: registered for exactly their pages, or absent when there
 * are none. Calls are serialised, because two overlapping ones would both see “not registered” and
 * the second `registerContentScripts` would throw “Duplicate script ID”.
 */
export function syncHelpdeskScript(
  origins: readonly string[],
  scripting: ScriptingApi,
): Promise<'registered' | 'updated' | 'unregistered' | 'unchanged'> {
  const run = queue.then(() => reconcile(matchPatternsFor(origins), scripting));
  queue = run.catch(() => undefined);
  return run;
}

async function reconcile(matches: string[], scripting: ScriptingApi) {
  const existing = (await scripting.getRegisteredContentScripts({ ids: [HELPDESK_SCRIPT_ID] })).find(
    (script) => script.id === HELPDESK_SCRIPT_ID,
  );
  if (matches.length === 0) {
    if (!existing) return 'unchanged' as const;
    await scripting.unregisterContentScripts({ ids: [HELPDESK_SCRIPT_ID] });
    return 'unregistered' as const;
  }
  if (existing) {
    if (sameSet(existing.matches, matches)) return 'unchanged' as const;
    await scripting.updateContentScripts([{ id: HELPDESK_SCRIPT_ID, matches }]);
    return 'updated' as const;
  }
  try {
    await scripting.registerContentScripts([
      {
        id: HELPDESK_SCRIPT_ID,
        js: [HELPDESK_SCRIPT_FILE],
        matches,
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
    return 'registered' as const;
  } catch (error) {
    // Registered meanwhile by another context (an older worker instance): bring it up to date instead.
    if (!String(error).includes('Duplicate script ID')) throw error;
    await scripting.updateContentScripts([{ id: HELPDESK_SCRIPT_ID, matches }]);
    return 'updated' as const;
  }
}
