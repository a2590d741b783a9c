/**
 * English strings of the notification components, one export per component
 * so each pulls in only its own: the badge's are also what `useUnreadCount` needs.
 */

/** `UnreadBadge` and `useUnreadCount`. */
export const badge = {
  unreadMessages_one: '{count} unread message',
  unreadMessages_other: '{count} unread messages',
  unreadNotifications_one: '{count} unread notification',
  unreadNotifications_other: '{count} unread notifications',
  unreadItems_one: '{count} unread item',
  unreadItems_other: '{count} unread items',
} as const;

/** `NotificationList` and `NotificationBell`. */
export const notifications = {
  notifications: 'Notifications',
  unsupported: 'Not available for this account.',
  loadMore: 'Load more',
  markAllRead: 'Mark all as read',
  markAsRead: 'Mark as read',
  unreadPrefix: 'Unread.',
  noNotifications: 'No notifications.',
  notificationsError: 'Notifications could not be loaded.',
  newNotification: 'New notification: {title}',
  showUnreadOnly: 'Unread only',
  notificationRead: 'Read',
} as const;

/** `NotificationSettings`. */
export const notificationSettings = {
  notificationSettings: 'Notification settings',
  channelInApp: 'In-app',
  categoryDefault: 'Everything else',
  categoryMessage: 'Messages',
  categoryAppointment: 'Appointments',
  categoryOrder: 'Order updates',
  categoryPayment: 'Payments',
  noPreferences: 'This account has no notification settings to change.',
  settingsCategoryHeader: 'Notify me about',
  preferencesError: 'Notification settings could not be loaded.',
} as const;
