import type { StateStorage } from 'zustand/middleware';
import type { CreateInboxStoreOptions, InboxStore } from './createInboxStore';

/** Creates a provider's UI store; `createInboxStore`, passed in by the store's users. */
export type InboxStoreFactory = (options: CreateInboxStoreOptions) => InboxStore;

/**
 * Where a `MessagingProvider` keeps its UI store. The provider does not
 * create the store: the first component that needs it does (through
 * `useInboxStoreApi`), so a host that renders only a badge never bundles the
 * store, zustand or the persistence code, and never touches storage.
 */
export interface InboxStoreSlot {
  /** The store of the provider's current scope (user), created with `create` on first use. */
  get(create: InboxStoreFactory): InboxStore;
  /** The store of the current scope if one was created, without creating it. */
  peek(): InboxStore | undefined;
  /** The provider's `storage` option (`undefined`/`null`: the default, `localStorage`). */
  storage(): StateStorage | null | undefined;
}

/**
 * A slot over the provider's per-scope stores: one store per scope for the
 * provider's lifetime, so switching users and back keeps each user's state,
 * as when the provider created them itself.
 */
export function createStoreSlot(
  stores: Map<string, InboxStore>,
  scope: string,
  storage: () => StateStorage | null | undefined,
): InboxStoreSlot {
  return {
    get(create) {
      let store = stores.get(scope);
      if (!store) {
        const chosen = storage();
        store = create({ persistKey: scope, ...(chosen !== undefined ? { storage: chosen } : {}) });
        stores.set(scope, store);
      }
      return store;
    },
    peek: () => stores.get(scope),
    storage,
  };
}
