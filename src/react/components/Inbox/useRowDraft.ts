import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { pendingOf } from '../../hooks/useConversationPending';
import type { ConversationPending } from '../../hooks/useConversationPending';
import { useMessaging } from '../../MessagingProvider';
import { createInboxStore } from '../../store/createInboxStore';

/**
 * `useConversationPending` for the inbox's own rows: the same answer, read from the store itself rather
 * than through `useInboxStoreApi`, because `Inbox.Root` already keeps the store's lifecycle and a row that
 * mounts and unmounts while scrolling must not retain and release it each time.
 */
export function useRowDraft(conversationId: string): ConversationPending {
  const store = useMessaging('Inbox.Item').storeSlot.get(createInboxStore);
  return useStore(
    store,
    useShallow((s) => pendingOf(s, conversationId)),
  );
}
