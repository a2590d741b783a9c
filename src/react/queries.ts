import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import type { AppNotification, Conversation, Message, Page } from '../core/types';
import type { MessagingTransport } from '../transports/types';
import { inboxKeys } from './queryKeys';
import type { ConversationListKey } from './queryKeys';

/** Cached shape of an inbox list. */
export type ConversationPages = InfiniteData<Page<Conversation>, string | undefined>;
/** Cached shape of a thread: `pages[0]` is the newest page; items in a page run oldest → newest. */
export type MessagePages = InfiniteData<Page<Message>, string | undefined>;
/** Cached shape of the notification list. */
export type NotificationPages = InfiniteData<Page<AppNotification>, string | undefined>;

/** `queryOptions` for one inbox list (infinite). */
export function conversationListOptions(
  transport: MessagingTransport,
  scope: string,
  params: ConversationListKey,
) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.conversationList(scope, params),
    queryFn: ({ pageParam, signal }) =>
      transport.listConversations({
        filter: params.filter,
        ...(params.role ? { role: params.role } : {}),
        ...(params.search ? { search: params.search } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.next : undefined),
  });
}

/** `queryOptions` for one conversation. */
export function conversationOptions(transport: MessagingTransport, scope: string, id: string) {
  return queryOptions({
    queryKey: inboxKeys.conversation(scope, id),
    queryFn: ({ signal }) => transport.getConversation(id, { signal }),
  });
}

/** `queryOptions` for a thread's messages (infinite, paging back in time). */
export function messagesOptions(transport: MessagingTransport, scope: string, conversationId: string) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.messages(scope, conversationId),
    queryFn: ({ pageParam, signal }) =>
      transport.listMessages({ conversationId, ...(pageParam ? { cursor: pageParam } : {}), signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.next : undefined),
  });
}

/** `queryOptions` for templates. */
export function templatesOptions(transport: MessagingTransport, scope: string) {
  return queryOptions({
    queryKey: inboxKeys.templates(scope),
    queryFn: ({ signal }) => transport.listTemplates({ signal }),
    staleTime: 5 * 60_000,
  });
}

/** `queryOptions` for the unread summary. */
export function unreadOptions(transport: MessagingTransport, scope: string) {
  return queryOptions({
    queryKey: inboxKeys.unread(scope),
    queryFn: ({ signal }) => transport.getUnreadSummary({ signal }),
  });
}

/** `queryOptions` for notification preferences. */
export function preferencesOptions(transport: MessagingTransport, scope: string) {
  return queryOptions({
    queryKey: inboxKeys.preferences(scope),
    queryFn: ({ signal }) => transport.getPreferences({ signal }),
  });
}

/** `queryOptions` for the notification list (infinite). */
export function notificationListOptions(transport: MessagingTransport, scope: string, unreadOnly: boolean) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.notificationList(scope, unreadOnly),
    queryFn: ({ pageParam, signal }) =>
      transport.listNotifications({ unreadOnly, ...(pageParam ? { cursor: pageParam } : {}), signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.next : undefined),
  });
}
