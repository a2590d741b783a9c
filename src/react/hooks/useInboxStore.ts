import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { InboxState } from '../store/createInboxStore';
import { useMessaging } from '../MessagingProvider';

/** Selects a narrow slice of the provider's UI store. */
export function useInboxStore<T>(selector: (state: InboxState) => T): T {
  return useStore(useMessaging('useInboxStore').store, selector);
}

/** Selects an object slice, compared shallowly. */
export function useInboxStoreShallow<T extends object>(selector: (state: InboxState) => T): T {
  return useStore(useMessaging('useInboxStoreShallow').store, useShallow(selector));
}
