import type { FieldError } from '../../core/TransportError';
import type { V1RealtimePayload } from '../../transports/marketplace/wire';
import type { MockContext } from '../context';
import { MockHttpError } from '../errors';
import type { MarketplaceDb, MkAttachment, MkConversation, MkMessage, MkUser } from './db';
import { messageV1, otherSide, summaryV1 } from './views';

/**
 * The marketplace's server-side rules and side effects, shared by the `/v1`
 * and `/api` routes: validation, idempotent storing, read receipts, unread
 * counts, realtime events and the counterpart's auto-reply.
 */

/** Longest message text. */
export const MAX_TEXT = 5000;

/** Field errors for a message text (`required` when `required`). */
export function textErrors(text: unknown, field: string, required: boolean): FieldError[] {
  if (text === undefined || text === null)
    return required ? [{ field, message: 'Message content is required.', code: 'required' }] : [];
  if (typeof text !== 'string')
    return [{ field, message: 'Message content must be a string.', code: 'invalid_type' }];
  const trimmed = text.trim();
  if (required && !trimmed)
    return [{ field, message: 'Message content must not be empty.', code: 'too_small' }];
  if (trimmed.length > MAX_TEXT)
    return [{ field, message: `Message content must be at most ${MAX_TEXT} characters.`, code: 'too_big' }];
  return [];
}

/** Throws a 400 when there are field errors. */
export function assertValid(errors: FieldError[]): void {
  if (errors.length) throw new MockHttpError('validation_failed', 'Validation failed', errors);
}

/** A timestamp after every message already in the conversation (clock from the knobs). */
export function nextTimestamp(ctx: MockContext, db: MarketplaceDb, conversationId: string): string {
  const list = db.messages.get(conversationId);
  const last = list?.[list.length - 1];
  let t = ctx.knobs.now().getTime();
  if (last) t = Math.max(t, Date.parse(last.sentAt) + 1);
  return new Date(t).toISOString();
}

/** Pushes a webhook-style event to one user's realtime connections. */
export function publish(ctx: MockContext, userId: string, payload: V1RealtimePayload): void {
  ctx.realtime.publish(`marketplace:${userId}`, {
    id: ctx.db.marketplace.nextId('evt'),
    created_at: ctx.knobs.now().toISOString(),
    ...payload,
  });
}

/** What to store. */
export interface NewMessage {
  type: MkMessage['type'];
  content: string;
  attachments?: MkAttachment[];
  templateId?: string;
  /** The `Idempotency-Key` header, if any. */
  idempotencyKey?: string | null;
  /** Runs after storing, before the recipient is notified (announce a new conversation first). */
  onStored?: () => void;
}

/** The already-stored message for a repeated idempotency key. */
export function findIdempotent(
  db: MarketplaceDb,
  user: MkUser,
  key: string | null | undefined,
): MkMessage | undefined {
  if (!key) return undefined;
  const id = db.idempotency.get(`${user.id}:${key}`);
  return id ? db.messageById.get(id) : undefined;
}

/**
 * Stores a message from `sender`, notifies the recipient and schedules the
 * counterpart's auto-reply. A repeated idempotency key returns the stored
 * message instead (`duplicate: true`).
 */
export function storeMessage(
  ctx: MockContext,
  db: MarketplaceDb,
  c: MkConversation,
  sender: MkUser,
  input: NewMessage,
): { message: MkMessage; duplicate: boolean } {
  const existing = findIdempotent(db, sender, input.idempotencyKey);
  if (existing) return { message: existing, duplicate: true };
  const message: MkMessage = {
    id: db.nextId('msg'),
    conversationId: c.id,
    senderId: sender.id,
    type: input.type,
    content: input.content,
    attachments: input.attachments ?? [],
    sentAt: nextTimestamp(ctx, db, c.id),
  };
  if (input.templateId) message.templateId = input.templateId;
  db.addMessage(message);
  if (input.idempotencyKey) db.idempotency.set(`${sender.id}:${input.idempotencyKey}`, message.id);
  // a new message brings an archived conversation back for the sender (the recipient's archive stays)
  c.archivedBy.delete(sender.id);
  input.onStored?.();
  const recipientId = otherSide(c, sender.id);
  publish(ctx, recipientId, {
    type: 'message.received',
    data: { conversation_id: c.id, message: messageV1(db, message) },
  });
  scheduleAutoReply(ctx, c.id, recipientId);
  return { message, duplicate: false };
}

const AUTO_REPLIES = [
  'Thanks for your message! I will get back to you shortly.',
  'Good question. Let me check and come back to you today.',
  'Yes, that works for us.',
  'Could you tell me a bit more about what you are looking for?',
  'Sounds good. When would suit you?',
];

