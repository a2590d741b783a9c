import { useEffect, useRef } from 'react';
import type { Conversation, Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import type { AnnounceIncoming } from './ThreadContext';
import { senderOf } from './rows';
import { useLatest } from '../../hooks/useLatest';

const THROTTLE_MS = 1000;

/**
 * Announces messages from others that arrive while the thread is open:
 * politely, batched over 1 s ("New message from Alice" / "3 new messages").
 * The first load, older pages, own sends and system messages stay silent.
 */
export function useIncomingAnnouncements(
  messages: Message[],
  conversation: Conversation | undefined,
  mode: AnnounceIncoming,
): void {
  const { announce, t, currentUser } = useMessaging('ConversationThread');
  const known = useRef<Set<string> | null>(null);
  const newest = useRef('');
  const queue = useRef<Message[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useLatest({ announce, t, currentUser, conversation, mode });

  useEffect(() => {
    if (messages.length === 0) return;
    if (known.current === null) {
      // First page: history, not news.
      known.current = new Set(messages.map((m) => m.id));
      newest.current = messages.at(-1)!.sentAt;
      return;
    }
    const fresh: Message[] = [];
    for (const m of messages) {
      if (known.current.has(m.id)) continue;
      known.current.add(m.id);
      // Older pages land before `newest`: silent.
      if (m.sentAt < newest.current) continue;
      if (m.direction !== 'incoming' || m.kind === 'system' || m.senderId === currentUser?.id) continue;
      fresh.push(m);
    }
    const last = messages.at(-1)!.sentAt;
    if (last > newest.current) newest.current = last;
    if (fresh.length === 0 || mode === 'off') return;
    queue.current.push(...fresh);
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      const batch = queue.current.splice(0);
      const { announce: say, t: tr, currentUser: me, conversation: c, mode: how } = latest.current;
      if (batch.length === 0 || how === 'off') return;
      if (batch.length === 1) {
        const m = batch[0]!;
        const name = senderOf(m, c, me, {
          you: tr('you'),
          system: tr('systemSender'),
          staff: tr('roleStaff'),
        }).name;
        say(
          how === 'sender-and-text' && m.text
            ? tr('newMessageFromWithText', { name, text: m.text })
            : tr('newMessageFrom', { name }),
        );
      } else say(tr.plural('newMessagesCount', batch.length));
    }, THROTTLE_MS);
  }, [messages, mode, currentUser?.id, latest]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}
