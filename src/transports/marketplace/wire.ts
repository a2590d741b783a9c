/**
 * Wire types of the marketplace Messages API, exactly as they travel.
 *
 * Two families share one backend:
 * - `V1*`: `/v1/messages/*` — snake_case, prefixed ids (`conv_…`, `msg_…`,
 *   `usr_…`, `lst_…`, `tpl_…`); `pagination` and `summary` inside `data`.
 * - `Api*`: the older `/api/messages/*`, `/api/notifications/*` and
 *   `/api/auth/*` — camelCase, UUIDs, `pagination` beside `data`.
 *
 * Fields marked "mock extension" are not in the published excerpt; the
 * reference server sends them and the adapter treats them as optional.
 */

/** `{success: true, data}` envelope. */
export interface WireEnvelope<T> {
  success: true;
  data: T;
}

/** Listing status. */
export type V1ListingStatus = 'active' | 'sold' | 'reserved';

/** A listing as embedded in a conversation. Price is in EUR. */
export interface V1Listing {
  id: string;
  title: string;
  thumbnail?: string | null;
  price?: number | null;
  status?: V1ListingStatus | (string & {});
  /** Mock extension: a link to the listing page. */
  url?: string;
}

/** The other side of a conversation. `type` is the participant's role in it. */
export interface V1Participant {
  id: string;
  name: string;
  avatar?: string | null;
  type: 'buyer' | 'seller';
  verified?: boolean;
  online?: boolean;
}

/** The newest message of a conversation, for inbox rows. */
export interface V1LastMessage {
  content: string;
  /** Sender user id. */
  sender: string;
  sent_at: string;
  read: boolean;
  /** Mock extension. */
  id?: string;
  /** Mock extension. */
  type?: V1MessageType;
  /** Mock extension. */
  has_attachments?: boolean;
}

/** A conversation in `GET /v1/messages/conversations`. */
export interface V1ConversationSummary {
  id: string;
  listing: V1Listing;
  participant: V1Participant;
  last_message: V1LastMessage | null;
  unread_count: number;
  /** Mock extension: archived by the caller. */
  archived?: boolean;
  created_at: string;
  updated_at: string;
}

/** Page info of v1 lists. `has_more` appears on message pages. */
export interface V1Pagination {
  page: number;
  limit: number;
  total: number;
  has_more?: boolean;
}

/** `data` of `GET /v1/messages/conversations`. */
export interface V1ConversationList {
  conversations: V1ConversationSummary[];
  pagination: V1Pagination;
  summary: { total: number; unread: number };
}

/** Message types. */
export type V1MessageType = 'text' | 'image' | 'document' | 'quick_reply';

/** An attachment of a message. */
export interface V1Attachment {
  id: string;
  name: string;
  url: string;
  thumbnail_url: string | null;
  size: number;
  mime_type: string;
}

/** A message. */
export interface V1Message {
  id: string;
  content: string;
  sender_id: string;
  type: V1MessageType;
  read: boolean;
  read_at?: string | null;
  sent_at: string;
  /** Attachments (README decision); empty for plain text. */
  attachments?: V1Attachment[];
  /** Mock extension: the template a quick reply came from. */
  template_id?: string | null;
  /** Mock extension: whether the caller has reported this message. */
  reported?: boolean;
}

/** `data.conversation` of `GET /v1/messages/conversations/:id`; the counts are mock extensions. */
export interface V1ConversationDetail {
  id: string;
  listing: V1Listing;
  participant: V1Participant;
  archived?: boolean;
  unread_count?: number;
  last_message?: V1LastMessage | null;
  created_at?: string;
  updated_at?: string;
}

/** `data` of `GET /v1/messages/conversations/:id`: messages oldest first. */
export interface V1ConversationThread {
  conversation: V1ConversationDetail;
  messages: V1Message[];
  pagination: V1Pagination & { has_more: boolean };
}

/** `data` of `POST /v1/messages/conversations` (start). */
export interface V1StartedConversation {
  conversation: V1ConversationDetail & { created_at: string };
  message: V1Message;
}

/** `data` of `POST /v1/messages/conversations/:id` (send). */
export interface V1SentMessage {
  message: V1Message;
}

