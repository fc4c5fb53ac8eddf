import { browser } from 'wxt/browser';

/**
 * Opens GapLens's side panel in a window: Chrome's `sidePanel`, Firefox's `sidebarAction`. Both
 * refuse unless called while handling a user gesture (a click, a command, a menu item), so callers
 * call this synchronously from their handler, never after an `await`.
 */
export function openGapPanel(windowId: number | undefined): Promise<void> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: typeof chrome.sidePanel } }).chrome?.sidePanel;
  if (sidePanel?.open && windowId !== undefined) return sidePanel.open({ windowId });
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return sidebar.open();
  return Promise.reject(new Error('This browser has no side panel GapLens can open.'));
}
