import { forwardRef, useId } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { NotificationCategory, NotificationChannel, NotificationPreferences } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { CATEGORY_LABELS, CHANNEL_LABELS, channelsOf } from './model';
import { withStrings } from '../../strings/StringsScope';
import { notificationSettings } from '../../strings/en/notifications';

/** What the table and the fieldsets both render. */
export interface SettingsGridProps {
  preferences: NotificationPreferences;
  /** Row order: categories, then `default`. */
  rows: readonly NotificationCategory[];
  channels: readonly NotificationChannel[];
  onSwitchChange: (category: NotificationCategory, channel: NotificationChannel, on: boolean) => void;
}

const NotificationSettingsRootInner = forwardRef<HTMLElement, ComponentPropsWithoutRef<'section'>>(
  function NotificationSettingsRoot({ className, ...rest }, ref) {
    const { theme } = useMessaging('NotificationSettings.Root');
    return (
      <section
        ref={ref}
        data-slot="notification-settings"
        data-theme={theme}
        {...rest}
        className={cx('ik-root', 'ik-settings', className)}
      />
    );
  },
);

/** The settings `<section>`: a themed root that works alone in a host page. */
export const NotificationSettingsRoot = withStrings(notificationSettings, NotificationSettingsRootInner);

/** The `h2` title; "Notification settings" unless children are given. */
export const NotificationSettingsTitle = forwardRef<HTMLHeadingElement, ComponentPropsWithoutRef<'h2'>>(
  function NotificationSettingsTitle({ className, children, ...rest }, ref) {
    const { t } = useMessaging('NotificationSettings.Title');
    return (
      <h2
        ref={ref}
        data-slot="notification-settings-title"
        {...rest}
        className={cx('ik-settings__title', className)}
      >
        {children ?? t('notificationSettings')}
      </h2>
    );
  },
);

/** Props of {@link NotificationSettingsSwitch}. */
export interface NotificationSettingsSwitchProps extends Omit<
  ComponentPropsWithoutRef<'input'>,
  'type' | 'role' | 'onChange' | 'checked'
> {
  category: NotificationCategory;
  channel: NotificationChannel;
  checked: boolean;
  onCheckedChange: (on: boolean) => void;
}

/**
 * One switch: a native checkbox with `role="switch"`, named by its row and
 * column headers ("Order updates Email"); the name never changes with state.
 */
export const NotificationSettingsSwitch = forwardRef<HTMLInputElement, NotificationSettingsSwitchProps>(
  function NotificationSettingsSwitch(
    { category, channel, checked, onCheckedChange, className, ...rest },
    ref,
  ) {
    return (
      <input
        ref={ref}
        type="checkbox"
        role="switch"
        checked={checked}
        data-slot="notification-switch"
        data-category={category}
        data-channel={channel}
        data-state={checked ? 'on' : 'off'}
        {...rest}
        className={cx('ik-switch', className)}
        onChange={(e) => onCheckedChange(e.currentTarget.checked)}
      />
    );
  },
);

/** Categories × channels as a `<table>` with row and column headers. */
export const NotificationSettingsTable = forwardRef<
  HTMLTableElement,
  SettingsGridProps & Omit<ComponentPropsWithoutRef<'table'>, 'children'>
>(function NotificationSettingsTable(
  { preferences, rows, channels, onSwitchChange, className, ...rest },
  ref,
) {
  const { t } = useMessaging('NotificationSettings.Table');
  const id = useId();
  return (
    <table
      ref={ref}
      data-slot="notification-settings-table"
      {...rest}
      className={cx('ik-settings__table', className)}
    >
      <thead>
        <tr>
          <th scope="col">{t('settingsCategoryHeader')}</th>
          {channels.map((ch) => (
            <th key={ch} scope="col" id={`${id}-col-${ch}`}>
              {t(CHANNEL_LABELS[ch])}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cat) => {
          const values = channelsOf(preferences, cat);
          return (
            <tr key={cat} data-category={cat}>
              <th scope="row" id={`${id}-row-${cat}`}>
                {t(CATEGORY_LABELS[cat])}
              </th>
              {channels.map((ch) => (
                <td key={ch}>
                  <NotificationSettingsSwitch
                    category={cat}
                    channel={ch}
                    checked={values[ch]}
                    aria-labelledby={`${id}-row-${cat} ${id}-col-${ch}`}
                    onCheckedChange={(on) => onSwitchChange(cat, ch, on)}
                  />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});

/** The narrow layout (≤ 320 px): one `<fieldset>` per category, a labelled switch per channel. */
export const NotificationSettingsFieldsets = forwardRef<
  HTMLDivElement,
  SettingsGridProps & Omit<ComponentPropsWithoutRef<'div'>, 'children'>
>(function NotificationSettingsFieldsets(
  { preferences, rows, channels, onSwitchChange, className, ...rest },
  ref,
) {
  const { t } = useMessaging('NotificationSettings.Fieldsets');
  const id = useId();
  return (
    <div
      ref={ref}
      data-slot="notification-settings-fieldsets"
      {...rest}
      className={cx('ik-settings__fieldsets', className)}
    >
      {rows.map((cat) => {
        const values = channelsOf(preferences, cat);
        return (
          <fieldset key={cat} className="ik-settings__fieldset" data-category={cat}>
            <legend id={`${id}-row-${cat}`}>{t(CATEGORY_LABELS[cat])}</legend>
            {channels.map((ch) => (
              <label key={ch} className="ik-settings__option">
                <NotificationSettingsSwitch
                  category={cat}
                  channel={ch}
                  checked={values[ch]}
                  aria-labelledby={`${id}-row-${cat} ${id}-${cat}-${ch}`}
                  onCheckedChange={(on) => onSwitchChange(cat, ch, on)}
                />
                <span id={`${id}-${cat}-${ch}`}>{t(CHANNEL_LABELS[ch])}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
});

/** A visible message under the settings (unsupported backend, load or save error). */
export const NotificationSettingsMessage = forwardRef<
  HTMLParagraphElement,
  ComponentPropsWithoutRef<'p'> & { tone?: 'info' | 'error' }
>(function NotificationSettingsMessage({ tone = 'info', className, ...rest }, ref) {
  return (
    <p
      ref={ref}
      data-slot="notification-settings-message"
      data-tone={tone}
      {...rest}
      className={cx('ik-settings__message', className)}
    />
  );
});
