import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { useInboxStoreApi } from '../store/useInboxStoreApi';
import { inboxKeys } from '../queryKeys';
import { newClientId } from '../store/outbox';

/** Starts a conversation about a subject (marketplace listing) and selects it. */
export function useStartConversation() {
  const { transport, scope } = useMessaging('useStartConversation');
  const store = useInboxStoreApi('useStartConversation');
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ subjectId, text, clientId }: { subjectId: string; text: string; clientId?: string }) =>
      transport.startConversation({ subjectId, text, clientId: clientId ?? newClientId() }),
    onSuccess: ({ conversation }) => {
      client.setQueryData(inboxKeys.conversation(scope, conversation.id), conversation);
      void client.invalidateQueries({ queryKey: [...inboxKeys.conversations(scope), 'list'] });
      store.getState().select(conversation.id);
    },
  });
}
