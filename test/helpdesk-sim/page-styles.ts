/** How each helpdesk's simulated agent page is addressed, labelled and hooked (see pages.ts). */
import { FRESHDESK_STATUS } from './freshdesk-json';
import { GORGIAS_STATUS } from './gorgias-json';
import { HELPSCOUT_STATUS, conversationPath } from './helpscout-json';
import { INTERCOM_CONVERSATION_PATH_PREFIX } from './intercom-api';
import { INTERCOM_STATE } from './intercom-json';
import type { PageStyle } from './pages';

export const zendeskPageStyle: PageStyle = {
  product: 'Zendesk',
  pathPrefix: '/agent/tickets/',
  statuses: [
    { value: 'new', label: 'New' },
    { value: 'open', label: 'Open' },
    { value: 'pending', label: 'Pending' },
    { value: 'hold', label: 'On-hold' },
    { value: 'solved', label: 'Solved' },
    { value: 'closed', label: 'Closed' },
  ],
  statusOf: (ticket) => ticket.status,
  testIds: {
    app: 'ticket-workspace',
    ticketId: 'ticket-system-field-ticketId',
    subject: 'omni-header-subject',
    requester: 'ticket-system-field-requester-select',
    assignee: 'assignee-field-selected-agent-tag',
    description: 'omni-log-item-message',
    statusView: 'ticket-fields-status-view',
    status: 'ticket-fields-status-select',
    reply: 'omnicomposer-rich-text-ckeditor',
    submit: 'submit_button-button',
    prev: 'ticket-pager-previous',
    next: 'ticket-pager-next',
    toast: 'toast-notification',
  },
  accent: '#03363d',
};

export const freshdeskPageStyle: PageStyle = {
  product: 'Freshdesk',
  pathPrefix: '/a/tickets/',
  statuses: [
    { value: '2', label: 'Open' },
    { value: '3', label: 'Pending' },
    { value: '4', label: 'Resolved' },
    { value: '5', label: 'Closed' },
  ],
  statusOf: (ticket) => String(FRESHDESK_STATUS[ticket.status]),
  testIds: {
    app: 'ticket-details',
    ticketId: 'ticket-id',
    subject: 'ticket-subject',
    requester: 'ticket-requester',
    assignee: 'ticket-properties-agent',
    description: 'ticket-description',
    statusView: 'ticket-status-label',
    status: 'ticket-properties-status',
    reply: 'reply-editor',
    submit: 'ticket-properties-update',
    prev: 'ticket-prev',
    next: 'ticket-next',
    toast: 'ticket-toast',
  },
  accent: '#12344d',
};

/** The Gorgias ticket view: `/app/ticket/{id}`, a ticket is open or closed. Hooks are the simulator's own. */
export const gorgiasPageStyle: PageStyle = {
  product: 'Gorgias',
  pathPrefix: '/app/ticket/',
  statuses: [
    { value: 'open', label: 'Open' },
    { value: 'closed', label: 'Closed' },
  ],
  statusOf: (ticket) => GORGIAS_STATUS[ticket.status],
  testIds: {
    app: 'ticket-view',
    ticketId: 'ticket-header-id',
    subject: 'ticket-header-subject',
    requester: 'ticket-customer-name',
    assignee: 'ticket-assignee-user',
    description: 'ticket-message-body',
    statusView: 'ticket-status-label',
    status: 'ticket-status-select',
    reply: 'ticket-reply-editor',
    submit: 'ticket-submit-button',
    prev: 'ticket-navigation-previous',
    next: 'ticket-navigation-next',
    toast: 'ticket-notification',
  },
  accent: '#161616',
};

/**
 * Help Scout's conversation view at `/conversation/{id}/{number}`: the id (what the API and GapLens
 * use) is the first number of the path, the number agents see the second. Hooks are the simulator's own.
 */
export const helpscoutPageStyle: PageStyle = {
  product: 'Help Scout',
  pathPrefix: '/conversation/',
  pathOf: conversationPath,
  idPattern: '^/conversation/(\\d+)',
  statuses: [
    { value: 'active', label: 'Active' },
    { value: 'pending', label: 'Pending' },
    { value: 'closed', label: 'Closed' },
  ],
  statusOf: (ticket) => HELPSCOUT_STATUS[ticket.status],
  testIds: {
    app: 'conversation-view',
    ticketId: 'conversation-number',
    subject: 'conversation-subject',
    requester: 'conversation-customer',
    assignee: 'conversation-assignee',
    description: 'conversation-thread',
    statusView: 'conversation-status-label',
    status: 'conversation-status',
    reply: 'conversation-editor',
    submit: 'conversation-send',
    prev: 'conversation-prev',
    next: 'conversation-next',
    toast: 'conversation-toast',
  },
  accent: '#1292ee',
};

/**
 * Intercom's inbox closes a conversation with a button; the simulator shows the state as a select
 * with the same three states (open, snoozed, closed) so the same page serves all helpdesks. The
 * hooks are the simulator's own (lib/helpdesks/intercom/page.ts reads them).
 */
export const intercomPageStyle: PageStyle = {
  product: 'Intercom',
  pathPrefix: INTERCOM_CONVERSATION_PATH_PREFIX,
  statuses: [
    { value: 'open', label: 'Open' },
    { value: 'snoozed', label: 'Snoozed' },
    { value: 'closed', label: 'Closed' },
  ],
  statusOf: (ticket) => INTERCOM_STATE[ticket.status],
  testIds: {
    app: 'inbox-conversation',
    ticketId: 'conversation-id',
    subject: 'conversation-title',
    requester: 'conversation-contact',
    assignee: 'conversation-assignee',
    description: 'conversation-first-part',
    statusView: 'conversation-state-label',
    status: 'conversation-state-select',
    reply: 'composer',
    submit: 'conversation-state-submit',
    prev: 'conversation-prev',
    next: 'conversation-next',
    toast: 'inbox-toast',
  },
  accent: '#1f8ded',
};
