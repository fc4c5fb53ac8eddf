/*
 * Connections: what the background calls when a page tests, saves, removes or lists helpdesk
 * connections. No function here returns credentials.
 */
export { testConnection, type ConnectionTestResult } from './test-connection';
export { saveConnection, type SaveConnectionResult, type SaveConnectionDeps } from './save-connection';
export { removeConnection } from './remove-connection';
export { listConnectionsWithStatus, type ConnectionStatus, type ConnectionWithStatus } from './list-connections';
export {
  connectionTestInputSchema,
  saveConnectionInputSchema,
  type ConnectionError,
  type ConnectionTestInput,
  type SaveConnectionInput,
} from './connection-input';
