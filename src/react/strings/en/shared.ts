/**
 * English strings the provider itself needs (its announcer, the outbox, the
 * public mutation hooks' announcements) and words every area uses. The only
 * English a `MessagingProvider` carries; each component root adds its own
 * area (see `StringsScope`).
 */
export const shared = {
  loading: 'Loading…',
  moreActions: 'More actions',
  retry: 'Retry',
  errorGeneric: 'Something went wrong.',
  unreadCount_one: '{count} unread',
  unreadCount_other: '{count} unread',
  channelSms: 'SMS',
  channelEmail: 'Email',
  archived: 'Archived',
  unarchived: 'Moved to inbox',
  deleted: 'Deleted',
  markedRead: 'Marked as read',
  allMarkedRead: 'All marked as read',
  saved: 'Saved',
  saveFailed: 'Could not save: {error}',
  messageNotSent: 'Message not sent',
  messageMayNotBeSent: 'Message may not have been sent',
  uploadFailed: 'Upload failed: {error}',
} as const;
