import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { useInboxStoreApi } from '../store/useInboxStoreApi';
import { findConversation, removeConversationFromLists, setConversationUnread } from '../cache';
import { inboxKeys } from '../queryKeys';

/** Deletes a conversation for the current user (permanent). Optimistic, restored on error. */
export function useDeleteConversation() {
  const { transport, scope, announce, t } = useMessaging('useDeleteConversation');
  const store = useInboxStoreApi('useDeleteConversation');
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId }: { conversationId: string }) =>
      transport.deleteConversation(conversationId),
    onMutate: async ({ conversationId }) => {
      await client.cancelQueries({ queryKey: inboxKeys.conversations(scope) });
      const snapshot = client.getQueriesData({ queryKey: inboxKeys.all(scope) });
      const unread = findConversation(client, scope, conversationId)?.unreadCount ?? 0;
      if (unread) setConversationUnread(client, scope, conversationId, 0);
      removeConversationFromLists(client, scope, conversationId);
      if (store.getState().selectedConversationId === conversationId) store.getState().select(null);
      return { snapshot };
    },
    onError: (_e, _v, ctx) => {
      for (const [key, data] of ctx?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSuccess: (_r, { conversationId }) => {
      store.getState().clearDraft(conversationId);
      client.removeQueries({ queryKey: inboxKeys.messages(scope, conversationId) });
      announce(t('deleted'));
    },
  });
}
