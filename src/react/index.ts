export { MessagingProvider, useMessaging, MessagingContext } from './MessagingProvider';
export type { MessagingProviderProps, MessagingContextValue, InboxComponents } from './MessagingProvider';
export type { SafetyOptions, ResolvedSafety } from './safety';
export { useDocumentTitleBadge } from './hooks/useDocumentTitleBadge';
export type { DocumentTitleBadgeOptions } from './hooks/useDocumentTitleBadge';
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
export { useInboxStoreApi } from './store/useInboxStoreApi';
export type { InboxStoreSlot, InboxStoreFactory } from './store/storeSlot';
export { useConversations } from './hooks/useConversations';
export { useConversation } from './hooks/useConversation';
export { useMessages } from './hooks/useMessages';
export { useSendMessage, newClientId } from './hooks/useSendMessage';
export type { SendInput } from './hooks/useSendMessage';
export { useConversationPending } from './hooks/useConversationPending';
export type { ConversationPending } from './hooks/useConversationPending';
export { useOutboxFlush } from './hooks/useOutboxFlush';
export { useMarkRead } from './hooks/useMarkRead';
export { useArchive } from './hooks/useArchive';
export { useDeleteConversation } from './hooks/useDeleteConversation';
export { useReportMessage } from './hooks/useReportMessage';
export { useStartConversation } from './hooks/useStartConversation';
export { useTemplates } from './hooks/useTemplates';
export { useCreateTemplate } from './hooks/useCreateTemplate';
export { useUnreadSummary } from './hooks/useUnreadSummary';
export { useSignOut, clearPersistedData } from './hooks/useSignOut';
export { useNotifications } from './hooks/useNotifications';
export { useMarkNotificationRead } from './hooks/useMarkNotificationRead';
export { useMarkAllNotificationsRead } from './hooks/useMarkAllNotificationsRead';
export { usePreferences } from './hooks/usePreferences';
export { useUpdatePreferences } from './hooks/useUpdatePreferences';
export { useRealtime } from './hooks/useRealtime';
export { en } from './strings/en';
export { nlLocale } from './strings/nl';
export { deLocale } from './strings/de';
export type { LocaleBundle } from './strings/locale';
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

// --- components (generated from each component folder index.ts) ---
export {
  Composer,
  ComposerRoot,
  ComposerInput,
  SendButton,
  AttachButton,
  AttachmentChips,
  DropZone,
  TemplatePicker,
  TemplateVariablesForm,
  CreateTemplateButton,
  CreateTemplateDialog,
  QuickReplies,
  ChannelToggles,
  SuggestedReply,
  OrderShareButton,
  ComposerStatus,
  StartConversationForm,
  useComposerContext,
  useComposerText,
  validateFiles,
  isInQuietHours,
} from './components/Composer';
export type {
  ComposerProps,
  ComposerRootProps,
  ComposerInputProps,
  SendButtonProps,
  AttachButtonProps,
  AttachmentChipsProps,
  DropZoneProps,
  TemplatePickerProps,
  TemplateVariablesFormProps,
  CreateTemplateButtonProps,
  CreateTemplateDialogProps,
  QuickRepliesProps,
  ChannelTogglesProps,
  SuggestedReplyProps,
  OrderShareButtonProps,
  ComposerStatusProps,
  StartConversationFormProps,
  ComposerContextValue,
  ComposerTextValue,
  ComposerMode,
  PendingFile,
  UploadingFile,
  ActiveTemplate,
  OfferedSuggestion,
  FileCheck,
} from './components/Composer';
export {
  ConversationThread,
  ConversationThreadRoot,
  ThreadHeader,
  ThreadFeed,
  JumpToLatest,
  MessageItem,
  MessageBody,
  MessageText,
  MessageHints,
  OrderShareCard,
  AppointmentEvent,
  Attachments,
  DeliveryStatus,
  MessageMenu,
  ReportDialog,
  ImageViewer,
  RowErrorBoundary,
  linkify,
} from './components/ConversationThread';
export type {
  ConversationThreadProps,
  ConversationThreadRootProps,
  ThreadHeaderProps,
  ThreadFeedProps,
  JumpToLatestProps,
  MessageItemProps,
  MessageBodyProps,
  MessageDetailProps,
  AttachmentsProps,
  DeliveryStatusProps,
  MessageMenuProps,
  MessageAction,
  ReportDialogProps,
  ImageViewerProps,
  RowErrorBoundaryProps,
  TextPart,
  ThreadRow,
  AnnounceIncoming,
  SharedOrder,
  AppointmentInfo,
} from './components/ConversationThread';
export {
  Inbox,
  InboxRoot,
  InboxSearch,
  InboxFilters,
  InboxList,
  InboxItem,
  InboxEmpty,
  InboxError,
  InboxSkeleton,
  useInboxContext,
  conversationName,
} from './components/Inbox';
export type {
  InboxProps,
  InboxRootProps,
  InboxSearchProps,
  InboxFiltersProps,
  InboxListProps,
  InboxItemProps,
  InboxEmptyProps,
  InboxErrorProps,
  InboxSkeletonProps,
  InboxCell,
  InboxHandle,
  InboxContextValue,
} from './components/Inbox';
export { InboxLayout, NARROW_BELOW } from './components/InboxLayout';
export type {
  InboxLayoutProps,
  InboxLayoutHandle,
  InboxLayoutPane,
  ThreadSlotProps,
} from './components/InboxLayout';
export {
  NotificationList,
  NotificationListRoot,
  NotificationListHeader,
  NotificationListTitle,
  NotificationListUnreadToggle,
  NotificationListMarkAll,
  NotificationListList,
  NotificationListLoadMore,
  NotificationListEmpty,
  NotificationListError,
  NotificationItem,
  NotificationBell,
  NotificationIcon,
} from './components/NotificationList';
export type {
  NotificationListProps,
  NotificationListUnreadToggleProps,
  NotificationItemProps,
  NotificationOpenHandler,
  NotificationBellProps,
} from './components/NotificationList';
export {
  NotificationSettings,
  NotificationSettingsRoot,
  NotificationSettingsTitle,
  NotificationSettingsTable,
  NotificationSettingsFieldsets,
  NotificationSettingsSwitch,
  NotificationSettingsMessage,
  withSwitch,
  channelsOf,
  settingsRows,
} from './components/NotificationSettings';
export type {
  NotificationSettingsProps,
  NotificationSettingsSwitchProps,
  SettingsGridProps,
} from './components/NotificationSettings';
export {
  UnreadBadge,
  UnreadBadgeRoot,
  UnreadBadgeCount,
  UnreadBadgeLabel,
  useUnreadCount,
  countOf,
} from './components/UnreadBadge';
export type {
  UnreadBadgeProps,
  UnreadBadgeRootProps,
  UnreadCount,
  UnreadKind,
} from './components/UnreadBadge';
// --- end components ---