/** After `autoReplyDelayMs`, the counterpart (a mock user) answers, when the `autoReply` knob is on. */
export function scheduleAutoReply(ctx: MockContext, conversationId: string, responderId: string): void {
  if (!ctx.knobs.autoReply) return;
  const db = ctx.db.marketplace;
  ctx.schedule(() => {
    // the db may have been reset meanwhile
    if (ctx.db.marketplace !== db) return;
    const c = db.conversations.get(conversationId);
    const responder = db.users.get(responderId);
    if (!c || !responder || c.deletedBy.has(responderId)) return;
    const count = db.messages.get(c.id)?.length ?? 0;
    const message: MkMessage = {
      id: db.nextId('msg'),
      conversationId: c.id,
      senderId: responderId,
      type: 'text',
      content: AUTO_REPLIES[count % AUTO_REPLIES.length]!,
      attachments: [],
      sentAt: nextTimestamp(ctx, db, c.id),
    };
    db.addMessage(message);
    const recipientId = otherSide(c, responderId);
    // the reply brings the conversation back from the recipient's archive
    c.archivedBy.delete(recipientId);
    publish(ctx, recipientId, {
      type: 'message.received',
      data: { conversation_id: c.id, message: messageV1(db, message) },
    });
  }, ctx.knobs.autoReplyDelayMs);
}

/**
 * Marks the other side's messages read for `reader`: all of them, or only
 * `ids` (which must all belong to the conversation). Sends a read receipt to
 * the sender. Returns the ids that changed.
 */
export function markRead(
  ctx: MockContext,
  db: MarketplaceDb,
  c: MkConversation,
  reader: MkUser,
  ids?: string[],
): string[] {
  const list = db.messages.get(c.id) ?? [];
  let targets: MkMessage[];
  if (ids) {
    const byId = new Map(list.map((m) => [m.id, m] as const));
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length) {
      throw new MockHttpError('validation_failed', 'Validation failed', [
        {
          field: 'message_ids',
          message: `Not messages of this conversation: ${unknown.join(', ')}.`,
          code: 'invalid_reference',
        },
      ]);
    }
    targets = ids.map((id) => byId.get(id)!);
  } else targets = list;
  const readAt = ctx.knobs.now().toISOString();
  const changed: string[] = [];
  for (const m of targets) {
    if (m.senderId !== reader.id && !m.readAt) {
      m.readAt = readAt;
      changed.push(m.id);
    }
  }
  if (changed.length) {
    publish(ctx, otherSide(c, reader.id), {
      type: 'message.read',
      data: { conversation_id: c.id, message_ids: changed, read_at: readAt, reader_id: reader.id },
    });
  }
  return changed;
}

/** The user's unread totals over all their (non-deleted, archived included) conversations. */
export function unreadTotals(
  db: MarketplaceDb,
  userId: string,
): { unread_count: number; conversations_with_unread: number } {
  let unread = 0;
  let withUnread = 0;
  for (const c of db.conversationsOf(userId)) {
    const n = db.unreadCount(c, userId);
    unread += n;
    if (n > 0) withUnread++;
  }
  return { unread_count: unread, conversations_with_unread: withUnread };
}

/**
 * Finds the buyer's thread about a listing or starts one (one thread per
 * listing and buyer; a thread the buyer deleted is not re-used). Messaging
 * your own or an unknown listing is 400.
 */
export function threadForListing(
  ctx: MockContext,
  db: MarketplaceDb,
  buyer: MkUser,
  listingId: string,
  field: string,
): { conversation: MkConversation; created: boolean } {
  const listing = db.listings.get(listingId);
  if (!listing)
    throw new MockHttpError('validation_failed', 'Validation failed', [
      { field, message: `Unknown listing ${listingId}.`, code: 'invalid_reference' },
    ]);
  if (listing.sellerId === buyer.id)
    throw new MockHttpError('validation_failed', 'Validation failed', [
      { field, message: 'You cannot message yourself about your own listing.', code: 'own_listing' },
    ]);
  for (const c of db.conversations.values()) {
    if (c.listingId === listingId && c.buyerId === buyer.id && !c.deletedBy.has(buyer.id)) {
      c.archivedBy.delete(buyer.id);
      return { conversation: c, created: false };
    }
  }
  const now = ctx.knobs.now().toISOString();
  const conversation: MkConversation = {
    id: db.nextId('conv'),
    listingId,
    buyerId: buyer.id,
    sellerId: listing.sellerId,
    createdAt: now,
    updatedAt: now,
    archivedBy: new Set(),
    deletedBy: new Set(),
  };
  db.conversations.set(conversation.id, conversation);
  db.messages.set(conversation.id, []);
  return { conversation, created: true };
}

/** Tells the seller about a new conversation (after its first message is stored). */
export function announceConversation(ctx: MockContext, db: MarketplaceDb, c: MkConversation): void {
  publish(ctx, c.sellerId, {
    type: 'conversation.created',
    data: { conversation: summaryV1(db, c, c.sellerId) },
  });
}
