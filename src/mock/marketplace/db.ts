import type { MockIdentity } from '../identities';
import { seedMarketplace } from './seed';
import { uuidFor } from './uuid';

/** A marketplace user: a private buyer/seller or a dealer company. */
export interface MkUser {
  id: string;
  name: string;
  email: string;
  /** Password for `POST /api/auth/login` (mock only). */
  password: string;
  avatar: string;
  /** The role the user mainly has (identities list); per conversation the role follows the listing. */
  role: 'buyer' | 'seller';
  verified: boolean;
  online: boolean;
  /** The fixed API token that signs in as this user. */
  token: string;
  description: string;
}

/** A vehicle listing. Price in EUR. */
export interface MkListing {
  id: string;
  sellerId: string;
  title: string;
  slug: string;
  kind: 'truck' | 'trailer' | 'van';
  thumbnail: string;
  price: number;
  status: 'active' | 'sold' | 'reserved';
}

/** One thread per listing and buyer. Archive and delete are per participant. */
export interface MkConversation {
  id: string;
  listingId: string;
  buyerId: string;
  sellerId: string;
  createdAt: string;
  updatedAt: string;
  archivedBy: Set<string>;
  deletedBy: Set<string>;
}

/** A stored attachment. */
export interface MkAttachment {
  id: string;
  name: string;
  url: string;
  thumbnailUrl: string | null;
  size: number;
  mimeType: string;
}

/** A stored message. `readAt` is set when the recipient read it. */
export interface MkMessage {
  id: string;
  conversationId: string;
  senderId: string;
  type: 'text' | 'image' | 'document' | 'quick_reply';
  content: string;
  attachments: MkAttachment[];
  sentAt: string;
  readAt?: string;
  templateId?: string;
}

/** A message template; `ownerId: null` means shared by everyone. */
export interface MkTemplate {
  id: string;
  ownerId: string | null;
  name: string;
  category: 'inquiry' | 'offer' | 'viewing' | 'after_sale' | 'other';
  content: string;
  createdAt: string;
}

/** A report of a message by a user. */
export interface MkReport {
  id: string;
  messageId: string;
  reporterId: string;
  reason: 'spam' | 'fraud' | 'harassment' | 'inappropriate' | 'other';
  details: string | null;
  createdAt: string;
}

/** An in-app notification (`/api/notifications`). */
export interface MkNotification {
  id: string;
  userId: string;
  type:
    | 'NEW_MESSAGE'
    | 'LISTING_APPROVED'
    | 'LISTING_EXPIRING'
    | 'FAVORITE_PRICE_DROP'
    | 'NEW_REVIEW'
    | 'LISTING_SOLD';
  title: string;
  body?: string;
  data?: Record<string, unknown>;
  readAt?: string;
  createdAt: string;
}

/** The marketplace collections of the reference server, and small queries over them. */
export interface MarketplaceDb {
  users: Map<string, MkUser>;
  listings: Map<string, MkListing>;
  conversations: Map<string, MkConversation>;
  /** Messages per conversation, oldest first. */
  messages: Map<string, MkMessage[]>;
  messageById: Map<string, MkMessage>;
  templates: MkTemplate[];
  reports: MkReport[];
  notifications: MkNotification[];
  /** `<userId>:<Idempotency-Key>` → message id. */
  idempotency: Map<string, string>;
  /** Uploaded files served at `/mock-assets/:id/:name`. */
  files: Map<string, Blob>;
  /** Issued access tokens (`/api/auth/login`), with expiry in epoch ms. */
  accessTokens: Map<string, { userId: string; expiresAt: number }>;
  /** Issued refresh tokens → user id. */
  refreshTokens: Map<string, string>;
  /** A fresh id with a prefix, e.g. `msg_100001`. Deterministic. */
  nextId(prefix: string): string;
  /** The UUID the `/api` family shows for a v1 id. */
  uuid(id: string): string;
  /** The v1 id behind a UUID the `/api` family showed, if any. */
  fromUuid(uuid: string): string | undefined;
  /** Stores a message at the end of its conversation and bumps `updatedAt`. */
  addMessage(message: MkMessage): void;
  /** The user's visible conversations (not deleted by them). */
  conversationsOf(userId: string): MkConversation[];
  /** Unread messages for `userId` in a conversation (sent by the other side, not read). */
  unreadCount(conversation: MkConversation, userId: string): number;
  /** The known users with their fixed tokens (bulk filler users of `size: 'large'` are left out). */
  identities(): MockIdentity[];
}

/** Creates deterministic marketplace seed data. */
export function createMarketplaceDb(options: {
  seed: number;
  size: 'small' | 'large';
  now: Date;
}): MarketplaceDb {
  let counter = 100_000;
  const uuids = new Map<string, string>();
  const db: MarketplaceDb = {
    users: new Map(),
    listings: new Map(),
    conversations: new Map(),
    messages: new Map(),
    messageById: new Map(),
    templates: [],
    reports: [],
    notifications: [],
    idempotency: new Map(),
    files: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    nextId: (prefix) => `${prefix}_${++counter}`,
    uuid(id) {
      const u = uuidFor(id);
      uuids.set(u, id);
      return u;
    },
    fromUuid(uuid) {
      const hit = uuids.get(uuid.toLowerCase());
      if (hit) return hit;
      // ids never shown yet: search the collections once
      for (const map of [db.conversations, db.users, db.listings, db.messageById] as Array<
        Map<string, unknown>
      >) {
        for (const id of map.keys()) if (uuidFor(id) === uuid.toLowerCase()) return (uuids.set(uuid, id), id);
      }
      for (const n of db.notifications)
        if (uuidFor(n.id) === uuid.toLowerCase()) return (uuids.set(uuid, n.id), n.id);
      return undefined;
    },
    addMessage(message) {
      let list = db.messages.get(message.conversationId);
      if (!list) db.messages.set(message.conversationId, (list = []));
      list.push(message);
      db.messageById.set(message.id, message);
      const conv = db.conversations.get(message.conversationId);
      if (conv && message.sentAt > conv.updatedAt) conv.updatedAt = message.sentAt;
    },
    conversationsOf(userId) {
      const out: MkConversation[] = [];
      for (const c of db.conversations.values()) {
        if ((c.buyerId === userId || c.sellerId === userId) && !c.deletedBy.has(userId)) out.push(c);
      }
      return out;
    },
    unreadCount(conversation, userId) {
      let n = 0;
      for (const m of db.messages.get(conversation.id) ?? []) if (m.senderId !== userId && !m.readAt) n++;
      return n;
    },
    identities() {
      return [...db.users.values()]
        .filter((u) => u.description)
        .map((u) => ({
          id: u.id,
          name: u.name,
          role: u.role,
          api: 'marketplace' as const,
          token: u.token,
          description: u.description,
        }));
    },
  };
  seedMarketplace(db, options);
  return db;
}
