import { browser } from 'wxt/browser';

/**
 * Asks for the optional host permission of exactly these origins. Call it synchronously from a click
 * or submit handler, before awaiting anything else: browsers only show the prompt during a user
 * gesture, and an earlier await spends it.
 */
export function requestHostAccess(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: origins.map((origin) => `${origin}/*`) });
}

export function hostAccessRefused(origins: readonly string[]): string {
  return `GapLens needs permission to reach ${origins.join(' and ')}. Nothing was saved.`;
}

/** Gives up access to an origin no connection uses any more (least privilege). */
export async function releaseHostAccess(origin: string): Promise<void> {
  await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
}
