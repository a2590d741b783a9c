import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AppNotification } from '../../core/types';
import { useMessaging } from '../MessagingProvider';
import { notificationListOptions } from '../queries';

/**
 * The in-app notifications (newest first) as an infinite query; all of them
 * or only unread ones. Realtime does not push notifications, so with a
 * realtime transport the list polls (`pollIntervalMs`, paused while the page
 * is hidden); without one the provider polls the unread summary and a change
 * of the notification count refetches this list (useRealtime). Disabled where
 * the backend has no notifications.
 */
export function useNotifications(options: { unreadOnly?: boolean } = {}) {
  const { transport, scope, pollIntervalMs } = useMessaging('useNotifications');
  const unreadOnly = options.unreadOnly ?? false;
  const supported = transport.capabilities.notifications;
  const query = useInfiniteQuery({
    ...notificationListOptions(transport, scope, unreadOnly),
    enabled: supported,
    refetchInterval: transport.subscribe && pollIntervalMs ? pollIntervalMs : false,
    refetchIntervalInBackground: false,
  });
  const notifications = useMemo<AppNotification[]>(() => {
    const seen = new Set<string>();
    const out: AppNotification[] = [];
    for (const p of query.data?.pages ?? [])
      for (const n of p.items) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        out.push(n);
      }
    return out;
  }, [query.data]);
  return { ...query, notifications, supported, unreadOnly };
}
