import { browser } from 'wxt/browser';

/** The part of the toolbar button's API GapLens uses. */
export interface ToolbarAction {
  openPopup?(): Promise<void>;
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/**
 * The toolbar button's API: `action` in MV3 (both builds today), `browserAction` in MV2 (a Firefox
 * MV2 build, `wxt build -b firefox` without `--mv3`). WXT does not alias one to the other, and
 * `browser.action` is undefined under MV2.
 */
export function toolbarAction(api: object = browser): ToolbarAction {
  const { action, browserAction } = api as { action?: ToolbarAction; browserAction?: ToolbarAction };
  const found = action ?? browserAction;
  if (!found) throw new Error('This browser has no toolbar button API.');
  return found;
}

/**
 * Opens GapLens's popup, where the browser allows it: Chrome from 127 with or without a user gesture,
 * Firefox only while handling one. Resolves false instead of throwing, so callers can point the
 * agent to the toolbar button or the shortcut.
 */
export async function openToolbarPopup(api: object = browser): Promise<boolean> {
  try {
    const action = toolbarAction(api);
    if (!action.openPopup) return false;
    await action.openPopup();
    return true;
  } catch {
    return false;
  }
}
