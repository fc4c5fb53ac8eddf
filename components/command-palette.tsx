import { Command } from 'cmdk';

/**
 * A VS Code-style command palette (DESIGN.md §7) on cmdk, a maintained command-menu library: it
 * brings fuzzy filtering, arrow-key navigation and a labelled, focus-trapping dialog (Radix), so the
 * palette is keyboard-first and announced properly by screen readers.
 */

export interface PaletteCommand {
  id: string;
  /** What the user types and sees: “Filter: last 30 days”. */
  title: string;
  group: string;
  /** Extra words the filter matches, e.g. `['period', 'range']`. */
  keywords?: string[];
  /** A shortcut shown beside the title. */
  shortcut?: string;
  /** Shown as the current choice (a check mark). */
  active?: boolean;
  run: () => void;
}

export interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  commands: readonly PaletteCommand[];
}

export default function CommandPalette({ open, onOpenChange, commands }: CommandPaletteProps) {
  const groups = [...new Set(commands.map((command) => command.group))];
  return (
    <Command.Dialog open={open} onOpenChange={onOpenChange} label="Command palette" className="command-palette" loop>
      <Command.Input placeholder="Type a command…" aria-label="Command" />
      <Command.List>
        <Command.Empty>No command matches.</Command.Empty>
        {groups.map((group) => (
          <Command.Group key={group} heading={group}>
            {commands
              .filter((command) => command.group === group)
              .map((command) => (
                <Command.Item
                  key={command.id}
                  value={command.title}
                  keywords={command.keywords}
                  onSelect={() => {
                    onOpenChange(false);
                    command.run();
                  }}
                >
                  <span>{command.title}</span>
                  {command.active && <span aria-label="(current)"> ✓</span>}
                  {command.shortcut && <kbd>{command.shortcut}</kbd>}
                </Command.Item>
              ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command.Dialog>
  );
}
