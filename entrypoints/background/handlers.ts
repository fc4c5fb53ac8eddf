import { saveAssessment } from '../../lib/db/assessments';
import type { SettingsFile } from '../../lib/export/settings-file';
import type { Handlers } from '../../lib/messaging/router';
import { describeZodError, settingsSchema, type HelpdeskOriginEntry } from '../../lib/model';
import { writeSettings } from '../../lib/settings/settings-store';
import { connectionHandlers } from './connection-handlers';
import { eraseAllData } from './erase';

/** `entries` plus each of `more` that is not in it yet (same kind and origin). */
export function withOrigins(
  entries: readonly HelpdeskOriginEntry[],
  more: readonly HelpdeskOriginEntry[],
): HelpdeskOriginEntry[] {
  const merged = [...entries];
  for (const entry of more) {
    if (!merged.some((e) => e.kind === entry.kind && e.origin === entry.origin)) merged.push(entry);
  }
  return merged;
}

/**
 * Applies a validated settings file. Everything is checked before anything is written, so a file
 * that fails leaves the settings and connections as they were. Connection origins also become
 * recognised ticket origins.
 */
async function importSettings(file: SettingsFile) {
  const connections = file.connections ?? [];
  const parsed = settingsSchema.safeParse({
    ...file.settings,
    helpdeskOrigins: withOrigins(
      file.settings.helpdeskOrigins,
      connections.map(({ kind, origin }) => ({ kind, origin })),
    ),
  });
  if (!parsed.success) throw new Error(`importSettings was rejected:\n${describeZodError(parsed.error)}`);
  for (const connection of connections) {
    await handlers.saveConnection({ connectionId: null, ...connection });
  }
  const settings = await writeSettings(parsed.data);
  return { settings, connectionsSaved: connections.length };
}

export const handlers: Handlers = {
  saveAssessment: (draft) => saveAssessment(draft),
  eraseAllData: () => eraseAllData(),
  importSettings,
  ...connectionHandlers,
};
