import type { QueryClient } from '@tanstack/react-query';
import type { AppNotification, UnreadSummary } from '../../core/types';
import type { NotificationPages } from '../queries';
import { inboxKeys } from '../queryKeys';

/** Snapshot of every notification list and the unread summary, for rollback. */
export type NotificationSnapshot = Array<[readonly unknown[], unknown]>;

/** Takes a snapshot of the notification lists and the summary. */
export function snapshotNotifications(client: QueryClient, scope: string): NotificationSnapshot {
  return [
    ...client.getQueriesData({ queryKey: inboxKeys.notifications(scope) }),
    [inboxKeys.unread(scope), client.getQueryData(inboxKeys.unread(scope))],
  ];
}

/** Restores a snapshot. */
export function restoreNotifications(client: QueryClient, snapshot: NotificationSnapshot): void {
  for (const [key, data] of snapshot) client.setQueryData(key, data);
}

/**
 * Marks notifications read in every cached list: changed in the full lists,
 * removed from the unread-only lists. `ids` undefined means all. Returns how
 * many unread ones it found, so the badge can drop by as many.
 */
export function markNotificationsReadInCache(
  client: QueryClient,
  scope: string,
  ids: Set<string> | undefined,
  readAt: string,
): number {
  const unreadSeen = new Set<string>();
  for (const [key, data] of client.getQueriesData<NotificationPages>({
    queryKey: [...inboxKeys.notifications(scope), 'list'],
  })) {
    if (!data) continue;
    const unreadOnly = (key[4] as { unreadOnly?: boolean } | undefined)?.unreadOnly ?? false;
    const hit = (n: AppNotification) => !ids || ids.has(n.id);
    const pages = data.pages.map((p) => {
      let removed = 0;
      const items: AppNotification[] = [];
      for (const n of p.items) {
        if (!hit(n) || n.read) {
          items.push(n);
          continue;
        }
        unreadSeen.add(n.id);
        if (unreadOnly) removed++;
        else items.push({ ...n, read: true, readAt });
      }
      return removed || items.some((n, i) => n !== p.items[i])
        ? { ...p, items, ...(p.total !== undefined ? { total: Math.max(0, p.total - removed) } : {}) }
        : p;
    });
    client.setQueryData<NotificationPages>(key, { ...data, pages });
  }
  return unreadSeen.size;
}

/** Lowers the summary's notification count by `by` (all the way to 0 with `'all'`). */
export function lowerNotificationCount(client: QueryClient, scope: string, by: number | 'all'): void {
  client.setQueryData<UnreadSummary>(inboxKeys.unread(scope), (s) =>
    s && s.notifications !== undefined
      ? { ...s, notifications: by === 'all' ? 0 : Math.max(0, s.notifications - by) }
      : s,
  );
}
