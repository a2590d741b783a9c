import type * as v from 'valibot';
import type {
  AppNotification,
  Attachment,
  Conversation,
  Message,
  MessageKind,
  MessagePreview,
  Participant,
  Subject,
  Template,
} from '../../core/types';
import { parseTemplateVariables } from '../../core/templates';
import type {
  apiMessageSchema,
  apiNotificationSchema,
  apiThreadSchema,
  v1ConversationSummarySchema,
  v1MessageSchema,
  v1SentMessageSchema,
  v1StartedSchema,
  v1ThreadSchema,
  v1TemplatesSchema,
} from './schemas';

/**
 * Wire → domain. Everything here has already passed the schemas; the mappers
 * only rename, fill defaults and decide direction from the current user's side.
 */

type V1Summary = v.InferOutput<typeof v1ConversationSummarySchema>;
type V1Detail = v.InferOutput<typeof v1ThreadSchema>['data']['conversation'];
type V1Started = v.InferOutput<typeof v1StartedSchema>['data']['conversation'];
type V1Msg = v.InferOutput<typeof v1MessageSchema>;
type V1Sent = v.InferOutput<typeof v1SentMessageSchema>;
type V1Tpl = v.InferOutput<typeof v1TemplatesSchema>['data']['templates'][number];
type ApiThread = v.InferOutput<typeof apiThreadSchema>;
type ApiMsg = v.InferOutput<typeof apiMessageSchema>;
type ApiNotification = v.InferOutput<typeof apiNotificationSchema>;

const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** A listing as the conversation's subject (price in EUR). */
export function listingSubject(l: {
  id: string;
  title: string;
  thumbnail?: string | null;
  price?: number | null;
  status?: string | null;
  url?: string | null;
}): Subject {
  const s: Subject = { kind: 'listing', id: l.id, title: l.title };
  if (l.thumbnail) s.thumbnailUrl = l.thumbnail;
  if (typeof l.price === 'number') s.price = { amount: l.price, currency: 'EUR' };
  if (l.status) s.status = l.status;
  if (l.url) s.url = l.url;
  return s;
}

function participant(
  p: {
    id: string;
    name: string;
    avatar?: string | null;
    type?: 'buyer' | 'seller' | undefined;
    verified?: boolean | undefined;
    online?: boolean | undefined;
  },
  fallbackRole: 'buyer' | 'seller',
): Participant {
  const out: Participant = { id: p.id, name: p.name, role: p.type ?? fallbackRole };
  if (p.avatar) out.avatarUrl = p.avatar;
  if (p.verified !== undefined) out.verified = p.verified;
  if (p.online !== undefined) out.online = p.online;
  return out;
}

function preview(m: NonNullable<V1Summary['last_message']>): MessagePreview {
  const p: MessagePreview = { text: m.content, senderId: m.sender, sentAt: m.sent_at, read: m.read };
  if (m.id) p.id = m.id;
  if (m.type) p.kind = m.type;
  if (m.has_attachments !== undefined) p.hasAttachments = m.has_attachments;
  return p;
}

/** A v1 conversation (list row, detail or the slim "started" shape). */
export function toConversation(c: V1Summary | V1Detail | V1Started): Conversation {
  const counterpart = participant(c.participant, 'seller');
  const out: Conversation = {
    id: c.id,
    subject: listingSubject(c.listing),
    counterpart,
    unreadCount: c.unread_count ?? 0,
    archived: c.archived ?? false,
    myRole: counterpart.role === 'buyer' ? 'seller' : 'buyer',
    createdAt: c.created_at ?? c.updated_at ?? '',
    updatedAt: c.updated_at ?? c.created_at ?? '',
  };
  if (c.last_message) out.lastMessage = preview(c.last_message);
  return out;
}

const kindFor = (type: string | undefined, attachments: Attachment[]): MessageKind =>
  type === 'image' || type === 'document' || type === 'quick_reply' || type === 'text'
    ? type
    : attachments.length
      ? attachments.every((a) => a.mimeType.startsWith('image/'))
        ? 'image'
        : 'document'
      : 'text';

function attachment(a: {
  id: string;
  name: string;
  url: string;
  thumbnail_url?: string | null;
  size: number;
  mime_type: string;
}): Attachment {
  const out: Attachment = { id: a.id, name: a.name, url: a.url, size: a.size, mimeType: a.mime_type };
  if (a.thumbnail_url) out.thumbnailUrl = a.thumbnail_url;
  return out;
}

/** Who "me" is: the counterpart's id (anything else is outgoing) and/or my own user id. */
export interface Perspective {
  counterpartId?: string;
  userId?: string;
}

