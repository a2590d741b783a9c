import { useCallback, useMemo } from 'react';
import type { UnreadSummary } from '../../../core/types';
import { formatBadgeCount } from '../../../core/unread';
import { useMessaging } from '../../MessagingProvider';
import { useCachedQueryData } from '../../hooks/useCachedQueryData';
import { unreadOptions } from '../../queries';
import { badge } from '../../strings/en/notifications';

/** What a badge counts. */
export type UnreadKind = 'messages' | 'notifications' | 'both';

/** The count for a badge, ready for display and for accessible names. */
export interface UnreadCount {
  /** The exact count; 0 while loading. */
  count: number;
  /** What the badge shows: `"99+"` above `max`. */
  display: string;
  /** The exact count in words, e.g. "142 unread messages". */
  label: string;
  /**
   * A control's name with the count folded in: `withName('Inbox')` gives
   * "Inbox, 3 unread", or "Inbox" at zero.
   */
  withName(name: string): string;
  /** Whether the summary has loaded. */
  ready: boolean;
}

/** Picks the count of `kind` from a summary. */
export function countOf(summary: UnreadSummary | undefined, kind: UnreadKind): number {
  if (!summary) return 0;
  const notifications = summary.notifications ?? 0;
  if (kind === 'messages') return summary.messages;
  if (kind === 'notifications') return notifications;
  return summary.messages + notifications;
}

/**
 * The unread count of `kind` from the transport's unread summary (the same
 * cache entry the inbox patches, so it drops as soon as something is read).
 * Without realtime the provider polls the summary (one request per interval
 * for every badge, bell and inbox). Notifications are not pushed by realtime,
 * so with it a notifications count polls here (`pollIntervalMs`).
 */
export function useUnreadCount(kind: UnreadKind = 'messages', options: { max?: number } = {}): UnreadCount {
  const { transport, scope, pollIntervalMs, t: base } = useMessaging('useUnreadCount');
  // Its own English, so the hook works anywhere under the provider (a host's nav item, the bell).
  const t = useMemo(() => base.withDefaults(badge), [base]);
  const pollsNotifications = kind !== 'messages' && transport.capabilities.notifications;
  // Not `useQuery`: a badge alone on a page should not pay for react-query's observer (see useCachedQueryData).
  const summary = useCachedQueryData({
    ...unreadOptions(transport, scope),
    intervalMs: pollIntervalMs && transport.subscribe && pollsNotifications ? pollIntervalMs : false,
  });
  const count = countOf(summary, kind);
  const max = options.max ?? 99;
  const label = t.plural(
    kind === 'messages' ? 'unreadMessages' : kind === 'notifications' ? 'unreadNotifications' : 'unreadItems',
    count,
  );
  const short = t.plural('unreadCount', count);
  const withName = useCallback((name: string) => (count > 0 ? `${name}, ${short}` : name), [count, short]);
  return { count, display: formatBadgeCount(count, max), label, withName, ready: summary !== undefined };
}
