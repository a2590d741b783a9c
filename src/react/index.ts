export { MessagingProvider, useMessaging, MessagingContext } from './MessagingProvider';
export type { MessagingProviderProps, MessagingContextValue, InboxComponents } from './MessagingProvider';
export { inboxKeys } from './queryKeys';
export type { ConversationListKey } from './queryKeys';
export {
  conversationListOptions,
  conversationOptions,
  messagesOptions,
  templatesOptions,
  unreadOptions,
  preferencesOptions,
  notificationListOptions,
} from './queries';
export type { ConversationPages, MessagePages, NotificationPages } from './queries';
export { createInboxStore } from './store/createInboxStore';
export type { InboxState, InboxStore, OutboxEntry, CreateInboxStoreOptions } from './store/createInboxStore';
export { useInboxStore, useInboxStoreShallow } from './hooks/useInboxStore';
export { useConversations } from './hooks/useConversations';
export { useConversation } from './hooks/useConversation';
export { useMessages } from './hooks/useMessages';
export { useSendMessage, newClientId } from './hooks/useSendMessage';
export type { SendInput } from './hooks/useSendMessage';
export { useOutboxFlush } from './hooks/useOutboxFlush';
export { useMarkRead } from './hooks/useMarkRead';
export { useArchive } from './hooks/useArchive';
export { useDeleteConversation } from './hooks/useDeleteConversation';
export { useReportMessage } from './hooks/useReportMessage';
export { useStartConversation } from './hooks/useStartConversation';
export { useTemplates } from './hooks/useTemplates';
export { useCreateTemplate } from './hooks/useCreateTemplate';
export { useUnreadSummary } from './hooks/useUnreadSummary';
export { en } from './strings/en';
export type { Strings, StringKey } from './strings/en';
export type { Translate } from './strings/format';
export type { Announce } from './Announcer';
// Domain types and errors hosts need alongside the components.
export { TransportError, isTransportError } from '../core/TransportError';
export type { TransportErrorCode } from '../core/TransportError';
export type {
  AppNotification,
  Attachment,
  Conversation,
  Message,
  NotificationPreferences,
  Participant,
  Subject,
  Template,
  UnreadSummary,
} from '../core/types';
export type { MessagingTransport, TransportCapabilities } from '../transports/types';
