import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { conversationOptions } from '../queries';
import { findConversation } from '../cache';

/** One conversation; seeded from any cached inbox list so it shows at once. */
export function useConversation(id: string | null | undefined) {
  const { transport, scope } = useMessaging('useConversation');
  const client = useQueryClient();
  return useQuery({
    ...conversationOptions(transport, scope, id ?? ''),
    enabled: !!id,
    initialData: () => (id ? findConversation(client, scope, id) : undefined),
    initialDataUpdatedAt: 0,
  });
}
