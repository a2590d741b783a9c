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
 * Marks one notification read. The list and the badge's notification count
 * change at once; on error both roll back (with an assertive announcement);
 * afterwards the count is taken from the server so it never drifts.
 */
export function useMarkNotificationRead() {
  const { transport, scope, announce, t } = useMessaging('useMarkNotificationRead');
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string; silent?: boolean }) => transport.markNotificationRead(id),
    onMutate: async ({ id }) => {
      await client.cancelQueries({ queryKey: inboxKeys.notifications(scope) });
      const snapshot = snapshotNotifications(client, scope);
      const changed = markNotificationsReadInCache(client, scope, new Set([id]), new Date().toISOString());
      if (changed) lowerNotificationCount(client, scope, changed);
      return { snapshot };
    },
    onError: (error, _v, ctx) => {
      if (ctx) restoreNotifications(client, ctx.snapshot);
      announce(t('saveFailed', { error: error.message }), { assertive: true });
    },
    onSuccess: (_n, { silent }) => {
      if (!silent) announce(t('markedRead'));
    },
    onSettled: () =>
      client.invalidateQueries({ queryKey: inboxKeys.unread(scope) }, { cancelRefetch: false }),
  });
}
