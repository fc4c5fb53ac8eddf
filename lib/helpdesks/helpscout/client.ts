import { createHelpdeskApi } from '../shared/helpdesk-api';
import type { HelpdeskApiProvider } from '../types';
import { helpscoutApiSpec } from './api';
import { helpscoutAdapter } from './index';

/** The connection stores the agent-UI origin; the API answers on the adapter's apiOrigin of it. */
export const helpscoutApiProvider: HelpdeskApiProvider = {
  kind: 'helpscout',
  createApi: (origin, credentials, options) =>
    createHelpdeskApi(
      helpscoutApiSpec({ now: options?.now }),
      helpscoutAdapter.apiOrigin!(origin),
      credentials,
      options,
    ),
};
