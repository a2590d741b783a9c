import type { QueryClient } from '@tanstack/react-query';
import type { MessagingContextValue } from '../MessagingProvider';
import type { InboxStore } from './createInboxStore';

/**
 * The store's lifecycle while components use it: persistence (read after
 * mount, saved when the page goes away) and the outbox flush. Loaded on
 * demand by `useInboxStoreApi` after mount, so none of it weighs on the
 * first paint: there is nothing to save or resend before the persisted
 * state, itself loaded on demand, has been read.
 */

/** What sending an outbox entry reads from the context. */
export type SendContext = Pick<MessagingContextValue, 'transport' | 'scope' | 'announce' | 't'>;

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
  /** The outbox was flushed after the first mount: later mounts (a composer reopened) must not resend failures. */
  flushedOnMount: boolean;
}

const lifecycles = new WeakMap<InboxStore, Lifecycle>();

/** Counts `user` in; the first user starts the lifecycle, the last one out stops it. Returns the release. */
export function retain(store: InboxStore, user: StoreUser): () => void {
  let life = lifecycles.get(store);
  if (!life) lifecycles.set(store, (life = { users: new Set(), stop: undefined, flushedOnMount: false }));
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
  const stopOutbox = flushOutbox(store, life);
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

/**
 * Sends what the outbox still holds: entries left `sending` by a reload, and
 * retryable failures, once after hydration and whenever the browser comes
 * back online. Entries with attachments whose files were lost in a reload
 * stay failed. The send pipeline loads on demand only when the outbox holds
 * something.
 */
function flushOutbox(store: InboxStore, life: Lifecycle): () => void {
  let stopped = false;
  const send = (deliverOutboxEntry: typeof import('../hooks/deliverOutboxEntry').deliverOutboxEntry) => {
    const user = life.users.values().next().value;
    if (!user) return;
    const ctx = user.ctx.current;
    const { outbox, outboxFiles, upsertOutbox } = store.getState();
    for (const entry of outbox) {
      const files = outboxFiles[entry.clientId];
      if (entry.attachmentNames?.length && !files) {
        if (entry.status === 'sending')
          upsertOutbox({
            ...entry,
            status: 'failed',
            error: ctx.t('uploadFailed', { error: ctx.t('errorGeneric') }),
            retryable: false,
          });
        continue;
      }
      if (entry.status === 'sending' || entry.retryable)
        void deliverOutboxEntry(ctx, store, user.client, entry, files);
    }
  };
  const flush = (onMount: boolean) => {
    if (onMount && life.flushedOnMount) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    if (store.getState().outbox.length === 0) {
      if (onMount) life.flushedOnMount = true;
      return;
    }
    void import('../hooks/deliverOutboxEntry').then((m) => {
      // Stopped (StrictMode's test unmount, or every user gone): the next start flushes instead.
      if (stopped) return;
      if (onMount) life.flushedOnMount = true;
      send(m.deliverOutboxEntry);
    });
  };
  const onHydrated = () => flush(true);
  const onOnline = () => flush(false);
  const unsub = store.persist.onFinishHydration(onHydrated);
  if (store.persist.hasHydrated()) onHydrated();
  window.addEventListener('online', onOnline);
  return () => {
    stopped = true;
    unsub();
    window.removeEventListener('online', onOnline);
  };
}
