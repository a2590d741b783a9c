export { NotificationSettings } from './NotificationSettings';
export type { NotificationSettingsProps } from './NotificationSettings';
export {
  NotificationSettingsRoot,
  NotificationSettingsTitle,
  NotificationSettingsTable,
  NotificationSettingsFieldsets,
  NotificationSettingsSwitch,
  NotificationSettingsMessage,
} from './NotificationSettingsParts';
export type { NotificationSettingsSwitchProps, SettingsGridProps } from './NotificationSettingsParts';
export { withSwitch, channelsOf, settingsRows } from './model';
