import { browser } from 'wxt/browser';

/** The command that opens the popup: `_execute_action` on MV3, `_execute_browser_action` on MV2 (wxt.config.ts). */
const OPEN_POPUP_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** The keyboard shortcut that opens GapLens, as the browser reports it, or null when none is set. */
export async function readShortcut(): Promise<string | null> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name && OPEN_POPUP_COMMANDS.has(command.name))?.shortcut || null;
}

/** Where the user changes extension shortcuts in this browser. */
export function shortcutSettingsHint(): string {
  return navigator.userAgent.includes('Firefox')
    ? 'In Firefox: open about:addons, click the gear icon, then “Manage Extension Shortcuts”.'
    : 'In Chrome: open chrome://extensions/shortcuts and set “Rate the current ticket” for GapLens.';
}
