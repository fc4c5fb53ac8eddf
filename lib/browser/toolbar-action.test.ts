import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openToolbarPopup, toolbarAction, type ToolbarAction } from './toolbar-action';

function buttonApi(openPopup?: () => Promise<void>): ToolbarAction {
  return {
    ...(openPopup && { openPopup }),
    setBadgeText: vi.fn().mockResolvedValue(undefined),
    setBadgeBackgroundColor: vi.fn().mockResolvedValue(undefined),
    setTitle: vi.fn().mockResolvedValue(undefined),
  };
}

describe('toolbarAction', () => {
  it('uses `action` in MV3 (Chrome, and the fake browser)', () => {
    expect(toolbarAction(fakeBrowser)).toBe(fakeBrowser.action);
  });

  it('uses `browserAction` in MV2 (the Firefox build), where `action` does not exist', async () => {
    const browserAction = buttonApi();
    const action = toolbarAction({ browserAction });
    expect(action).toBe(browserAction);
    await action.setBadgeText({ text: '2' });
    expect(browserAction.setBadgeText).toHaveBeenCalledWith({ text: '2' });
  });

  it('says so when the browser has neither', () => {
    expect(() => toolbarAction({})).toThrow(/no toolbar button API/);
  });
});

describe('openToolbarPopup', () => {
  it('opens the popup and says it did', async () => {
    const openPopup = vi.fn().mockResolvedValue(undefined);
    expect(await openToolbarPopup({ browserAction: buttonApi(openPopup) })).toBe(true);
    expect(openPopup).toHaveBeenCalledOnce();
  });

  it('answers false when the browser refuses (Firefox outside a user gesture)', async () => {
    const refused = () => Promise.reject(new Error('openPopup requires a user gesture'));
    expect(await openToolbarPopup({ browserAction: buttonApi(refused) })).toBe(false);
  });

  it('answers false when there is no openPopup or no toolbar API at all', async () => {
    expect(await openToolbarPopup({ action: buttonApi() })).toBe(false);
    expect(await openToolbarPopup({})).toBe(false);
  });
});
