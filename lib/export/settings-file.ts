import { z } from 'zod';
import { parseJsonFile, type JsonFileRead } from './json-file';
import { ticketPathProblems } from '../helpdesks/generic/settings-check';
import { authTypesFor, unknownKindProblem } from '../messaging/auth-types';
import { credentialsSchema, helpdeskKindSchema, helpdeskOriginSchema, settingsSchema, type Settings } from '../model';

export const SETTINGS_FILE_FORMAT = 'gaplens-settings';

/** A connection in a settings file: credentials included, so an admin can set a machine up in one step. */
export const importedConnectionSchema = z
  .object({
    kind: helpdeskKindSchema,
    label: z.string().trim().min(1).max(120),
    origin: helpdeskOriginSchema,
    credentials: credentialsSchema,
  })
  .superRefine((connection, ctx) => {
    const unknownKind = unknownKindProblem(connection.kind);
    if (unknownKind) ctx.addIssue({ code: 'custom', path: ['kind'], message: unknownKind });
    else if (!authTypesFor(connection.kind).includes(connection.credentials.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['credentials', 'type'],
        message: `${connection.kind} connections use ${authTypesFor(connection.kind).join(' or ')}`,
      });
    }
  });
export type ImportedConnection = z.output<typeof importedConnectionSchema>;

/**
 * The settings file (documented in the README):
 * `{ "format": "gaplens-settings", "version": 1, "settings": {...}, "connections"?: [{ kind, label, origin, credentials }] }`.
 * Every origin must pass `parseHelpdeskOrigin` (https, or http on localhost / 127.0.0.1).
 */
export const settingsFileSchema = z
  .object({
    format: z.literal(SETTINGS_FILE_FORMAT),
    version: z.literal(1),
    settings: settingsSchema,
    connections: z.array(importedConnectionSchema).max(20).optional(),
  })
  .superRefine((file, ctx) => {
    file.settings.helpdeskOrigins.forEach((entry, index) => {
      const unknownKind = unknownKindProblem(entry.kind);
      if (unknownKind)
        ctx.addIssue({ code: 'custom', path: ['settings', 'helpdeskOrigins', index, 'kind'], message: unknownKind });
    });
    for (const { path, message } of ticketPathProblems(file.settings.helpdeskOrigins))
      ctx.addIssue({ code: 'custom', path: ['settings', 'helpdeskOrigins', ...path], message });
  });
export type SettingsFile = z.output<typeof settingsFileSchema>;

export type SettingsFileRead = JsonFileRead<SettingsFile>;

/** Reads a settings file's text: JSON first, then the schema; each problem is reported with its path. */
export function parseSettingsFile(text: string): SettingsFileRead {
  return parseJsonFile(text, settingsFileSchema);
}

/** The settings as a file. Connections are left out: they only make sense with credentials, which never leave. */
export function buildSettingsFile(settings: Settings): SettingsFile {
  return { format: SETTINGS_FILE_FORMAT, version: 1, settings };
}
