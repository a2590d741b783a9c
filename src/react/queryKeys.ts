import type { InboxFilter } from '../transports/types';

/** Parameters that select one inbox list. */
export interface ConversationListKey {
  filter: InboxFilter;
  role: 'buyer' | 'seller' | null;
  search: string;
}

/**
 * The one query-key factory. Every key starts with `['inbox-kit', scope]`,
 * where `scope` names the backend and the user, so two widgets for different
 * users never share cache entries.
 */
export const inboxKeys = {
  all: (scope: string) => ['inbox-kit', scope] as const,
  conversations: (scope: string) => [...inboxKeys.all(scope), 'conversations'] as const,
  conversationList: (scope: string, params: ConversationListKey) =>
    [...inboxKeys.conversations(scope), 'list', params] as const,
  conversation: (scope: string, id: string) => [...inboxKeys.conversations(scope), 'detail', id] as const,
  messages: (scope: string, conversationId: string) =>
    [...inboxKeys.all(scope), 'messages', conversationId] as const,
  templates: (scope: string) => [...inboxKeys.all(scope), 'templates'] as const,
  unread: (scope: string) => [...inboxKeys.all(scope), 'unread'] as const,
  preferences: (scope: string) => [...inboxKeys.all(scope), 'preferences'] as const,
  notifications: (scope: string) => [...inboxKeys.all(scope), 'notifications'] as const,
  notificationList: (scope: string, unreadOnly: boolean) =>
    [...inboxKeys.notifications(scope), 'list', { unreadOnly }] as const,
};
