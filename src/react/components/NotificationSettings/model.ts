import type {
  ChannelPreferences,
  NotificationCategory,
  NotificationChannel,
  NotificationPreferences,
} from '../../../core/types';
import type { StringKey } from '../../strings/en';

/** A row of the settings table. */
export type SettingsCategory = NotificationCategory;

/** String keys for category and channel labels. */
export const CATEGORY_LABELS: Record<NotificationCategory, StringKey> = {
  default: 'categoryDefault',
  message: 'categoryMessage',
  appointment: 'categoryAppointment',
  order: 'categoryOrder',
  payment: 'categoryPayment',
};
export const CHANNEL_LABELS: Record<NotificationChannel, StringKey> = {
  email: 'channelEmail',
  sms: 'channelSms',
  inApp: 'channelInApp',
};

/** Rows: the backend's categories, then "Everything else" (the default entry). */
export function settingsRows(
  categories: readonly Exclude<NotificationCategory, 'default'>[],
): NotificationCategory[] {
  return [...categories, 'default'];
}

/** The channels a category uses: its own entry, else the default's. */
export function channelsOf(
  prefs: NotificationPreferences,
  category: NotificationCategory,
): ChannelPreferences {
  return category === 'default' ? prefs.default : (prefs.categories[category] ?? prefs.default);
}

/**
 * Preferences with one switch changed. A category without its own entry gets
 * one, copied from the default, so changing it never changes other rows.
 */
export function withSwitch(
  prefs: NotificationPreferences,
  category: NotificationCategory,
  channel: NotificationChannel,
  on: boolean,
): NotificationPreferences {
  const next = { ...channelsOf(prefs, category), [channel]: on };
  return category === 'default'
    ? { ...prefs, default: next }
    : { ...prefs, categories: { ...prefs.categories, [category]: next } };
}
