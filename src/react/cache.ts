import type { QueryClient } from '@tanstack/react-query';
import type { Conversation, Message, UnreadSummary } from '../core/types';
import { applyUnreadChange } from '../core/unread';
import type { ConversationPages, MessagePages } from './queries';
import { inboxKeys } from './queryKeys';

/**
 * Cache patches shared by mutations and realtime events, so the inbox, the
 * thread and the badge change together without refetching.
 */

/** Applies `fn` to a conversation in every cached list and its detail entry. */
export function patchConversation(
  client: QueryClient,
  scope: string,
  id: string,
  fn: (c: Conversation) => Conversation,
): void {
  client.setQueriesData<ConversationPages>(
    { queryKey: [...inboxKeys.conversations(scope), 'list'] },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === id ? fn(c) : c)) })),
          }
        : data,
  );
  client.setQueryData<Conversation>(inboxKeys.conversation(scope, id), (c) => (c ? fn(c) : c));
}

/** Finds a conversation in any cached list or detail entry. */
export function findConversation(client: QueryClient, scope: string, id: string): Conversation | undefined {
  const detail = client.getQueryData<Conversation>(inboxKeys.conversation(scope, id));
  if (detail) return detail;
  for (const [, data] of client.getQueriesData<ConversationPages>({
    queryKey: [...inboxKeys.conversations(scope), 'list'],
  })) {
    for (const p of data?.pages ?? []) {
      const hit = p.items.find((c) => c.id === id);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Removes a conversation from cached lists (archive, delete), optionally only lists matching `where`. */
export function removeConversationFromLists(client: QueryClient, scope: string, id: string): void {
  client.setQueriesData<ConversationPages>(
    { queryKey: [...inboxKeys.conversations(scope), 'list'] },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => {
              const items = p.items.filter((c) => c.id !== id);
              return items.length === p.items.length
                ? p
                : { ...p, items, ...(p.total !== undefined ? { total: p.total - 1 } : {}) };
            }),
          }
        : data,
  );
}

/** Moves a conversation to the top of the cached lists it is in (new activity). */
export function bumpConversation(client: QueryClient, scope: string, updated: Conversation): void {
  client.setQueriesData<ConversationPages>(
    { queryKey: [...inboxKeys.conversations(scope), 'list'] },
    (data) => {
      if (!data || data.pages.length === 0) return data;
      let found = false;
      const pages = data.pages.map((p) => {
        const items = p.items.filter((c) => c.id !== updated.id);
        if (items.length !== p.items.length) found = true;
        return items.length === p.items.length ? p : { ...p, items };
      });
      if (!found) return data;
      const first = pages[0]!;
      pages[0] = { ...first, items: [updated, ...first.items] };
      return { ...data, pages };
    },
  );
}

/**
 * Inserts (or replaces) a message in a cached thread. Matches by id, then by
 * clientId, so a server echo of an optimistic message never shows twice.
 * Returns whether the message was new.
 */
export function upsertMessage(client: QueryClient, scope: string, message: Message): boolean {
  let isNew = true;
  client.setQueryData<MessagePages>(inboxKeys.messages(scope, message.conversationId), (data) => {
    if (!data || data.pages.length === 0) return data;
    const pages = data.pages.map((p) => {
      const i = p.items.findIndex(
        (m) => m.id === message.id || (!!message.clientId && m.clientId === message.clientId),
      );
      if (i < 0) return p;
      isNew = false;
      const items = p.items.slice();
      items[i] = { ...items[i], ...message };
      return { ...p, items };
    });
    if (isNew) {
      const first = pages[0]!;
      // The server holds one more message now: keep the total in step, so positions in the thread stay right.
      pages[0] = {
        ...first,
        items: [...first.items, message].sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
        ...(first.total !== undefined ? { total: first.total + 1 } : {}),
      };
    }
    return { ...data, pages };
  });
  return isNew;
}

/** Applies `fn` to every cached message of a conversation. */
export function patchMessages(
  client: QueryClient,
  scope: string,
  conversationId: string,
  fn: (m: Message) => Message,
): void {
  client.setQueryData<MessagePages>(inboxKeys.messages(scope, conversationId), (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map(fn) })) } : data,
  );
}

/** Changes a conversation's unread count and keeps the badge summary in step. */
export function setConversationUnread(client: QueryClient, scope: string, id: string, unread: number): void {
  const before = findConversation(client, scope, id)?.unreadCount;
  patchConversation(client, scope, id, (c) => ({ ...c, unreadCount: unread }));
  if (before !== undefined && before !== unread) {
    client.setQueryData<UnreadSummary>(inboxKeys.unread(scope), (s) =>
      s ? applyUnreadChange(s, before, unread) : s,
    );
  }
}

/**
 * After a write, refetches the queries under `key` that were already fetching
 * when it landed: their answers were computed before the write and would
 * overwrite the fresh state (a badge stuck on the old count). Idle queries are
 * left alone, so a write costs no refetch in the common case.
 */
export function refetchStaleInFlight(client: QueryClient, key: readonly unknown[]): void {
  if (client.isFetching({ queryKey: key }) > 0) {
    void client.invalidateQueries({ queryKey: key, predicate: (q) => q.state.fetchStatus === 'fetching' });
  }
}
