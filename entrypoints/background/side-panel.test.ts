import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  OPEN_GAP_COMMAND,
  OPEN_GAP_MENU_ITEM,
  createGapMenuItem,
  onGapCommand,
  onGapMenuClick,
  registerSidePanelOpeners,
} from './side-panel';

const tab = { windowId: 7 } as never;

describe('side panel openers', () => {
  it('open the panel in the window of the tab the shortcut was pressed on', () => {
    const open = vi.fn().mockResolvedValue(undefined);
    onGapCommand(OPEN_GAP_COMMAND, tab, open);
    expect(open).toHaveBeenCalledWith(7);
  });

  it('leave other commands alone (the popup has its own)', () => {
    const open = vi.fn().mockResolvedValue(undefined);
    onGapCommand('_execute_action', tab, open);
    expect(open).not.toHaveBeenCalled();
  });

  it('open the panel from the toolbar context menu item, and only from it', () => {
    const open = vi.fn().mockResolvedValue(undefined);
    onGapMenuClick({ menuItemId: 'something-else' } as never, tab, open);
    onGapMenuClick({ menuItemId: OPEN_GAP_MENU_ITEM } as never, tab, open);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith(7);
  });
});

describe('the toolbar menu item “Open my gap”', () => {
  let create: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fakeBrowser.reset();
    create = vi.fn();
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(create as never);
    vi.spyOn(fakeBrowser.contextMenus, 'remove').mockResolvedValue(undefined as never);
  });
  afterEach(() => vi.restoreAllMocks());

  const manifestVersion = (version: 2 | 3) =>
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: version } as never);

  it('sits on the `action` button in MV3 (Chrome)', async () => {
    manifestVersion(3);
    await createGapMenuItem();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: OPEN_GAP_MENU_ITEM, contexts: ['action'] }));
  });

  it('sits on the `browser_action` button in MV2 (the Firefox build)', async () => {
    manifestVersion(2);
    await createGapMenuItem();
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ id: OPEN_GAP_MENU_ITEM, contexts: ['browser_action'] }),
    );
  });

  it('is made again at each browser start, since Firefox forgets a persistent page’s items', async () => {
    manifestVersion(2);
    // The fake browser implements neither listener; only the start-up one is under test here.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
    registerSidePanelOpeners();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(create).toHaveBeenCalledOnce());
  });
});
