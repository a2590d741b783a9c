import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMessaging } from '../MessagingProvider';
import { inboxKeys } from '../queryKeys';
import { joinRealtime } from '../realtime/subscriptions';

/** Fewest ms between two focus refetches (focus and visibilitychange often fire together). */
const FOCUS_REFETCH_GAP_MS = 1000;

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
 * - Without it: the inbox and the unread counts poll (`pollIntervalMs` in
 *   useConversations/useUnreadSummary, paused while the page is hidden), and
 *   refetch at once when the page becomes visible or the window gains focus
 *   (also with polling off: a returning user should not see stale counts).
 */
export function useRealtime(): void {
  const { transport, scope } = useMessaging('useRealtime');
  const client = useQueryClient();
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
