import { forwardRef, useEffect, useId, useRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useControllableState } from '../primitives/useControllableState';
import { UnreadBadge } from '../UnreadBadge/UnreadBadge';
import { useUnreadCount } from '../UnreadBadge/useUnreadCount';
import { NotificationList } from './NotificationList';
import type { NotificationListProps } from './NotificationList';
import { BELL_PATH } from './NotificationIcon';
import { withStrings } from '../../strings/StringsScope';
import { notifications } from '../../strings/en/notifications';

/** Props of {@link NotificationBell}. */
export interface NotificationBellProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Whether the popover is open (controlled). */
  open?: boolean;
  /** @defaultValue false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Props for the list inside the popover. */
  listProps?: Omit<NotificationListProps, 'titleId'>;
  /** Replaces the list inside the popover. */
  children?: ReactNode;
}

const NotificationBellInner = forwardRef<HTMLDivElement, NotificationBellProps>(function NotificationBell(
  { open: openProp, defaultOpen = false, onOpenChange, listProps, children, className, ...rest },
  ref,
) {
  const { t, theme } = useMessaging('NotificationBell');
  const [open, setOpen] = useControllableState({
    value: openProp,
    defaultValue: defaultOpen,
    onChange: onOpenChange,
  });
  const unread = useUnreadCount('notifications');
  const popoverId = useId();
  const titleId = useId();
  const wrapper = useRef<HTMLDivElement | null>(null);
  const bell = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    if (open && !wasOpen.current) popover.current?.focus();
    wasOpen.current = open;
  }, [open]);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (e: PointerEvent) => {
      if (wrapper.current && !wrapper.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, setOpen]);

  return (
    // Escape from anywhere inside (the button or the open panel) closes the panel: a bubbling listener.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={(node) => {
        wrapper.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      data-slot="notification-bell"
      data-theme={theme}
      data-state={open ? 'open' : 'closed'}
      {...rest}
      className={cx('ik-root', 'ik-bell', className)}
      onKeyDown={(e) => {
        rest.onKeyDown?.(e);
        if (e.defaultPrevented || e.key !== 'Escape' || !open) return;
        e.preventDefault();
        setOpen(false);
        bell.current?.focus();
      }}
    >
      <button
        ref={bell}
        type="button"
        className="ik-button ik-bell__button"
        data-slot="notification-bell-button"
        data-variant="ghost"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen(!open)}
      >
        <svg
          viewBox="0 0 24 24"
          width="22"
          height="22"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          focusable="false"
        >
          <path d={BELL_PATH} />
        </svg>
        <span className="ik-sr-only">{unread.withName(t('notifications'))}</span>
        <UnreadBadge kind="notifications" size="sm" decorative className="ik-bell__badge" />
      </button>
      <div
        ref={popover}
        id={popoverId}
        role="dialog"
        {...(children ? { 'aria-label': t('notifications') } : { 'aria-labelledby': titleId })}
        tabIndex={-1}
        hidden={!open}
        className="ik-bell__popover"
        data-slot="notification-bell-popover"
      >
        {open ? (children ?? <NotificationList {...listProps} titleId={titleId} />) : null}
      </div>
    </div>
  );
});

/**
 * A bell button (`aria-expanded`, its name carries the unread count:
 * "Notifications, 3 unread") that opens the notification list in a
 * non-modal `role="dialog"` popover. Esc closes it and returns focus to the
 * bell; a click outside closes it.
 */
export const NotificationBell = withStrings(notifications, NotificationBellInner);
