import { browser, type Browser } from 'wxt/browser';
import { openGapPanel } from '../../components/open-gap-panel';

/** The manifest command (wxt.config.ts) and the toolbar context-menu item that open the side panel. */
export const OPEN_GAP_COMMAND = 'open-gap';
export const OPEN_GAP_MENU_ITEM = 'gaplens-open-gap';

const logFailure = (error: unknown) => console.error('GapLens: opening the side panel failed', error);

/** The command handler: Alt+Shift+J (as suggested in the manifest) opens the panel in the tab's window. */
export function onGapCommand(command: string, tab: Browser.tabs.Tab | undefined, open = openGapPanel): void {
  if (command === OPEN_GAP_COMMAND) open(tab?.windowId).catch(logFailure);
}

export function onGapMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  open = openGapPanel,
): void {
  if (info.menuItemId === OPEN_GAP_MENU_ITEM) open(tab?.windowId).catch(logFailure);
}

/** Adds “Open my gap” to the toolbar button's context menu; idempotent, as install runs on every update. */
export async function createGapMenuItem(): Promise<void> {
  await browser.contextMenus.remove(OPEN_GAP_MENU_ITEM).catch(() => undefined);
  // MV2 (Firefox) names the toolbar button's menu `browser_action`, MV3 `action`.
  const context = browser.runtime.getManifest().manifest_version === 3 ? 'action' : 'browser_action';
  browser.contextMenus.create({ id: OPEN_GAP_MENU_ITEM, title: 'Open my gap', contexts: [context] });
}

/** The three ways to the side panel besides the popup's button: shortcut, toolbar context menu. */
export function registerSidePanelOpeners(): void {
  browser.commands.onCommand.addListener((command, tab) => onGapCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => onGapMenuClick(info, tab));
  browser.runtime.onInstalled.addListener(() => {
    createGapMenuItem().catch(logFailure);
  });
  // Chrome keeps menu items across restarts; Firefox drops those of a persistent (MV2) background
  // page, so the item is made again at each start (creation is idempotent).
  browser.runtime.onStartup.addListener(() => {
    createGapMenuItem().catch(logFailure);
  });
}
