import { createHelpdeskApi } from '../shared/helpdesk-api';
import type { HelpdeskApiProvider } from '../types';
import { FRESHDESK_API_SPEC } from './api';

export const freshdeskApiProvider: HelpdeskApiProvider = {
  kind: 'freshdesk',
  createApi: (origin, credentials, options) => createHelpdeskApi(FRESHDESK_API_SPEC, origin, credentials, options),
};
