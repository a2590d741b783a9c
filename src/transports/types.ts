import type {
  AppNotification,
  Conversation,
  Message,
  NotificationPreferences,
  Page,
  ParticipantRole,
  RealtimeEvent,
  ReportReason,
  Template,
  TemplateCategory,
  UnreadSummary,
} from '../core/types';
import type { TransportDiagnostic } from './diagnostics';

/** Limits on attachments a backend accepts. */
export interface AttachmentLimits {
  /** Most files per message. */
  maxCount: number;
  /** Largest file in bytes. */
  maxBytes: number;
  /** Accepted MIME types. */
  mimeTypes: string[];
}

/** What a backend can do. Components hide what is `false`/absent. */
export interface TransportCapabilities {
  templates: boolean;
  createTemplates: boolean;
  quickReplies: boolean;
  archive: boolean;
  unarchive: boolean;
  delete: boolean;
  report: boolean;
  /** `undefined` when the backend takes no attachments. */
  attachments?: AttachmentLimits;
  /** Mark single messages read (not only whole conversations). */
  perMessageRead: boolean;
  internalNotes: boolean;
  /** Outbound channels a message can go out on (Shopmonkey: sms, email). */
  deliveryChannels: Array<'sms' | 'email'>;
  notifications: boolean;
  preferences: boolean;
  /** Which categories preferences can be set for; empty means channels only. */
  preferenceCategories: Array<'message' | 'appointment' | 'order' | 'payment'>;
  /** Which preference channels exist. */
  preferenceChannels: Array<'email' | 'sms' | 'inApp'>;
  startConversation: boolean;
  /**
   * Whether the server stores a retried send (same `clientId`) once. Where it does not, a send whose
   * answer was lost is never re-posted blind: the transport looks for it first (see `SendMessageInput.resend`).
   */
  idempotentSends: boolean;
  /** Inbox filters the backend supports server-side. */
  filters: Array<InboxFilter>;
  /** Role filter (buyer/seller) support. */
  roleFilter: boolean;
  search: boolean;
  realtime: boolean;
  suggestedReplies: boolean;
  orderShare: boolean;
  quietHours: boolean;
  maxTextLength: number;
}

/** Inbox filters. */
export type InboxFilter = 'all' | 'unread' | 'read' | 'archived';

/** Common per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Query for listing conversations. */
export interface ListConversationsParams extends CallOptions {
  filter?: InboxFilter;
  role?: Extract<ParticipantRole, 'buyer' | 'seller'>;
  search?: string;
  /** Opaque cursor from `Page.next`. */
  cursor?: string;
  limit?: number;
}

/** Query for listing a thread's messages: newest page first, `cursor` pages back in time. */
export interface ListMessagesParams extends CallOptions {
  conversationId: string;
  cursor?: string;
  limit?: number;
}

/** A file the user picked, ready for sending. */
export interface OutgoingFile {
  file: Blob & { name: string };
  /** Upload progress 0..1, where the transport can report it. */
  onProgress?: (fraction: number) => void;
}

/** What to send. Exactly one of `text` or `template` normally carries content. */
export interface SendMessageInput extends CallOptions {
  conversationId: string;
  /** The client's id for this message, the same on every attempt (the idempotency key where the server has one). */
  clientId: string;
  /**
   * Set on every attempt after the first: `since` is the ISO time at which the first attempt began. A
   * transport whose server lacks idempotent sends must look for the message (sent since then) before
   * posting it again, so a send whose answer was lost is not stored twice.
   */
  resend?: { since: string };
  text?: string;
  kind?: 'text' | 'quick_reply' | 'note';
  template?: { id: string; variables: Record<string, string> };
  attachments?: OutgoingFile[];
  /** Shopmonkey: channels the message goes out on. */
  channels?: { sms?: boolean; email?: boolean; emailSubject?: string };
  /** Shopmonkey: internal note not sent to the customer. */
  internal?: boolean;
  /** Shopmonkey extras. */
  suggestedReplyState?: 'used' | 'edited' | 'dismissed';
  avoidQuietHours?: boolean;
  orderShare?: { orderId: string; type?: string };
}

/** Starting a conversation about a subject (marketplace listing). */
export interface StartConversationInput extends CallOptions {
  subjectId: string;
  text: string;
  clientId: string;
}

