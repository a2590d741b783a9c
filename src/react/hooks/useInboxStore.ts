import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { InboxState } from '../store/createInboxStore';
import { useInboxStoreApi } from '../store/useInboxStoreApi';

/** Selects a narrow slice of the provider's UI store. */
export function useInboxStore<T>(selector: (state: InboxState) => T): T {
  return useStore(useInboxStoreApi('useInboxStore'), selector);
}

/** Selects an object slice, compared shallowly. */
export function useInboxStoreShallow<T extends object>(selector: (state: InboxState) => T): T {
  return useStore(useInboxStoreApi('useInboxStoreShallow'), useShallow(selector));
}
