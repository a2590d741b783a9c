import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { StateStorage } from 'zustand/middleware';
import { useMessaging } from '../MessagingProvider';
import { inboxKeys } from '../queryKeys';
import { channelName, removeAll } from '../store/storageKey';

/**
 * Forgets everything this provider's user left on the device: persisted
 * drafts, outbox and dismissed suggestions (in every open tab of the user),
 * and every cached query of the user's scope (other users' widgets on the
 * page keep theirs). Sends in flight are aborted and their late answers
 * dropped; nothing of the outbox is sent after this, so no request of the
 * outbox goes out with the old token. Call it when the user signs out,
 * before switching the transport's token.
 *
 * @example
 * const signOut = useSignOut();
 * <button onClick={() => { signOut(); auth.logout(); }}>Sign out</button>
 */
export function useSignOut(): () => Promise<void> {
  const { storeSlot, scope } = useMessaging('useSignOut');
  const client = useQueryClient();
  return useCallback(async () => {
    const key = inboxKeys.all(scope);
    await client.cancelQueries({ queryKey: key });
    // No component has used the store yet (a badge alone): what an earlier visit persisted is still
    // in storage, so remove it there rather than create the store just to clear it.
    const store = storeSlot.peek();
    if (store) store.getState().clearPersisted();
    else clearPersistedData(scope, storeSlot.storage() ?? undefined);
    client.removeQueries({ queryKey: key });
  }, [storeSlot, scope, client]);
}

/**
 * Removes a user's persisted inbox state without a mounted provider, e.g.
 * from a sign-out handler elsewhere in the app. `scope` is
 * `<transport.id>:<userId>` (a provider's `scope`).
 *
 * @param storage - Where the provider persisted. @defaultValue `localStorage`
 */
export function clearPersistedData(scope: string, storage?: StateStorage): void {
  try {
    const target = storage ?? (typeof window !== 'undefined' ? window.localStorage : undefined);
    if (target) removeAll(target, scope);
    // Tabs of this user that are open stop sending and forget what they hold in memory.
    if (typeof BroadcastChannel === 'function') {
      const channel = new BroadcastChannel(channelName(scope));
      channel.postMessage({ cleared: true });
      channel.close();
    }
  } catch {
    // storage blocked (privacy mode): the store then persisted in memory only, so nothing is left here
  }
}