/** Direction from the current user's side; without any clue a message is treated as incoming. */
export function directionOf(senderId: string, who: Perspective): 'incoming' | 'outgoing' {
  if (who.counterpartId) return senderId === who.counterpartId ? 'incoming' : 'outgoing';
  if (who.userId) return senderId === who.userId ? 'outgoing' : 'incoming';
  return 'incoming';
}

/** A v1 thread message. */
export function toMessage(m: V1Msg, conversationId: string, who: Perspective): Message {
  const attachments = (m.attachments ?? []).map(attachment);
  const out: Message = {
    id: m.id,
    conversationId,
    senderId: m.sender_id,
    direction: directionOf(m.sender_id, who),
    kind: kindFor(m.type, attachments),
    text: m.content,
    attachments,
    sentAt: m.sent_at,
    read: m.read,
  };
  if (m.read_at) out.readAt = m.read_at;
  if (m.reported !== undefined || m.template_id) {
    out.extras = {};
    if (m.reported !== undefined) out.extras.reported = m.reported;
  }
  return out;
}

/** A message the current user just sent (the answer may omit `sender_id`). */
export function toSentMessage(
  m: V1Sent,
  conversationId: string,
  userId: string | undefined,
  clientId: string,
): Message {
  const attachments = (m.attachments ?? []).map(attachment);
  const out: Message = {
    id: m.id,
    conversationId,
    senderId: m.sender_id ?? userId ?? '',
    direction: 'outgoing',
    kind: kindFor(m.type, attachments),
    text: m.content,
    attachments,
    sentAt: m.sent_at,
    read: m.read ?? false,
    clientId,
    status: 'sent',
  };
  if (m.read_at) out.readAt = m.read_at;
  return out;
}

/** A template; variables parsed from the content when the server does not list them. */
export function toTemplate(t: V1Tpl): Template {
  return {
    id: t.id,
    name: t.name,
    category: t.category,
    content: t.content,
    variables: t.variables ?? parseTemplateVariables(t.content),
  };
}

// ---------------------------------------------------------------- /api family

/**
 * An `/api` thread. That family does not say who is the buyer: the
 * counterpart's role is `counterpartRole` (the adapter's `apiCounterpartRole`).
 */
export function apiToConversation(
  t: ApiThread,
  archived: boolean,
  counterpartRole: 'buyer' | 'seller',
): Conversation {
  const subject: Subject = { kind: 'listing', id: t.listing.id, title: t.listing.title };
  const thumb = t.listing.images?.[0];
  if (thumb) subject.thumbnailUrl = thumb;
  if (typeof t.listing.price === 'number')
    subject.price = { amount: t.listing.price, currency: t.listing.priceCurrency ?? 'EUR' };
  const counterpart: Participant = { id: t.otherParty.id, name: t.otherParty.name, role: counterpartRole };
  if (t.otherParty.avatarUrl) counterpart.avatarUrl = t.otherParty.avatarUrl;
  const out: Conversation = {
    id: t.id,
    subject,
    counterpart,
    unreadCount: t.unreadCount,
    archived,
    myRole: counterpartRole === 'buyer' ? 'seller' : 'buyer',
    createdAt: t.createdAt,
    updatedAt: t.lastMessageAt,
  };
  if (t.lastMessage) {
    out.lastMessage = {
      id: t.lastMessage.id,
      text: t.lastMessage.body,
      senderId: t.lastMessage.senderId,
      sentAt: t.lastMessage.createdAt,
      read: t.lastMessage.isRead,
    };
  }
  return out;
}

/** An `/api` message; incoming when the counterpart sent it. */
export function apiToMessage(
  m: ApiMsg,
  conversationId: string,
  who: Perspective,
  clientId?: string,
): Message {
  const attachments = (m.attachments ?? []).map((a) =>
    attachment({
      id: a.id,
      name: a.name,
      url: a.url,
      thumbnail_url: a.thumbnailUrl,
      size: a.size,
      mime_type: a.mimeType,
    }),
  );
  const out: Message = {
    id: m.id,
    conversationId,
    senderId: m.senderId,
    direction: directionOf(m.senderId, who),
    kind: kindFor(undefined, attachments),
    text: m.body,
    attachments,
    sentAt: m.createdAt,
    read: m.isRead,
  };
  const readAt = opt(m.readAt);
  if (readAt) out.readAt = readAt;
  if (clientId) {
    out.clientId = clientId;
    out.status = 'sent';
  }
  return out;
}

/** A notification. */
export function toNotification(n: ApiNotification): AppNotification {
  const out: AppNotification = {
    id: n.id,
    type: n.type,
    title: n.title,
    read: n.isRead,
    createdAt: n.createdAt,
  };
  if (n.body) out.body = n.body;
  if (n.readAt) out.readAt = n.readAt;
  if (n.data) out.data = n.data;
  return out;
}
