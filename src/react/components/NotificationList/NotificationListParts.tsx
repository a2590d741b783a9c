import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { useMarkAllNotificationsRead } from '../../hooks/useMarkAllNotificationsRead';
import { cx } from '../primitives/cx';
import { withStrings } from '../../strings/StringsScope';
import { notifications } from '../../strings/en/notifications';

const NotificationListRootInner = forwardRef<HTMLElement, ComponentPropsWithoutRef<'section'>>(
  function NotificationListRoot({ className, ...rest }, ref) {
    const { theme } = useMessaging('NotificationList.Root');
    return (
      <section
        ref={ref}
        data-slot="notification-list"
        data-theme={theme}
        {...rest}
        className={cx('ik-root', 'ik-notifications', className)}
      />
    );
  },
);

/** The list's `<section>`: a themed root that works alone in a host page. Label it with the title's id. */
export const NotificationListRoot = withStrings(notifications, NotificationListRootInner);

/** The header row: title and actions. */
export const NotificationListHeader = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function NotificationListHeader({ className, ...rest }, ref) {
    return (
      <div
        ref={ref}
        data-slot="notification-list-header"
        {...rest}
        className={cx('ik-notifications__header', className)}
      />
    );
  },
);

/** The `h2` title; "Notifications" unless children are given. */
export const NotificationListTitle = forwardRef<HTMLHeadingElement, ComponentPropsWithoutRef<'h2'>>(
  function NotificationListTitle({ className, children, ...rest }, ref) {
    const { t } = useMessaging('NotificationList.Title');
    return (
      <h2
        ref={ref}
        data-slot="notification-list-title"
        {...rest}
        className={cx('ik-notifications__title', className)}
      >
        {children ?? t('notifications')}
      </h2>
    );
  },
);

/** Props of {@link NotificationListUnreadToggle}. */
export interface NotificationListUnreadToggleProps extends Omit<
  ComponentPropsWithoutRef<'label'>,
  'onChange'
> {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
}

/** The "Unread only" filter: a native checkbox with a visible label. */
export const NotificationListUnreadToggle = forwardRef<HTMLLabelElement, NotificationListUnreadToggleProps>(
  function NotificationListUnreadToggle({ checked, onCheckedChange, className, ...rest }, ref) {
    const { t } = useMessaging('NotificationList.UnreadToggle');
    return (
      <label
        ref={ref}
        data-slot="notification-unread-filter"
        {...rest}
        className={cx('ik-notifications__filter', className)}
      >
        <input type="checkbox" checked={checked} onChange={(e) => onCheckedChange(e.currentTarget.checked)} />
        {t('showUnreadOnly')}
      </label>
    );
  },
);

/** "Mark all as read". `aria-disabled` (still focusable) when nothing is unread, so focus is never lost. */
export const NotificationListMarkAll = forwardRef<
  HTMLButtonElement,
  ComponentPropsWithoutRef<'button'> & { hasUnread: boolean }
>(function NotificationListMarkAll({ hasUnread, className, onClick, ...rest }, ref) {
  const { t } = useMessaging('NotificationList.MarkAll');
  const markAll = useMarkAllNotificationsRead();
  return (
    <button
      ref={ref}
      type="button"
      data-slot="notification-mark-all"
      aria-disabled={hasUnread ? undefined : true}
      {...rest}
      className={cx('ik-button', 'ik-notifications__mark-all', className)}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || !hasUnread || markAll.isPending) return;
        markAll.mutate();
      }}
    >
      {t('markAllRead')}
    </button>
  );
});

/** The `<ul>` of items (not virtualized, so browse mode stays stable). */
export const NotificationListList = forwardRef<HTMLUListElement, ComponentPropsWithoutRef<'ul'>>(
  function NotificationListList({ className, ...rest }, ref) {
    return (
      <ul
        ref={ref}
        data-slot="notification-list-items"
        {...rest}
        className={cx('ik-notifications__list', className)}
      />
    );
  },
);

/** "Load more", after the list. */
export const NotificationListLoadMore = forwardRef<
  HTMLButtonElement,
  ComponentPropsWithoutRef<'button'> & { loading?: boolean }
>(function NotificationListLoadMore({ loading = false, className, children, ...rest }, ref) {
  const { t } = useMessaging('NotificationList.LoadMore');
  return (
    <button
      ref={ref}
      type="button"
      data-slot="notification-load-more"
      aria-disabled={loading || undefined}
      {...rest}
      className={cx('ik-button', 'ik-notifications__more', className)}
    >
      {children ?? (loading ? t('loading') : t('loadMore'))}
    </button>
  );
});

/** Empty state; focusable by script (`tabIndex=-1`) so focus can land here when the last item leaves. */
export const NotificationListEmpty = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(
  function NotificationListEmpty({ className, children, ...rest }, ref) {
    const { t } = useMessaging('NotificationList.Empty');
    return (
      <p
        ref={ref}
        tabIndex={-1}
        data-slot="notification-list-empty"
        {...rest}
        className={cx('ik-notifications__empty', className)}
      >
        {children ?? t('noNotifications')}
      </p>
    );
  },
);

/** Error state with a Retry button. */
export const NotificationListError = forwardRef<
  HTMLDivElement,
  ComponentPropsWithoutRef<'div'> & { onRetry: () => void; message?: string }
>(function NotificationListError({ onRetry, message, className, ...rest }, ref) {
  const { t } = useMessaging('NotificationList.Error');
  return (
    <div
      ref={ref}
      data-slot="notification-list-error"
      {...rest}
      className={cx('ik-notifications__error', className)}
    >
      <p>{message ?? t('notificationsError')}</p>
      <button type="button" className="ik-button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
});
