export type {
  AppNotification,
  Attachment,
  ChannelDelivery,
  ChannelPreferences,
  Conversation,
  DeliveryStatus,
  Message,
  MessageExtras,
  MessageKind,
  MessagePreview,
  MessageStatus,
  Money,
  NotificationCategory,
  NotificationChannel,
  NotificationPreferences,
  Page,
  Participant,
  ParticipantRole,
  RealtimeEvent,
  ReportReason,
  Subject,
  Template,
  TemplateCategory,
  UnreadSummary,
} from './types';
export { TransportError, codeForStatus, isTransportError, DEFAULT_ERROR_MESSAGES } from './TransportError';
export type { TransportErrorCode, FieldError, TransportErrorInit } from './TransportError';
export {
  parseTemplateVariables,
  renderTemplate,
  firstPlaceholderOffset,
  CONTEXT_VARIABLES,
} from './templates';
export type { RenderResult } from './templates';
export { safeUrl } from './urls';
export type { UrlUse } from './urls';
export { summarizeUnread, applyUnreadChange, formatBadgeCount } from './unread';
export {
  formatTime,
  formatListTime,
  formatRelativeTime,
  formatDayLabel,
  dayKey,
  formatFileSize,
  formatMoney,
} from './dates';
export {
  findSafetyConcerns,
  sharesContactDetails,
  paymentPhrasesFor,
  foldForMatching,
  DEFAULT_PAYMENT_PHRASES,
} from './safety';
export type { SafetyFinding, SafetyCheckOptions } from './safety';
