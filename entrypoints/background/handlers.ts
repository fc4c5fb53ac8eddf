import { saveAssessment } from '../../lib/db/assessments';
import { importAssessments } from '../../lib/db/assessments-import';
import { listConnections } from '../../lib/db/connections';
import type { SettingsFile } from '../../lib/export/settings-file';
import type { Handlers } from '../../lib/messaging/router';
import { describeZodError, settingsSchema } from '../../lib/model';
import { writeSettings } from '../../lib/settings/settings-store';
import { connectionHandlers } from './connection-handlers';
import { eraseAllData } from './erase';
import { withOrigins } from './origins';

/**
 * Applies a validated settings file. Everything is checked before anything is written: the
 * settings, then every connection's credentials against its helpdesk. A file that fails leaves
 * settings and connections as they were. A connection to a kind and origin already connected
 * updates that connection (importing twice changes nothing); its origin becomes a ticket origin.
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
  const existing = await listConnections();
  const requests = connections.map((connection) => ({
    ...connection,
    connectionId: existing.find((c) => c.kind === connection.kind && c.origin === connection.origin)?.id ?? null,
  }));
  const tests = await Promise.all(requests.map((request) => handlers.testConnection(request)));
  const failed = tests.flatMap((test, index) =>
    test.ok ? [] : [`${requests[index]!.label} (${requests[index]!.origin}): ${test.error}`],
  );
  if (failed.length > 0) throw new Error(`Nothing was imported. These connections failed:\n${failed.join('\n')}`);
  // Settings first, so each connection's first sync is scheduled at the imported interval.
  const settings = await writeSettings(parsed.data);
  for (const request of requests) await handlers.saveConnection(request);
  return { settings, connectionsSaved: requests.length };
}

export const handlers: Handlers = {
  saveAssessment: (draft) => saveAssessment(draft),
  eraseAllData: () => eraseAllData(),
  importSettings,
  importAssessments: (file) => importAssessments(file.assessments),
  ...connectionHandlers,
};
