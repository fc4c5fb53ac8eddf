import { createHelpdeskApi } from '../shared/helpdesk-api';
import type { HelpdeskApiProvider } from '../types';
import { ZENDESK_API_SPEC } from './api';

export const zendeskApiProvider: HelpdeskApiProvider = {
  kind: 'zendesk',
  createApi: (origin, credentials, options) => createHelpdeskApi(ZENDESK_API_SPEC, origin, credentials, options),
};
