import { useQuery } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { unreadOptions } from '../queries';

/** Unread counts for badges. Polls without realtime (paused while the page is hidden). */
export function useUnreadSummary() {
  const { transport, scope, pollIntervalMs } = useMessaging('useUnreadSummary');
  return useQuery({
    ...unreadOptions(transport, scope),
    refetchInterval: transport.subscribe || !pollIntervalMs ? false : pollIntervalMs,
    refetchIntervalInBackground: false,
  });
}
