import { forwardRef, useId, useLayoutEffect, useRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { NotificationCategory, NotificationChannel } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { usePreferences } from '../../hooks/usePreferences';
import { useUpdatePreferences } from '../../hooks/useUpdatePreferences';
import { settingsRows, withSwitch } from './model';
import {
  NotificationSettingsFieldsets,
  NotificationSettingsMessage,
  NotificationSettingsRoot,
  NotificationSettingsSwitch,
  NotificationSettingsTable,
  NotificationSettingsTitle,
} from './NotificationSettingsParts';
import { useNarrowContainer } from './useNarrowContainer';
import { withStrings } from '../../strings/StringsScope';
import { notificationSettings } from '../../strings/en/notifications';

/** Props of {@link NotificationSettings}. */
export interface NotificationSettingsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /**
   * `table` (categories × channels), `fieldsets` (one per category, for
   * narrow spaces) or `auto`: fieldsets when the component is 320 px wide
   * or less.
   * @defaultValue 'auto'
   */
  layout?: 'auto' | 'table' | 'fieldsets';
}

/** Width at or below which `layout="auto"` uses fieldsets (WCAG 1.4.10 reflow). */
const NARROW_PX = 320;

const NotificationSettingsDropInInner = forwardRef<HTMLElement, NotificationSettingsProps>(
  function NotificationSettings({ layout = 'auto', ...rest }, ref) {
    const { t, transport } = useMessaging('NotificationSettings');
    const titleId = useId();
    const rootRef = useRef<HTMLElement | null>(null);
    const query = usePreferences();
    const save = useUpdatePreferences();
    const narrow = useNarrowContainer(rootRef, NARROW_PX, layout === 'auto');
    const fieldsets = layout === 'fieldsets' || (layout === 'auto' && narrow);

    // Switching layouts replaces the switches: keep focus on the same one.
    const focused = useRef<{ category: string; channel: string } | null>(null);
    const trackFocus = (e: React.FocusEvent) => {
      const el = e.target as HTMLElement;
      focused.current =
        el.dataset.category && el.dataset.channel
          ? { category: el.dataset.category, channel: el.dataset.channel }
          : null;
    };
    useLayoutEffect(() => {
      const root = rootRef.current;
      const f = focused.current;
      if (!root || !f || root.contains(root.ownerDocument.activeElement)) return;
      root
        .querySelector<HTMLElement>(
          `[data-slot="notification-switch"][data-category="${f.category}"][data-channel="${f.channel}"]`,
        )
        ?.focus();
    }, [fieldsets]);

    const setRef = (node: HTMLElement | null) => {
      rootRef.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    };
    const caps = transport.capabilities;
    let body: React.ReactNode;
    if (!caps.preferences) {
      body = <NotificationSettingsMessage>{t('noPreferences')}</NotificationSettingsMessage>;
    } else if (query.isPending) {
      body = <NotificationSettingsMessage>{t('loading')}</NotificationSettingsMessage>;
    } else if (query.isError) {
      body = (
        <div className="ik-settings__error" data-slot="notification-settings-error">
          <NotificationSettingsMessage tone="error">{t('preferencesError')}</NotificationSettingsMessage>
          <button type="button" className="ik-button" onClick={() => void query.refetch()}>
            {t('retry')}
          </button>
        </div>
      );
    } else {
      const preferences = query.data;
      const grid = {
        preferences,
        rows: settingsRows(caps.preferenceCategories),
        channels: caps.preferenceChannels,
        onSwitchChange: (category: NotificationCategory, channel: NotificationChannel, on: boolean) =>
          save.update(withSwitch(preferences, category, channel, on)),
      };
      body = (
        <>
          {fieldsets ? (
            <NotificationSettingsFieldsets {...grid} />
          ) : (
            <NotificationSettingsTable {...grid} aria-labelledby={titleId} />
          )}
          {save.error ? (
            <NotificationSettingsMessage tone="error">
              {t('saveFailed', { error: save.error.message })}
            </NotificationSettingsMessage>
          ) : null}
        </>
      );
    }
    return (
      <NotificationSettingsRoot
        ref={setRef}
        aria-labelledby={titleId}
        data-saving={save.saving || undefined}
        data-layout={fieldsets ? 'fieldsets' : 'table'}
        onFocus={trackFocus}
        {...rest}
      >
        <NotificationSettingsTitle id={titleId} />
        {body}
      </NotificationSettingsRoot>
    );
  },
);

/**
 * Notification channel switches per category, saved as you toggle:
 * optimistic, serialized (the server ends with your last choice), "Saved"
 * announced politely; a failed save reverts, is announced assertively and
 * shown. A backend without preferences says so.
 */
const NotificationSettingsDropIn = withStrings(notificationSettings, NotificationSettingsDropInInner);

/** The drop-in settings, with its parts for recomposing (`NotificationSettings.Table`, `.Switch`, …). */
export const NotificationSettings = Object.assign(NotificationSettingsDropIn, {
  Root: NotificationSettingsRoot,
  Title: NotificationSettingsTitle,
  Table: NotificationSettingsTable,
  Fieldsets: NotificationSettingsFieldsets,
  Switch: NotificationSettingsSwitch,
  Message: NotificationSettingsMessage,
});
