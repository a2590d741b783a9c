/**
 * The inbox-kit domain model. Every transport maps its wire data into these
 * types; components never see a backend's own shapes.
 */

/** Who a participant is in a conversation. */
export type ParticipantRole = 'buyer' | 'seller' | 'customer' | 'staff';

/** A person (or company) taking part in a conversation. */
export interface Participant {
  id: string;
  name: string;
  avatarUrl?: string;
  /** Absent where the backend does not say (the marketplace `/api` family before a thread is read). */
  role?: ParticipantRole;
  verified?: boolean;
  online?: boolean;
  /** Staff colour (Shopmonkey `userColor`), a CSS colour string. */
  color?: string;
  /** Whether the participant can be reached by SMS (has a phone number). */
  hasPhone?: boolean;
  /** Whether the participant can be reached by email. */
  hasEmail?: boolean;
}

/** A money amount in minor-unit-free decimal form, e.g. `{amount: 85000, currency: 'EUR'}`. */
export interface Money {
  amount: number;
  currency: string;
}

/** What a conversation is about: a marketplace listing, a repair order or a vehicle. */
export interface Subject {
  kind: 'listing' | 'order' | 'vehicle';
  id: string;
  title: string;
  thumbnailUrl?: string;
  price?: Money;
  /** Listing status (`active`, `sold`, …) or order status. */
  status?: string;
  /** Human order number (Shopmonkey `order.number`). */
  number?: string;
  /** Link to the subject in the host app or marketplace. */
  url?: string;
}

/** A short view of the newest message, for inbox rows. */
export interface MessagePreview {
  id?: string;
  text: string;
  senderId: string;
  sentAt: string;
  read: boolean;
  hasAttachments?: boolean;
  deleted?: boolean;
  kind?: MessageKind;
}

/** A conversation as the current user sees it. */
export interface Conversation {
  id: string;
  subject?: Subject;
  counterpart: Participant;
  lastMessage?: MessagePreview;
  unreadCount: number;
  archived: boolean;
  important?: boolean;
  /** The current user's role in this conversation, where the backend tells. */
  myRole?: ParticipantRole;
  createdAt: string;
  updatedAt: string;
}

/** How a message was composed. */
export type MessageKind = 'text' | 'image' | 'document' | 'quick_reply' | 'note' | 'system';

/** A file attached to a message. */
export interface Attachment {
  id: string;
  name: string;
  url: string;
  thumbnailUrl?: string;
  size: number;
  mimeType: string;
}

/** Delivery state of one outbound channel (Shopmonkey SMS/email). */
export type DeliveryStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'error' | 'unknown';

/** One channel's delivery state, with a readable error when it failed. */
export interface ChannelDelivery {
  status: DeliveryStatus;
  error?: string;
  /** True when an SMS is held back until the shop's quiet hours end. */
  scheduled?: boolean;
}

/** Client-side state of an outgoing message. */
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** Backend-specific details a component may show (Shopmonkey carries many). */
export interface MessageExtras {
  origin?: 'web' | 'mobile' | 'customer_order_page' | 'sms' | 'email';
  emailSubject?: string;
  vehicleId?: string;
  orderShare?: { orderId: string; orderNumber?: string; type?: string };
  appointment?: {
    id?: string;
    event?: string;
    confirmationRequested: boolean;
  };
  suggestedReply?: { text: string; state?: string };
  authorColor?: string;
  authorName?: string;
  deletedBy?: string;
  deletedReason?: string;
  avoidQuietHours?: boolean;
  reported?: boolean;
  /**
   * A bulk campaign message (Shopmonkey `type: 'Marketing'`), not a reply written to this customer; the
   * thread labels it so staff do not answer it as if it were.
   */
  marketing?: { campaignId?: string };
  /**
   * An internal note the server did not confirm as internal (it came back without `internal: true`, or
   * with SMS/email delivery). The thread warns that the customer may have seen it.
   */
  noteUnverified?: boolean;
}

/** A message in a conversation. */
export interface Message {
  id: string;
  conversationId: string;
  senderId: string;
  direction: 'incoming' | 'outgoing';
  kind: MessageKind;
  text: string;
  attachments: Attachment[];
  sentAt: string;
  /** A link to this message in the backend's own app, where it gives one ("Copy link"). */
  url?: string;
  readAt?: string;
  read?: boolean;
  delivery?: { sms?: ChannelDelivery; email?: ChannelDelivery };
  deleted?: boolean;
  /** The client-generated id that made the send idempotent. */
  clientId?: string;
  /** Client-only: where an outgoing message is in the send pipeline. */
  status?: MessageStatus;
  /** Client-only: why a failed message failed. */
  error?: string;
  /** Client-only: the failed send may have reached the server (see `TransportError.outcome`). */
  outcome?: 'unknown';
  /** Client-only: queued behind an earlier message of the conversation that was not sent. */
  held?: boolean;
  extras?: MessageExtras;
}

/** Message template categories (marketplace). */
export type TemplateCategory = 'inquiry' | 'offer' | 'viewing' | 'after_sale' | 'other';

/** A reusable message with `{{variable}}` placeholders. */
export interface Template {
  id: string;
  name: string;
  category: TemplateCategory;
  content: string;
  variables: string[];
}

/** Unread counters for badges. */
export interface UnreadSummary {
  /** Unread messages across conversations. */
  messages: number;
  /** Conversations with at least one unread message. */
  conversations: number;
  /** Unread notifications, where the backend has them. */
  notifications?: number;
}

/** A notification channel. */
export type NotificationChannel = 'email' | 'sms' | 'inApp';

/** Notification categories (Shopmonkey config `type`); `default` applies where no category entry exists. */
export type NotificationCategory = 'default' | 'message' | 'appointment' | 'order' | 'payment';

/** Channel switches for one category. */
export interface ChannelPreferences {
  email: boolean;
  sms: boolean;
  inApp: boolean;
}

/** Notification preferences: the default channels plus optional per-category overrides. */
export interface NotificationPreferences {
  default: ChannelPreferences;
  categories: Partial<Record<Exclude<NotificationCategory, 'default'>, ChannelPreferences>>;
}

/** An in-app notification (marketplace `/api/notifications`). */
export interface AppNotification {
  id: string;
  type: string;
  title: string;
  body?: string;
  read: boolean;
  readAt?: string;
  createdAt: string;
  link?: string;
  data?: Record<string, unknown>;
}

/** One page of a list. `next` is an opaque cursor for the following page. */
export interface Page<T> {
  items: T[];
  total?: number;
  hasMore: boolean;
  next?: string;
}

/** Report reasons. `details` is required for `other`. */
export type ReportReason = 'spam' | 'fraud' | 'harassment' | 'inappropriate' | 'other';

/**
 * Realtime events a transport may push. `resync` says events were missed
 * (the relay's log no longer reached back far enough): whatever is shown must
 * be refetched. `stream.status` says whether the live stream is connected;
 * while it is, polling drops to a slow safety net.
 */
export type RealtimeEvent =
  | { type: 'message.received'; conversationId: string; message: Message }
  | { type: 'message.read'; conversationId: string; messageIds?: string[]; readAt: string }
  | { type: 'conversation.created'; conversation: Conversation }
  | { type: 'resync' }
  | { type: 'stream.status'; healthy: boolean };