/** `data` of `GET /v1/messages/unread`. */
export interface V1UnreadCounts {
  unread_count: number;
  conversations_with_unread: number;
}

/** `data` of `PUT …/:id/read`: the new counts. */
export interface V1MarkReadResult extends V1UnreadCounts {
  /** Unread messages left in this conversation. */
  conversation_unread_count: number;
  /** How many messages this call marked. */
  marked: number;
}

/** Template categories. */
export type V1TemplateCategory = 'inquiry' | 'offer' | 'viewing' | 'after_sale' | 'other';

/** A message template. */
export interface V1Template {
  id: string;
  name: string;
  category: V1TemplateCategory;
  content: string;
  /** Mock extension: the placeholder names, in order of appearance. */
  variables?: string[];
}

/** `data` of `POST /v1/messages/:messageId/report`. */
export interface V1Report {
  report: {
    id: string;
    message_id: string;
    reason: string;
    details: string | null;
    status: 'pending';
    created_at: string;
  };
}

/**
 * Realtime payloads, shaped like the marketplace webhooks. The reference
 * server pushes them to `marketplace:<userId>` over its WebSocket link.
 */
export type V1RealtimePayload =
  | {
      id?: string;
      type: 'message.received';
      created_at?: string;
      data: { conversation_id: string; message: V1Message };
    }
  | {
      id?: string;
      type: 'message.read';
      created_at?: string;
      data: { conversation_id: string; message_ids: string[]; read_at: string; reader_id: string };
    }
  | {
      id?: string;
      type: 'conversation.created';
      created_at?: string;
      data: { conversation: V1ConversationSummary };
    };

// ---------------------------------------------------------------- /api family

/** `pagination` beside `data` in the `/api` family. */
export interface ApiPagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

/** `{success, data, pagination}`. */
export interface ApiPaged<T> {
  success: true;
  data: T;
  pagination: ApiPagination;
}

/** A user as embedded in `/api` responses. */
export interface ApiUserRef {
  id: string;
  name: string;
  avatarUrl: string | null;
}

/** A thread in `GET /api/messages`. */
export interface ApiThread {
  id: string;
  lastMessageAt: string;
  createdAt: string;
  listing: {
    id: string;
    title: string;
    slug: string;
    /** A decimal: the real server sends it as a string (`"85000.00"`). */
    price: number | string;
    priceCurrency: string;
    /** Objects on the real server (URLs may be relative to the API origin); strings in older copies. */
    images: Array<string | ApiImage>;
  };
  otherParty: ApiUserRef;
  lastMessage: { id: string; body: string; senderId: string; isRead: boolean; createdAt: string } | null;
  unreadCount: number;
}

/** A listing image of the `/api` family. */
export interface ApiImage {
  id: string;
  thumbnailUrl: string;
  mediumUrl: string;
  originalUrl: string;
}

/** An attachment in the `/api` family. */
export interface ApiAttachment {
  id: string;
  name: string;
  url: string;
  thumbnailUrl: string | null;
  size: number;
  mimeType: string;
}

/** A message in the `/api` family. */
export interface ApiMessage {
  id: string;
  senderId: string;
  body: string;
  /** `null` when there are none (a JSON column on the real server). */
  attachments: ApiAttachment[] | null;
  isRead: boolean;
  readAt: string | null;
  createdAt: string;
  sender: ApiUserRef;
}

/** `data` of `GET /api/messages/:threadId`. */
export interface ApiThreadDetail {
  thread: { id: string; listing: { id: string; title: string; slug: string }; otherParty: ApiUserRef };
  messages: ApiMessage[];
}

/** A notification. */
export interface ApiNotification {
  id: string;
  type: string;
  title: string;
  body?: string | null;
  data?: Record<string, unknown> | null;
  isRead: boolean;
  readAt?: string | null;
  createdAt: string;
}

/** `data` of `POST /api/auth/login` and `/api/auth/refresh`. */
export interface ApiAuthTokens {
  user: { id: string; name: string; email: string; role: 'buyer' | 'seller' };
  accessToken: string;
  refreshToken: string;
}
