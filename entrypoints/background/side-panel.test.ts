import { describe, expect, it, vi } from 'vitest';
import { OPEN_GAP_COMMAND, OPEN_GAP_MENU_ITEM, onGapCommand, onGapMenuClick } from './side-panel';

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
