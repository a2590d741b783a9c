import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { patchConversation, removeConversationFromLists } from '../cache';
import { inboxKeys } from '../queryKeys';

/**
 * Archives (`archived: true`) or unarchives a conversation. The row leaves the
 * current list at once; on error the lists are restored.
 */
export function useArchive() {
  const { transport, scope, announce, t } = useMessaging('useArchive');
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId, archived }: { conversationId: string; archived: boolean }) =>
      archived ? transport.archive(conversationId) : transport.unarchive(conversationId),
    onMutate: async ({ conversationId, archived }) => {
      await client.cancelQueries({ queryKey: inboxKeys.conversations(scope) });
      const snapshot = client.getQueriesData({ queryKey: inboxKeys.conversations(scope) });
      patchConversation(client, scope, conversationId, (c) => ({ ...c, archived }));
      removeConversationFromLists(client, scope, conversationId);
      return { snapshot };
    },
    onError: (_e, _v, ctx) => {
      for (const [key, data] of ctx?.snapshot ?? []) client.setQueryData(key, data);
    },
    onSuccess: (_r, { archived }) => announce(archived ? t('archived') : t('unarchived')),
    onSettled: () => client.invalidateQueries({ queryKey: [...inboxKeys.conversations(scope), 'list'] }),
  });
}
