import { useStore } from 'zustand';
import { useMessaging } from '../../MessagingProvider';
import { createInboxStore } from '../../store/createInboxStore';

/**
 * What the user left unfinished in a conversation, for its inbox row: the text of a message that failed
 * (or waits behind one that failed), else the unsent draft. Read from the UI store, which is shared by
 * every tab of the user, so a draft typed in one tab shows in the row in the others. Each selector
 * returns a string, so a row re-renders only when its own answer changes.
 */
export function useRowDraft(conversationId: string): { notSent: string | null; draft: string | null } {
  // The store itself, not useInboxStoreApi: `Inbox.Root` already keeps its lifecycle, and a row that
  // mounts and unmounts while scrolling must not retain and release it each time.
  const store = useMessaging('Inbox.Item').storeSlot.get(createInboxStore);
  const notSent = useStore(store, (s) => {
    const entry = s.outbox.find(
      (e) => e.conversationId === conversationId && (e.status === 'failed' || e.status === 'queued'),
    );
    return entry ? entry.text || (entry.attachmentNames ?? []).join(', ') || ' ' : null;
  });
  const draft = useStore(store, (s) => {
    const text = s.drafts[conversationId]?.replace(/\s+/g, ' ').trim();
    return text ? text : null;
  });
  return { notSent, draft };
}
