import type * as v from 'valibot';
import type {
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
