import type {
  ApiMessage,
  ApiNotification,
  ApiThread,
  ApiUserRef,
  V1Attachment,
  V1ConversationDetail,
  V1ConversationSummary,
  V1LastMessage,
  V1Listing,
  V1Message,
  V1Participant,
  V1Template,
} from '../../transports/marketplace/wire';
import { parseTemplateVariables } from '../../core/templates';
import type {
  MarketplaceDb,
  MkAttachment,
  MkConversation,
  MkMessage,
  MkNotification,
  MkTemplate,
  MkUser,
} from './db';

/**
 * Turns stored rows into wire shapes, always from one viewer's side: the
 * `participant` is the other person, unread counts and archive flags are the
 * viewer's own.
 */

/** The other participant's id. */
export const otherSide = (c: MkConversation, viewerId: string) =>
  c.buyerId === viewerId ? c.sellerId : c.buyerId;

/** A v1 listing. */
export function listingV1(db: MarketplaceDb, listingId: string): V1Listing {
  const l = db.listings.get(listingId)!;
  return {
    id: l.id,
    title: l.title,
    thumbnail: l.thumbnail,
    price: l.price,
    status: l.status,
    url: `/listings/${l.slug}`,
  };
}

/** A v1 participant: the counterpart of `viewerId`. */
export function participantV1(
  db: MarketplaceDb,
  c: MkConversation,
  viewerId: string,
  withOnline: boolean,
): V1Participant {
  const other = db.users.get(otherSide(c, viewerId))!;
  const p: V1Participant = {
    id: other.id,
    name: other.name,
    avatar: other.avatar,
    type: other.id === c.buyerId ? 'buyer' : 'seller',
    verified: other.verified,
  };
  if (withOnline) p.online = other.online;
  return p;
}

function lastOf(db: MarketplaceDb, c: MkConversation): MkMessage | undefined {
  const list = db.messages.get(c.id);
  return list?.[list.length - 1];
}

/** A v1 `last_message`, or null for an empty thread. */
export function lastMessageV1(db: MarketplaceDb, c: MkConversation): V1LastMessage | null {
  const m = lastOf(db, c);
  if (!m) return null;
  return {
    id: m.id,
    content: m.content,
    sender: m.senderId,
    sent_at: m.sentAt,
    read: !!m.readAt,
    type: m.type,
    has_attachments: m.attachments.length > 0,
  };
}

/** A row of `GET /v1/messages/conversations`. */
export function summaryV1(db: MarketplaceDb, c: MkConversation, viewerId: string): V1ConversationSummary {
  return {
    id: c.id,
    listing: listingV1(db, c.listingId),
    participant: participantV1(db, c, viewerId, false),
    last_message: lastMessageV1(db, c),
    unread_count: db.unreadCount(c, viewerId),
    archived: c.archivedBy.has(viewerId),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** `data.conversation` of `GET /v1/messages/conversations/:id`. */
export function detailV1(
  db: MarketplaceDb,
  c: MkConversation,
  viewerId: string,
): V1ConversationDetail & { created_at: string } {
  return {
    id: c.id,
    listing: listingV1(db, c.listingId),
    participant: participantV1(db, c, viewerId, true),
    archived: c.archivedBy.has(viewerId),
    unread_count: db.unreadCount(c, viewerId),
    last_message: lastMessageV1(db, c),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** A v1 attachment. */
export const attachmentV1 = (a: MkAttachment): V1Attachment => ({
  id: a.id,
  name: a.name,
  url: a.url,
  thumbnail_url: a.thumbnailUrl,
  size: a.size,
  mime_type: a.mimeType,
});

/** A v1 message; `reported` is from `viewerId`'s side. */
export function messageV1(db: MarketplaceDb, m: MkMessage, viewerId?: string): V1Message {
  const out: V1Message = {
    id: m.id,
    content: m.content,
    sender_id: m.senderId,
    type: m.type,
    read: !!m.readAt,
    read_at: m.readAt ?? null,
    sent_at: m.sentAt,
    attachments: m.attachments.map(attachmentV1),
  };
  if (m.templateId) out.template_id = m.templateId;
  if (viewerId) out.reported = db.reports.some((r) => r.messageId === m.id && r.reporterId === viewerId);
  return out;
}

/** A v1 template, with its parsed variables (mock extension). */
export const templateV1 = (t: MkTemplate): V1Template => ({
  id: t.id,
  name: t.name,
  category: t.category,
  content: t.content,
  variables: parseTemplateVariables(t.content),
});

// ------------------------------------------------------------------ /api views

/** A user reference under its UUID. */
export function userRefApi(db: MarketplaceDb, user: MkUser): ApiUserRef {
  return { id: db.uuid(user.id), name: user.name, avatarUrl: user.avatar };
}

/** A thread row of `GET /api/messages`. */
export function threadApi(db: MarketplaceDb, c: MkConversation, viewerId: string): ApiThread {
  const l = db.listings.get(c.listingId)!;
  const m = lastOf(db, c);
  return {
    id: db.uuid(c.id),
    lastMessageAt: m?.sentAt ?? c.updatedAt,
    createdAt: c.createdAt,
    listing: {
      id: db.uuid(l.id),
      title: l.title,
      slug: l.slug,
      // As the real server (Prisma): a decimal price arrives as a string, images as objects with URLs
      // relative to the API origin (at most one, the first by position).
      price: l.price.toFixed(2),
      priceCurrency: 'EUR',
      images: [
        {
          id: db.uuid(`img_${l.id}`),
          thumbnailUrl: `/placeholder/listings/${db.uuid(l.id)}/thumb`,
          mediumUrl: `/placeholder/listings/${db.uuid(l.id)}/medium`,
          originalUrl: `/placeholder/listings/${db.uuid(l.id)}/original`,
        },
      ],
    },
    otherParty: userRefApi(db, db.users.get(otherSide(c, viewerId))!),
    lastMessage: m
      ? {
          id: db.uuid(m.id),
          body: m.content,
          senderId: db.uuid(m.senderId),
          isRead: !!m.readAt,
          createdAt: m.sentAt,
        }
      : null,
    unreadCount: db.unreadCount(c, viewerId),
  };
}

/** A message of the `/api` family. */
export function messageApi(db: MarketplaceDb, m: MkMessage): ApiMessage {
  const sender = db.users.get(m.senderId)!;
  return {
    id: db.uuid(m.id),
    senderId: db.uuid(m.senderId),
    body: m.content,
    // A JSON column on the real server: null when the message has none.
    attachments: m.attachments.length
      ? m.attachments.map((a) => ({
          id: db.uuid(a.id),
          name: a.name,
          url: a.url,
          thumbnailUrl: a.thumbnailUrl,
          size: a.size,
          mimeType: a.mimeType,
        }))
      : null,
    isRead: !!m.readAt,
    readAt: m.readAt ?? null,
    createdAt: m.sentAt,
    sender: userRefApi(db, sender),
  };
}

/** A notification of `/api/notifications`. */
export function notificationApi(db: MarketplaceDb, n: MkNotification): ApiNotification {
  return {
    id: db.uuid(n.id),
    type: n.type,
    title: n.title,
    body: n.body ?? null,
    data: n.data ?? null,
    isRead: !!n.readAt,
    readAt: n.readAt ?? null,
    createdAt: n.createdAt,
  };
}
