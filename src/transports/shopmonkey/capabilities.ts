import type { TransportCapabilities } from '../types';

/** MIME types the Shopmonkey adapter offers for attachments (the reference server's `POST /v3/file` list). */
export const SHOPMONKEY_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** What the Shopmonkey v3 message API can do; `realtime` depends on an `events` source. */
export function shopmonkeyCapabilities(realtime: boolean): TransportCapabilities {
  return {
    templates: false,
    createTemplates: false,
    quickReplies: false,
    archive: false,
    unarchive: false,
    delete: false,
    report: false,
    attachments: { maxCount: 5, maxBytes: 10 * 1024 * 1024, mimeTypes: SHOPMONKEY_MIME_TYPES },
    perMessageRead: false,
    // Nothing documents idempotency for POST /v3/message: a retried create may text a customer twice.
    idempotentSends: false,
    internalNotes: true,
    deliveryChannels: ['sms', 'email'],
    notifications: false,
    preferences: true,
    preferenceCategories: ['message', 'appointment', 'order', 'payment'],
    preferenceChannels: ['email', 'sms', 'inApp'],
    startConversation: false,
    filters: ['all', 'unread', 'read', 'archived'],
    roleFilter: false,
    search: true,
    realtime,
    suggestedReplies: true,
    orderShare: true,
    quietHours: true,
    maxTextLength: 5000,
  };
}
