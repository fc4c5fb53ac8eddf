import { removeConnection, saveConnection, testConnection } from '../../lib/connections';
import { listConnections, readCredentials } from '../../lib/db/connections';
import type { Handlers } from '../../lib/messaging/router';
import { updateSettings } from '../../lib/settings/settings-store';
import { syncConnection } from '../../lib/sync';
import { withOrigins } from './origins';

/**
 * The connection messages, answered by lib/connections and lib/sync. Credentials arrive here from
 * the options page and go no further than the database and the helpdesk; no answer contains them.
 */
export const connectionHandlers: Pick<Handlers, 'testConnection' | 'saveConnection' | 'removeConnection' | 'syncNow'> =
  {
    async testConnection({ connectionId, kind, origin, credentials }) {
      // Editing a saved connection: test the new address with the stored secret unless a new one was typed.
      const secret = credentials ?? (connectionId ? await readCredentials(connectionId) : undefined);
      if (!secret) return { ok: false, error: 'Enter the credentials for this helpdesk.' };
      const result = await testConnection({ kind, origin, credentials: secret });
      if (!result.ok) return { ok: false, error: result.error.message };
      const { id, name, email } = result.agent;
      return { ok: true, agent: { id, name, email } };
    },

    async saveConnection({ connectionId, kind, label, origin, credentials }) {
      const result = await saveConnection({
        id: connectionId ?? undefined,
        kind,
        label,
        origin,
        credentials: credentials ?? undefined,
      });
      if (!result.ok) throw new Error(result.error.message);
      // The connected origin is also where the agent's tickets are: let the popup recognise them.
      const { connection } = result;
      await updateSettings((settings) => ({
        ...settings,
        helpdeskOrigins: withOrigins(settings.helpdeskOrigins, [{ kind: connection.kind, origin: connection.origin }]),
      }));
      return { connection };
    },

    async removeConnection({ connectionId }) {
      const { removed } = await removeConnection(connectionId);
      return { removed };
    },

    /** Starts the sync and answers at once; progress reaches the options page through `syncState`. */
    async syncNow({ connectionId }) {
      const ids = connectionId ? [connectionId] : (await listConnections()).filter((c) => c.enabled).map((c) => c.id);
      for (const id of ids) {
        syncConnection(id).catch((error: unknown) => console.error(`GapLens: sync of ${id} failed`, error));
      }
      return { started: ids.length };
    },
  };
