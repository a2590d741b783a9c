import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { UnreadSummary } from '../../core/types';
import { TransportError } from '../../core/TransportError';
import { useMessaging } from '../MessagingProvider';
import { unreadOptions } from '../queries';
import { inboxKeys } from '../queryKeys';
import { joinRealtime } from '../realtime/subscriptions';

/** Fewest ms between two focus refetches (focus and visibilitychange often fire together). */
const FOCUS_REFETCH_GAP_MS = 1000;

/**
 * The one poll of a provider without realtime: the unread summary, every `pollIntervalMs` while the
 * page is visible. A server's request budget is shared by everyone behind one NAT (1,000 requests per
 * 15 minutes on the real marketplace server), so nothing else polls: a change of the unread counts
 * refetches the inbox lists (messages) or the notification lists (notifications). A poll is skipped
 * while the summary is fresher than half an interval (a badge's focus refetch just ran), and after a
 * 429 it waits as long as `Retry-After` asks.
 */
function usePoll(): void {
  const { transport, scope, pollIntervalMs } = useMessaging('useRealtime');
  const client = useQueryClient();
  // With realtime, the stream's safety-net polls (pollIntervalFor) and the notification hooks' own do it.
  const polls = !transport.subscribe;
  useEffect(() => {
    if (!pollIntervalMs || !polls || typeof window === 'undefined') return undefined;
    const key = inboxKeys.unread(scope);
    let previous = client.getQueryData<UnreadSummary>(key);
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (event.query.queryHash !== client.getQueryCache().find({ queryKey: key, exact: true })?.queryHash)
        return;
      const next = event.query.state.data as UnreadSummary | undefined;
      const before = previous;
      previous = next;
      if (!before || !next) return;
      if (next.messages !== before.messages)
        void client.invalidateQueries({ queryKey: [...inboxKeys.conversations(scope), 'list'] });
      if (next.notifications !== before.notifications)
        void client.invalidateQueries({ queryKey: [...inboxKeys.all(scope), 'notifications'] });
    });
    const timer = setInterval(() => {
      if (document.visibilityState === 'hidden') return;
      const state = client.getQueryCache().find({ queryKey: key, exact: true })?.state;
      const error = state?.error;
      if (error instanceof TransportError && error.code === 'rate_limited' && state) {
        if (Date.now() - state.errorUpdatedAt < (error.retryAfterMs ?? pollIntervalMs)) return;
      }
      void client
        .fetchQuery({ ...unreadOptions(transport, scope), staleTime: pollIntervalMs / 2, gcTime: Infinity })
        .catch(() => undefined);
    }, pollIntervalMs);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [client, transport, scope, pollIntervalMs, polls]);
}

/**
 * Keeps the cache live. `MessagingProvider` mounts it once; calling it again
 * is harmless.
 *
 * - With `transport.subscribe`: joins the one subscription shared by every
 *   provider on the same QueryClient and transport; events patch the cache
 *   (new messages, receipts, new conversations) without refetching. The
 *   subscription opens at once; the cache-patching code loads on demand (a
 *   dynamic import, events queue meanwhile), so hosts whose transport has no
 *   `subscribe` never download it.
 * - Without it: the unread summary polls (`pollIntervalMs`, paused while the
 *   page is hidden; see usePoll) and its changes refetch the lists, and
 *   refetch at once when the page becomes visible or the window gains focus
 *   (also with polling off: a returning user should not see stale counts).
 */
export function useRealtime(): void {
  const { transport, scope } = useMessaging('useRealtime');
  const client = useQueryClient();
  usePoll();
  useEffect(() => {
    if (!transport.subscribe) return undefined;
    return joinRealtime(client, transport, { scope });
  }, [client, transport, scope]);

  const polls = !transport.subscribe;
  useEffect(() => {
    if (!polls || typeof window === 'undefined') return undefined;
    let last = 0;
    const refresh = () => {
      if (document.visibilityState === 'hidden') return;
      const now = Date.now();
      if (now - last < FOCUS_REFETCH_GAP_MS) return;
      last = now;
      // cancelRefetch: false joins a refetch react-query's own focus handling may have started.
      void client.invalidateQueries({ queryKey: inboxKeys.unread(scope) }, { cancelRefetch: false });
      void client.invalidateQueries(
        { queryKey: [...inboxKeys.conversations(scope), 'list'] },
        { cancelRefetch: false },
      );
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [polls, client, scope]);
}
