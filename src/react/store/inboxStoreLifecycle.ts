import type { QueryClient } from '@tanstack/react-query';
import type { InboxStore } from './createInboxStore';
import { outboxOf } from './outbox';
import type { SendContext } from './outbox';

/**
 * The store's lifecycle while components use it: persistence (read after
 * mount, saved when the page goes away) and the outbox flush. Loaded on
 * demand by `useInboxStoreApi` after mount, so none of it weighs on the
 * first paint: there is nothing to save or resend before the persisted
 * state, itself loaded on demand, has been read.
 */

export type { SendContext };

/** One mounted component using the store. */
export interface StoreUser {
  /** Its latest context, read when the outbox is flushed (never a reason to flush). */
  ctx: { readonly current: SendContext };
  client: QueryClient;
}

/** The store's lifecycle, shared by all components using one store. */
interface Lifecycle {
  users: Set<StoreUser>;
  stop: (() => void) | undefined;
}

const lifecycles = new WeakMap<InboxStore, Lifecycle>();

/** Counts `user` in; the first user starts the lifecycle, the last one out stops it. Returns the release. */
export function retain(store: InboxStore, user: StoreUser): () => void {
  let life = lifecycles.get(store);
  if (!life) lifecycles.set(store, (life = { users: new Set(), stop: undefined }));
  const own = life;
  own.users.add(user);
  if (own.users.size === 1) own.stop = start(store, own);
  return () => {
    own.users.delete(user);
    if (own.users.size > 0) return;
    own.stop?.();
    own.stop = undefined;
  };
}

function start(store: InboxStore, life: Lifecycle): () => void {
  const persist = store.persist;
  // The outbox sends with the context of whichever user is mounted (never a reason to resend).
  const stopOutbox = outboxOf(store).attach(() => {
    const user = life.users.values().next().value;
    return user ? { ctx: user.ctx.current, client: user.client } : undefined;
  });
  void persist.rehydrate();
  // Saves wait for the next paint; a page going away (or the last user unmounting) writes them now.
  const flush = () => persist.flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopOutbox();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
    flush();
  };
}
