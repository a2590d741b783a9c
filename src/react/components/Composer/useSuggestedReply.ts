import { useMemo } from 'react';
import type { Message } from '../../../core/types';
import { useInboxStore } from '../../hooks/useInboxStore';
import { useMessages } from '../../hooks/useMessages';
import type { OfferedSuggestion } from './ComposerContext';

const CONSUMED = /^(used|edited|dismissed)$/i;

/**
 * The suggested reply to offer: the one on the customer's latest message that
 * carries a suggestion, unless the shop has replied since (the reply went back
 * with its `suggestedReplyState`), the server marks it used or dismissed, or
 * the user dismissed it here (persisted in the store).
 */
export function pickSuggestion(messages: Message[], dismissed: string[]): OfferedSuggestion | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.direction === 'outgoing') {
      if (m.kind !== 'note' || m.extras?.suggestedReply?.state) return null;
      continue;
    }
    const s = m.extras?.suggestedReply;
    if (!s?.text) continue;
    if ((s.state && CONSUMED.test(s.state)) || dismissed.includes(m.id)) return null;
    return { messageId: m.id, text: s.text };
  }
  return null;
}

/** The suggestion offered in a conversation, and the id of one the user dismissed but has not yet reported. */
export function useSuggestedReply(conversationId: string | null, enabled: boolean) {
  const { messages } = useMessages(enabled ? conversationId : null);
  const dismissed = useInboxStore((s) => s.dismissedSuggestions);
  return useMemo(() => {
    if (!enabled) return { offered: null, dismissedPending: false };
    const offered = pickSuggestion(messages, dismissed);
    // A dismissal is reported with the next message, as long as nothing was sent since.
    const withoutDismissals = offered ? null : pickSuggestion(messages, []);
    return {
      offered,
      dismissedPending: !!withoutDismissals && dismissed.includes(withoutDismissals.messageId),
    };
  }, [enabled, messages, dismissed]);
}
