import type { TransportCapabilities } from '../types';

/** MIME types the Shopmonkey adapter offers for attachments (what the reference server's blob upload accepts). */
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

/** Which optional parts of the Shopmonkey adapter are switched on (see `ShopmonkeyTransportOptions`). */
export interface ShopmonkeyFeatures {
  /** An `events` source is connected. */
  realtime: boolean;
  /** Internal notes are offered (`notes` option). @defaultValue true */
  notes?: boolean;
  /** Per-category notification config (`notificationCategories` option). @defaultValue false */
  notificationCategories?: boolean;
}

/** What the Shopmonkey v3 message API can do with the given options. */
export function shopmonkeyCapabilities(f: ShopmonkeyFeatures): TransportCapabilities {
  return {
    // Canned messages from /v3/message_template; no categories, so the picker shows them under "other".
    templates: true,
    createTemplates: true,
    quickReplies: false,
    archive: false,
    unarchive: false,
    delete: false,
    report: false,
    attachments: { maxCount: 5, maxBytes: 10 * 1024 * 1024, mimeTypes: SHOPMONKEY_MIME_TYPES },
    perMessageRead: false,
    // Nothing documents idempotency for POST /v3/message: a retried create may text a customer twice.
    idempotentSends: false,
    internalNotes: f.notes !== false,
    deliveryChannels: ['sms', 'email'],
    notifications: false,
    preferences: true,
    // The documented config entry has three switches and no category; `type` is a reference-server extension.
    preferenceCategories: f.notificationCategories ? ['message', 'appointment', 'order', 'payment'] : [],
    preferenceChannels: ['email', 'sms', 'inApp'],
    startConversation: false,
    filters: ['all', 'unread', 'read', 'archived'],
    roleFilter: false,
    search: true,
    realtime: f.realtime,
    suggestedReplies: true,
    orderShare: true,
    quietHours: true,
    maxTextLength: 5000,
  };
}
