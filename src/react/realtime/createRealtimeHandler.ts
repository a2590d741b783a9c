import type { QueryClient } from '@tanstack/react-query';
import type { RealtimeEvent } from '../../core/types';
import { inboxKeys } from '../queryKeys';
import { BoundedSet, applyRealtimeEvent } from './applyRealtimeEvent';

/** Applies one subscription's events to a cache. */
export interface RealtimeHandler {
  handle(event: RealtimeEvent): void;
  /** Stops a pending refetch (the subscription closed). */
  dispose(): void;
}

/**
 * The event side of a live subscription, loaded with the cache patcher when
 * a subscription opens (`subscriptions.ts` queues events until then): patches
 * the cache once per event and, for a message in a conversation no list
 * holds, refetches the lists and counts once per burst.
 *
 * @param scopeOf - The cache scope of the subscription's first subscriber, if any.
 */
export function createRealtimeHandler(
  client: QueryClient,
  scopeOf: () => string | undefined,
): RealtimeHandler {
  const seen = new BoundedSet();
  /** Conversations that got a message while no list held them. */
  const unknown = new Set<string>();
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    handle(event) {
      const scope = scopeOf();
      if (scope === undefined) return;
      if (event.type === 'resync') {
        // Events were missed: everything realtime would have patched is refetched.
        for (const key of [inboxKeys.conversations(scope), inboxKeys.unread(scope)])
          void client.invalidateQueries({ queryKey: key }, { cancelRefetch: false });
        void client.invalidateQueries(
          { queryKey: [...inboxKeys.all(scope), 'messages'] },
          { cancelRefetch: false },
        );
        return;
      }
      const result = applyRealtimeEvent(client, { scope, seen }, event);
      // A new conversation's first message comes just before its conversation.created: that event fills the gap.
      if (event.type === 'conversation.created') unknown.delete(event.conversation.id);
      if (result === 'unknown-conversation' && event.type === 'message.received')
        unknown.add(event.conversationId);
      if (unknown.size > 0 && !refetchTimer) {
        // A conversation no list holds: refetch the lists and counts once, coalescing a burst.
        refetchTimer = setTimeout(() => {
          refetchTimer = undefined;
          if (unknown.size === 0) return;
          unknown.clear();
          void client.invalidateQueries(
            { queryKey: [...inboxKeys.conversations(scope), 'list'] },
            { cancelRefetch: false },
          );
          void client.invalidateQueries({ queryKey: inboxKeys.unread(scope) }, { cancelRefetch: false });
        }, 250);
      }
    },
    dispose() {
      if (refetchTimer) clearTimeout(refetchTimer);
    },
  };
}
