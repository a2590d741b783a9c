import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Conversation } from '../../core/types';
import { useMessaging } from '../MessagingProvider';
import { pollIntervalFor } from '../realtime/subscriptions';
import { conversationListOptions } from '../queries';
import type { ConversationListKey } from '../queryKeys';
import { useInboxStoreShallow } from './useInboxStore';

/**
 * The inbox list as an infinite query. Filter, role and search come from the
 * store unless given. Polls when the transport has no realtime, slowly while its stream is live.
 */
export function useConversations(params?: Partial<ConversationListKey>) {
  const { transport, scope, pollIntervalMs } = useMessaging('useConversations');
  const client = useQueryClient();
  const ui = useInboxStoreShallow((s) => ({ filter: s.filter, role: s.role, search: s.search }));
  const key: ConversationListKey = {
    filter: params?.filter ?? ui.filter,
    role: params?.role ?? ui.role,
    search: (params?.search ?? ui.search).trim(),
  };
  const query = useInfiniteQuery({
    ...conversationListOptions(transport, scope, key),
    // Without realtime the provider polls only the unread summary, whose changes refetch this list (useRealtime).
    refetchInterval: () => (transport.subscribe ? pollIntervalFor(client, transport, pollIntervalMs) : false),
    refetchIntervalInBackground: false,
  });
  const conversations = useMemo<Conversation[]>(() => {
    const seen = new Set<string>();
    const out: Conversation[] = [];
    for (const p of query.data?.pages ?? [])
      for (const c of p.items) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        out.push(c);
      }
    return out;
  }, [query.data]);
  const total = query.data?.pages[0]?.total;
  return { ...query, conversations, total, params: key };
}
