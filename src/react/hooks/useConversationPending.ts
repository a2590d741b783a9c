import type { InboxState } from '../store/createInboxStore';
import { useInboxStoreShallow } from './useInboxStore';

/** What the user left unsent in one conversation (see {@link useConversationPending}). */
export interface ConversationPending {
  /** The draft typed in the composer, or `undefined` when there is none. */
  draft: string | undefined;
  /** Whether the outbox holds a message of this conversation that the server has not confirmed yet. */
  unsent: boolean;
  /** Whether one of those messages failed (it then shows "Not sent" and holds the later ones). */
  failed: boolean;
  /** The text of the first message that failed, for "Not sent: …". */
  failedText: string | undefined;
}

/** The pending state of one conversation in a store state (shared by the hook and the inbox rows). */
export const pendingOf = (s: InboxState, conversationId: string): ConversationPending => {
  let unsent = false;
  let failedText: string | undefined;
  for (const e of s.outbox)
    if (e.conversationId === conversationId) {
      unsent = true;
      if (e.status === 'failed' && failedText === undefined)
        failedText = e.text || (e.attachmentNames ?? []).join(', ');
    }
  return {
    draft: s.drafts[conversationId] || undefined,
    unsent,
    failed: failedText !== undefined,
    failedText,
  };
};

/**
 * A conversation's draft and unsent messages, for a row of the conversation
 * list ("Draft: …", "Not sent"). It re-renders only when one of the three
 * values changes, and follows the user's other tabs: drafts and the outbox are
 * kept in step between tabs by the store.
 *
 * @example
 * const { draft, failed } = useConversationPending(c.id);
 * return failed ? <span>Not sent</span> : draft ? <span>Draft: {draft}</span> : <Preview />;
 */
export function useConversationPending(conversationId: string): ConversationPending {
  return useInboxStoreShallow((s) => pendingOf(s, conversationId));
}
