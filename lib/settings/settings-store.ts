import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, describeZodError, settingsSchema, type Settings } from '../model';

/**
 * Settings live in extension storage (small, read on every popup open). Versioned: bump `version`
 * and add a migration when the shape changes; test/fixtures/settings/ keeps an example of each version.
 */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export type SettingsRead = { settings: Settings; problem: string | null };

/**
 * Reads the settings. A stored document that no longer validates (hand-edited, corrupted) does not
 * break anything: the defaults are used, and `problem` says what was wrong so a page can show it.
 */
export async function readSettings(): Promise<SettingsRead> {
  const raw = await settingsItem.getValue();
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, problem: null };
  return {
    settings: DEFAULT_SETTINGS,
    problem: `Stored settings are invalid, so defaults are in use:\n${describeZodError(parsed.error)}`,
  };
}

/** Validates and writes the whole document, or writes nothing. */
export async function writeSettings(next: unknown): Promise<Settings> {
  const settings = settingsSchema.parse(next);
  await settingsItem.setValue(settings);
  return settings;
}

/** Applies a change to the current settings atomically (read, change, validate, write). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const { settings } = await readSettings();
  return writeSettings(change(settings));
}

export function watchSettings(onChange: (read: SettingsRead) => void): () => void {
  return settingsItem.watch(() => void readSettings().then(onChange));
}
