import { browser } from 'wxt/browser';
import { originMatchPattern } from '../../lib/browser/match-pattern';

/**
 * Asks for the optional host permission of exactly these origins. Call it synchronously from a click
 * or submit handler, before awaiting anything else: browsers only show the prompt during a user
 * gesture, and an earlier await spends it.
 */
export function requestHostAccess(origins: readonly string[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...new Set(origins.map((origin) => originMatchPattern(origin)))] });
}

export function hostAccessRefused(origins: readonly string[]): string {
  return `GapLens needs permission to reach ${origins.join(' and ')}. Nothing was saved.`;
}

/** Gives up access to an origin no connection uses any more (least privilege). */
export async function releaseHostAccess(origin: string): Promise<void> {
  await browser.permissions.remove({ origins: [originMatchPattern(origin)] }).catch(() => false);
}
