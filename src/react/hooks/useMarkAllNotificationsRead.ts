import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { inboxKeys } from '../queryKeys';
import {
  lowerNotificationCount,
  markNotificationsReadInCache,
  restoreNotifications,
  snapshotNotifications,
} from '../realtime/notificationCache';

/**
 * Marks every notification read: the lists and the badge change at once,
 * roll back on error, and the count is taken from the server afterwards.
 */
export function useMarkAllNotificationsRead() {
  const { transport, scope, announce, t } = useMessaging('useMarkAllNotificationsRead');
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => transport.markAllNotificationsRead(),
    onMutate: async () => {
      await client.cancelQueries({ queryKey: inboxKeys.notifications(scope) });
      const snapshot = snapshotNotifications(client, scope);
      markNotificationsReadInCache(client, scope, undefined, new Date().toISOString());
      lowerNotificationCount(client, scope, 'all');
      return { snapshot };
    },
    onError: (error, _v, ctx) => {
      if (ctx) restoreNotifications(client, ctx.snapshot);
      announce(t('saveFailed', { error: error.message }), { assertive: true });
    },
    onSuccess: () => announce(t('allMarkedRead')),
    onSettled: () =>
      client.invalidateQueries({ queryKey: inboxKeys.unread(scope) }, { cancelRefetch: false }),
  });
}
