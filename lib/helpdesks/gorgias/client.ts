import { createHelpdeskApi } from '../shared/helpdesk-api';
import type { HelpdeskApiProvider } from '../types';
import { GORGIAS_API_SPEC } from './api';

export const gorgiasApiProvider: HelpdeskApiProvider = {
  kind: 'gorgias',
  createApi: (origin, credentials, options) => createHelpdeskApi(GORGIAS_API_SPEC, origin, credentials, options),
};