/** The new conversation and its first message. */
export interface StartConversationResult {
  conversation: Conversation;
  message: Message;
}

/** Unread counts after a mark-read. */
export type MarkReadResult = UnreadSummary;

/** Listener for realtime events. */
export type RealtimeListener = (event: RealtimeEvent) => void;

/**
 * The contract every backend adapter implements. Every verb returns a promise
 * and takes an `AbortSignal`; every failure rejects with a `TransportError`.
 * A verb for a capability the backend lacks rejects with `code: 'unsupported'`.
 */
export interface MessagingTransport {
  /** A short id for the backend, e.g. `marketplace` or `shopmonkey`. */
  readonly id: string;
  readonly capabilities: TransportCapabilities;

  listConversations(params?: ListConversationsParams): Promise<Page<Conversation>>;
  getConversation(id: string, options?: CallOptions): Promise<Conversation>;
  startConversation(input: StartConversationInput): Promise<StartConversationResult>;
  listMessages(params: ListMessagesParams): Promise<Page<Message>>;
  sendMessage(input: SendMessageInput): Promise<Message>;
  /** Marks a whole conversation read, or only `messageIds`. */
  markRead(conversationId: string, messageIds?: string[], options?: CallOptions): Promise<MarkReadResult>;
  archive(conversationId: string, options?: CallOptions): Promise<void>;
  unarchive(conversationId: string, options?: CallOptions): Promise<void>;
  deleteConversation(conversationId: string, options?: CallOptions): Promise<void>;
  reportMessage(
    messageId: string,
    reason: ReportReason,
    details?: string,
    options?: CallOptions,
  ): Promise<void>;
  listTemplates(options?: CallOptions): Promise<Template[]>;
  createTemplate(
    input: { name: string; category: TemplateCategory; content: string },
    options?: CallOptions,
  ): Promise<Template>;
  getUnreadSummary(options?: CallOptions): Promise<UnreadSummary>;
  getPreferences(options?: CallOptions): Promise<NotificationPreferences>;
  updatePreferences(
    preferences: NotificationPreferences,
    options?: CallOptions,
  ): Promise<NotificationPreferences>;
  listNotifications(
    params?: CallOptions & { cursor?: string; unreadOnly?: boolean; limit?: number },
  ): Promise<Page<AppNotification>>;
  markNotificationRead(id: string, options?: CallOptions): Promise<AppNotification>;
  markAllNotificationsRead(options?: CallOptions): Promise<{ updated: number }>;
  /** Realtime events; returns an unsubscribe function. Absent where the backend has none. */
  subscribe?(listener: RealtimeListener): () => void;
  /**
   * What the transport did not understand in the server's answers (each field or item it dropped), and
   * other anomalies; returns an unsubscribe function. See {@link TransportDiagnostic}.
   */
  subscribeDiagnostics?(listener: (diagnostic: TransportDiagnostic) => void): () => void;
}

/** Options shared by the HTTP adapters. */
export interface HttpTransportOptions {
  /** Base URL, e.g. `https://api.example.com/v1` (marketplace) or `https://api.shopmonkey.cloud` (Shopmonkey). */
  baseUrl: string;
  /** Called before every request; may refresh and return a new token. */
  getToken: () => string | Promise<string>;
  /** Called when a request is still 401 after one fresh token. */
  onUnauthorized?: (error: import('../core/TransportError').TransportError) => void;
  /** A `fetch` implementation. @defaultValue `globalThis.fetch` */
  fetch?: typeof fetch;
  /** Per-request timeout in ms. @defaultValue 15000 */
  timeoutMs?: number;
  /** Retries for idempotent requests. @defaultValue 2 */
  retries?: number;
  /** Base backoff delay in ms. @defaultValue 300 */
  retryDelayMs?: number;
  /** Called once per kind, endpoint and path for each anomaly in the server's answers. */
  onDiagnostic?: (diagnostic: TransportDiagnostic) => void;
  /**
   * Realtime source: a function that connects and calls back with raw events.
   * The adapters map backend events to {@link RealtimeEvent}s.
   */
  events?: RealtimeSource;
}

/** A raw realtime connection: calls `onRaw` for each payload and returns a disconnect function. */
export type RealtimeSource = (onRaw: (payload: unknown) => void) => () => void;
