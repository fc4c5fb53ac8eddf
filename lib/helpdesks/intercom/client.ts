import { createHelpdeskApi } from '../shared/helpdesk-api';
import type { HelpdeskApiProvider } from '../types';
import { INTERCOM_API_SPEC } from './api';
import { intercomApiOrigin } from './page';

/** The connection stores the agent-UI origin (app.intercom.com); the API answers on the region's API host. */
export const intercomApiProvider: HelpdeskApiProvider = {
  kind: 'intercom',
  createApi: (origin, credentials, options) =>
    createHelpdeskApi(INTERCOM_API_SPEC, intercomApiOrigin(origin), credentials, options),
};
