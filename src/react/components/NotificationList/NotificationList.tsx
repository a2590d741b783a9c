import { forwardRef, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import type { AppNotification } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { useNotifications } from '../../hooks/useNotifications';
import { useControllableState } from '../primitives/useControllableState';
import { NotificationItem } from './NotificationItem';
import type { NotificationOpenHandler } from './NotificationItem';
import {
  NotificationListEmpty,
  NotificationListError,
  NotificationListHeader,
  NotificationListList,
  NotificationListLoadMore,
  NotificationListMarkAll,
  NotificationListRoot,
  NotificationListTitle,
  NotificationListUnreadToggle,
} from './NotificationListParts';
import { useNewNotificationAnnouncement } from './useNewNotificationAnnouncement';
import { withStrings } from '../../strings/StringsScope';
import { notifications } from '../../strings/en/notifications';

/** Props of {@link NotificationList}. */
export interface NotificationListProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** Called when an item is opened (it is marked read first). */
  onOpen?: NotificationOpenHandler;
  /** Where an item links to. @defaultValue `notification.link`; items without a link are buttons */
  getHref?: (notification: AppNotification) => string | undefined;
  /** Show only unread notifications (controlled). */
  unreadOnly?: boolean;
  /** @defaultValue false */
  defaultUnreadOnly?: boolean;
  onUnreadOnlyChange?: (unreadOnly: boolean) => void;
  /** Id for the `h2` (e.g. to label a surrounding dialog). @defaultValue generated */
  titleId?: string;
}

type FocusTarget = { id: string; slot: 'notification-open' | 'notification-mark-read' } | 'empty' | null;

const NotificationListDropInInner = forwardRef<HTMLElement, NotificationListProps>(function NotificationList(
  {
    onOpen,
    getHref,
    unreadOnly: unreadOnlyProp,
    defaultUnreadOnly = false,
    onUnreadOnlyChange,
    titleId: titleIdProp,
    ...rest
  },
  ref,
) {
  const { t, transport } = useMessaging('NotificationList');
  const generatedId = useId();
  const titleId = titleIdProp ?? generatedId;
  const [unreadOnly, setUnreadOnly] = useControllableState({
    value: unreadOnlyProp,
    defaultValue: defaultUnreadOnly,
    onChange: onUnreadOnlyChange,
  });
  const query = useNotifications({ unreadOnly });
  const items = query.notifications;
  useNewNotificationAnnouncement(items, query.isSuccess && !query.isFetchingNextPage);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const listRef = useRef<HTMLUListElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const focusAfter = useRef<FocusTarget>(null);
  const countBeforeMore = useRef<number | null>(null);

  // Focus a planned target once the items it depends on have rendered.
  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    if (target === 'empty') return emptyRef.current?.focus();
    const row = listRef.current?.querySelector(`[data-notification-id="${CSS.escape(target.id)}"]`);
    (
      row?.querySelector<HTMLElement>(`[data-slot="${target.slot}"]`) ??
      row?.querySelector<HTMLElement>('[data-slot="notification-open"]')
    )?.focus();
  }, [items]);

  // "Load more" unmounts after the last page: move focus to the first new item.
  useLayoutEffect(() => {
    if (countBeforeMore.current === null || query.isFetchingNextPage) return;
    const from = countBeforeMore.current;
    countBeforeMore.current = null;
    const active = document.activeElement;
    if (!query.hasNextPage && items[from] && (!active || active === document.body)) {
      focusAfter.current = null;
      listRef.current
        ?.querySelector<HTMLElement>(
          `[data-notification-id="${CSS.escape(items[from].id)}"] [data-slot="notification-open"]`,
        )
        ?.focus();
    }
  }, [items, query.isFetchingNextPage, query.hasNextPage]);

  const onMarkRead = (n: AppNotification) => {
    if (unreadOnly) {
      // The item leaves this view: its neighbour's toggle takes focus.
      const i = items.findIndex((x) => x.id === n.id);
      const next = items[i + 1] ?? items[i - 1];
      focusAfter.current = next ? { id: next.id, slot: 'notification-mark-read' } : 'empty';
    } else {
      setToggled((s) => new Set(s).add(n.id));
    }
  };

  if (!transport.capabilities.notifications) {
    return (
      <NotificationListRoot ref={ref} aria-labelledby={titleId} {...rest}>
        <NotificationListHeader>
          <NotificationListTitle id={titleId} />
        </NotificationListHeader>
        <p className="ik-notifications__empty">{t('unsupported')}</p>
      </NotificationListRoot>
    );
  }

  const hasUnread = items.some((n) => !n.read);
  return (
    <NotificationListRoot
      ref={ref}
      aria-labelledby={titleId}
      aria-busy={query.isFetching || undefined}
      {...rest}
    >
      <NotificationListHeader>
        <NotificationListTitle id={titleId} />
        <NotificationListUnreadToggle checked={unreadOnly} onCheckedChange={setUnreadOnly} />
        <NotificationListMarkAll hasUnread={hasUnread} />
      </NotificationListHeader>
      {query.isPending ? (
        <p className="ik-notifications__loading" data-slot="notification-list-loading">
          {t('loading')}
        </p>
      ) : query.isError && items.length === 0 ? (
        <NotificationListError onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <NotificationListEmpty ref={emptyRef} />
      ) : (
        <NotificationListList ref={listRef}>
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              {...(onOpen ? { onOpen } : {})}
              {...(getHref ? { href: getHref(n) } : {})}
              keepToggle={toggled.has(n.id)}
              onMarkRead={onMarkRead}
            />
          ))}
        </NotificationListList>
      )}
      {query.hasNextPage && items.length > 0 ? (
        <NotificationListLoadMore
          loading={query.isFetchingNextPage}
          onClick={() => {
            if (query.isFetchingNextPage) return;
            countBeforeMore.current = items.length;
            void query.fetchNextPage();
          }}
        />
      ) : null}
    </NotificationListRoot>
  );
});

/**
 * In-app notifications: an `h2`, "Mark all as read", an "Unread only"
 * filter, a `<ul>` of items and "Load more". Opening an item marks it read;
 * each item has its own "Mark as read". New notifications are announced
 * politely (throttled) and inserted at the top without moving focus.
 */
const NotificationListDropIn = withStrings(notifications, NotificationListDropInInner);

/** The drop-in list, with its parts for recomposing (`NotificationList.Root`, `.Item`, …). */
export const NotificationList = Object.assign(NotificationListDropIn, {
  Root: NotificationListRoot,
  Header: NotificationListHeader,
  Title: NotificationListTitle,
  UnreadToggle: NotificationListUnreadToggle,
  MarkAll: NotificationListMarkAll,
  List: NotificationListList,
  Item: NotificationItem,
  LoadMore: NotificationListLoadMore,
  Empty: NotificationListEmpty,
  Error: NotificationListError,
});
