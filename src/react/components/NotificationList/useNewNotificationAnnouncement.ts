import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { AppNotification } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { inboxKeys } from '../../queryKeys';

/** At most one "New notification" announcement per this many ms. */
const THROTTLE_MS = 5000;

/**
 * Announces notifications that arrive at the top of the list after it first
 * loaded ("New notification: {title}"), throttled: a burst is announced once,
 * with the newest title. Also refreshes the unread summary so the badge
 * counts them. Focus is never moved.
 */
export function useNewNotificationAnnouncement(notifications: AppNotification[], ready: boolean): void {
  const { announce, t, scope } = useMessaging('NotificationList');
  const client = useQueryClient();
  const known = useRef<Set<string> | null>(null);
  const newest = useRef('');
  const lastAt = useRef(0);
  const pending = useRef<{ title: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  useEffect(() => () => clearTimeout(pending.current?.timer), []);
  useEffect(() => {
    if (!ready) return;
    if (!known.current) {
      known.current = new Set(notifications.map((n) => n.id));
      newest.current = notifications[0]?.createdAt ?? '';
      return;
    }
    const fresh = notifications.filter((n) => !known.current!.has(n.id) && n.createdAt > newest.current);
    for (const n of notifications) known.current.add(n.id);
    if (fresh.length === 0) return;
    newest.current = fresh.reduce((a, n) => (n.createdAt > a ? n.createdAt : a), newest.current);
    void client.invalidateQueries({ queryKey: inboxKeys.unread(scope) }, { cancelRefetch: false });
    const title = fresh.reduce((a, n) => (n.createdAt > a.createdAt ? n : a)).title;
    if (pending.current) {
      pending.current.title = title; // a burst: the pending announcement says the newest
      return;
    }
    const flush = () => {
      const p = pending.current;
      pending.current = null;
      if (!p) return;
      lastAt.current = Date.now();
      announce(t('newNotification', { title: p.title }));
    };
    const wait = lastAt.current + THROTTLE_MS - Date.now();
    pending.current = { title, timer: setTimeout(flush, Math.max(0, wait)) };
    if (wait <= 0) {
      clearTimeout(pending.current.timer);
      flush();
    }
  }, [notifications, ready, announce, t, client, scope]);
}
