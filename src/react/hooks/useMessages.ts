import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Message } from '../../core/types';
import { useMessaging } from '../MessagingProvider';
import { messagesOptions } from '../queries';
import { useInboxStore } from './useInboxStore';
import type { OutboxEntry } from '../store/createInboxStore';

/** Turns an outbox entry into a message the thread can show. */
export function outboxToMessage(e: OutboxEntry, senderId: string): Message {
  return {
    id: `local:${e.clientId}`,
    clientId: e.clientId,
    conversationId: e.conversationId,
    senderId,
    direction: 'outgoing',
    kind: e.internal ? 'note' : e.kind === 'quick_reply' ? 'quick_reply' : 'text',
    text: e.text,
    attachments: (e.attachmentNames ?? []).map((name, i) => ({
      id: `local:${e.clientId}:${i}`,
      name,
      url: '',
      size: 0,
      mimeType: '',
    })),
    sentAt: e.createdAt,
    status: e.status,
    ...(e.error ? { error: e.error } : {}),
    ...(e.outcome ? { outcome: e.outcome } : {}),
  };
}

/**
 * A thread's messages, oldest → newest: server pages (infinite query paging
 * back in time) followed by this conversation's outbox entries that the
 * server does not have yet.
 */
export function useMessages(conversationId: string | null | undefined) {
  const { transport, scope, currentUser } = useMessaging('useMessages');
  const query = useInfiniteQuery({
    ...messagesOptions(transport, scope, conversationId ?? ''),
    enabled: !!conversationId,
  });
  const outbox = useInboxStore((s) => s.outbox);
  const messages = useMemo(() => {
    const pages = query.data?.pages ?? [];
    const out: Message[] = [];
    const ids = new Set<string>();
    const clientIds = new Set<string>();
    for (let i = pages.length - 1; i >= 0; i--) {
      for (const m of pages[i]!.items) {
        if (ids.has(m.id)) continue;
        ids.add(m.id);
        if (m.clientId) clientIds.add(m.clientId);
        out.push(m);
      }
    }
    const fromServer = out.length;
    // Sends go out in typing order; one that failed holds the later ones (shown as held).
    let blocked = false;
    const mine = outbox.filter((e) => e.conversationId === conversationId);
    mine.sort((a, b) =>
      a.createdAt !== b.createdAt
        ? a.createdAt < b.createdAt
          ? -1
          : 1
        : a.clientId < b.clientId
          ? -1
          : a.clientId > b.clientId
            ? 1
            : 0,
    );
    for (const e of mine) {
      if (clientIds.has(e.clientId)) continue;
      const m = outboxToMessage(e, currentUser?.id ?? 'me');
      out.push(blocked && e.status === 'queued' ? { ...m, held: true } : m);
      if (e.status === 'failed') blocked = true;
    }
    return { list: out, fromServer };
  }, [query.data, outbox, conversationId, currentUser?.id]);
  return {
    ...query,
    messages: messages.list,
    /** How many of `messages` (the first ones) came from the server's pages; the rest are outbox entries not stored yet. */
    serverCount: messages.fromServer,
    reachedStart: query.isSuccess && !query.hasNextPage,
  };
}
