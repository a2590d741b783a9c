import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMessaging } from '../MessagingProvider';
import { createInboxStore } from './createInboxStore';
import type { InboxStore } from './createInboxStore';
import type { SendContext } from './inboxStoreLifecycle';
import { useLatest } from '../hooks/useLatest';

/**
 * The UI store of the nearest `MessagingProvider` (drafts, selection,
 * filters, outbox, dismissed suggestions), created on first use.
 *
 * While at least one component using it is mounted, the store is kept alive
 * for that provider's user: persisted state is read after mount (server and
 * client render the same), pending writes are saved when the page is hidden
 * or unloaded and when the last user unmounts, and the outbox is sent once
 * after the first mount and whenever the browser comes back online.
 *
 * @param consumerName - Named in the error thrown outside a provider.
 * @example
 * const store = useInboxStoreApi();
 * <button onClick={() => store.getState().select(null)}>Close</button>
 */
export function useInboxStoreApi(consumerName = 'useInboxStoreApi'): InboxStore {
  const ctx = useMessaging(consumerName);
  const client = useQueryClient();
  const store = ctx.storeSlot.get(createInboxStore);
  // The context object changes with every provider prop (strings, theme, an inline currentUser);
  // flushing on those would resend failed messages whenever the host re-renders.
  const ctxRef = useLatest<SendContext>(ctx);
  useEffect(() => {
    let cancelled = false;
    let release: (() => void) | undefined;
    // The lifecycle loads after mount: the first paint needs none of it (see inboxStoreLifecycle).
    void import('./inboxStoreLifecycle').then((m) => {
      if (!cancelled) release = m.retain(store, { ctx: ctxRef, client });
    });
    return () => {
      cancelled = true;
      release?.();
    };
  }, [store, client, ctxRef]);
  return store;
}
