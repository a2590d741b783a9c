import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { pollIntervalFor } from '../realtime/subscriptions';
import { unreadOptions } from '../queries';

/** Unread counts for badges. Polls without realtime, slowly while a realtime stream is live (paused while the page is hidden). */
export function useUnreadSummary() {
  const { transport, scope, pollIntervalMs } = useMessaging('useUnreadSummary');
  const client = useQueryClient();
  return useQuery({
    ...unreadOptions(transport, scope),
    // Without realtime the provider's poll keeps this entry fresh (useRealtime).
    refetchInterval: () => (transport.subscribe ? pollIntervalFor(client, transport, pollIntervalMs) : false),
    refetchIntervalInBackground: false,
  });
}
