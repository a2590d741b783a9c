import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UnreadSummary } from '../../core/types';
import { useMessaging } from '../MessagingProvider';
import { findConversation, patchMessages, refetchStaleInFlight, setConversationUnread } from '../cache';
import { inboxKeys } from '../queryKeys';

/**
 * Marks a conversation (or some of its messages) read. The inbox row and the
 * badge drop at once; on error both roll back; on success the badge takes the
 * server's counts so it never drifts.
 */
export function useMarkRead() {
  const { transport, scope } = useMessaging('useMarkRead');
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId, messageIds }: { conversationId: string; messageIds?: string[] }) =>
      transport.markRead(conversationId, messageIds),
    onMutate: ({ conversationId, messageIds }) => {
      const before = findConversation(client, scope, conversationId)?.unreadCount ?? 0;
      const summary = client.getQueryData<UnreadSummary>(inboxKeys.unread(scope));
      const after = messageIds ? Math.max(0, before - messageIds.length) : 0;
      setConversationUnread(client, scope, conversationId, after);
      const ids = messageIds ? new Set(messageIds) : undefined;
      patchMessages(client, scope, conversationId, (m) =>
        m.direction === 'incoming' && (!ids || ids.has(m.id)) && !m.read ? { ...m, read: true } : m,
      );
      return { before, summary };
    },
    onError: (_e, { conversationId }, snapshot) => {
      if (!snapshot) return;
      setConversationUnread(client, scope, conversationId, snapshot.before);
      if (snapshot.summary) client.setQueryData(inboxKeys.unread(scope), snapshot.summary);
    },
    onSuccess: (summary) => {
      client.setQueryData<UnreadSummary>(inboxKeys.unread(scope), (old) => ({ ...old, ...summary }));
    },
    onSettled: () => {
      // A badge or list read that started before this write would land with the old counts.
      refetchStaleInFlight(client, inboxKeys.unread(scope));
      refetchStaleInFlight(client, inboxKeys.conversations(scope));
    },
  });
}
