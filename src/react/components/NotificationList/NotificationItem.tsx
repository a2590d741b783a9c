import { forwardRef, useId } from 'react';
import type { ComponentPropsWithoutRef, MouseEvent } from 'react';
import type { AppNotification } from '../../../core/types';
import { formatRelativeTime } from '../../../core/dates';
import { safeUrl } from '../../../core/urls';
import { useMessaging } from '../../MessagingProvider';
import { useMarkNotificationRead } from '../../hooks/useMarkNotificationRead';
import { cx } from '../primitives/cx';
import { NotificationIcon } from './NotificationIcon';

/** Called when a notification is opened; `preventDefault()` on a link's event keeps the browser from navigating. */
export type NotificationOpenHandler = (notification: AppNotification, event: MouseEvent<HTMLElement>) => void;

/** Props of {@link NotificationItem}. */
export interface NotificationItemProps extends Omit<ComponentPropsWithoutRef<'li'>, 'children'> {
  notification: AppNotification;
  /** Called after the item is opened (and marked read). */
  onOpen?: NotificationOpenHandler;
  /** Where the item links to. @defaultValue `notification.link`; without one the item is a button */
  href?: string;
  /**
   * Keep the "Mark as read" control after the item is read (it then reads
   * "Read", `aria-disabled`), so focus on it is not lost. The list sets this
   * for items toggled in this session.
   * @defaultValue false
   */
  keepToggle?: boolean;
  /** Called when the toggle marks the item read. */
  onMarkRead?: (notification: AppNotification) => void;
}

/**
 * One notification: a decorative type icon, a link (or button) named
 * "Unread. {title}, {time}" and described by the body, and a "Mark as read"
 * button. Unread shows as bold + dot + hidden "Unread", never colour alone.
 */
export const NotificationItem = forwardRef<HTMLLIElement, NotificationItemProps>(function NotificationItem(
  { notification: n, onOpen, href, keepToggle = false, onMarkRead, className, ...rest },
  ref,
) {
  const { t, locale } = useMessaging('NotificationList.Item');
  const markRead = useMarkNotificationRead();
  const bodyId = useId();
  const titleId = useId();
  // An unsafe target (another scheme, '//host', backslashes) leaves the item a button.
  const link = safeUrl(href ?? n.link, 'link');
  const open = (event: MouseEvent<HTMLElement>) => {
    if (!n.read) markRead.mutate({ id: n.id, silent: true });
    onOpen?.(n, event);
  };
  const content = (
    <>
      {n.read ? null : <span className="ik-sr-only">{t('unreadPrefix')}</span>}
      {n.read ? null : ' '}
      <span id={titleId} className="ik-notification__title" data-slot="notification-title">
        {n.title}
      </span>
      <span className="ik-sr-only">,</span>{' '}
      <time className="ik-notification__time" data-slot="notification-time" dateTime={n.createdAt}>
        {formatRelativeTime(n.createdAt, locale)}
      </time>
    </>
  );
  const describedBy = n.body ? bodyId : undefined;
  return (
    <li
      ref={ref}
      data-slot="notification"
      data-state={n.read ? 'read' : 'unread'}
      data-type={n.type}
      data-notification-id={n.id}
      {...rest}
      className={cx('ik-notification', className)}
    >
      <span className="ik-notification__icon" data-slot="notification-icon">
        <NotificationIcon type={n.type} />
      </span>
      <div className="ik-notification__main">
        {link ? (
          <a
            className="ik-notification__open"
            data-slot="notification-open"
            href={link}
            aria-describedby={describedBy}
            onClick={open}
          >
            {content}
          </a>
        ) : (
          <button
            type="button"
            className="ik-notification__open"
            data-slot="notification-open"
            aria-describedby={describedBy}
            onClick={open}
          >
            {content}
          </button>
        )}
        {n.body ? (
          <p id={bodyId} className="ik-notification__body" data-slot="notification-body">
            {n.body}
          </p>
        ) : null}
      </div>
      {n.read ? null : (
        <span className="ik-notification__dot" data-slot="notification-dot" aria-hidden="true" />
      )}
      {!n.read || keepToggle ? (
        <button
          type="button"
          className="ik-button ik-notification__mark"
          data-slot="notification-mark-read"
          data-variant="ghost"
          aria-describedby={titleId}
          aria-disabled={n.read ? true : undefined}
          onClick={() => {
            if (n.read) return;
            onMarkRead?.(n);
            markRead.mutate({ id: n.id });
          }}
        >
          {n.read ? t('notificationRead') : t('markAsRead')}
        </button>
      ) : null}
    </li>
  );
});
