import type { QueryClient } from '@tanstack/react-query';
import type { Conversation, Message, MessagePreview, RealtimeEvent, UnreadSummary } from '../../core/types';
import { applyUnreadChange } from '../../core/unread';
import {
  findConversation,
  patchConversation,
  patchMessages,
  setConversationUnread,
  upsertMessage,
} from '../cache';
import type { ConversationPages, MessagePages } from '../queries';
import { inboxKeys } from '../queryKeys';
import type { ConversationListKey } from '../queryKeys';

/** What applying an event needs to know about the page. */
export interface RealtimeContext {
  scope: string;
  /** Message ids already applied; makes duplicate deliveries harmless. */
  seen: BoundedSet;
}

/** A set that forgets its oldest entries past `max`. */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly max = 1000) {}
  has(key: string): boolean {
    return this.items.has(key);
  }
  add(key: string): void {
    this.items.add(key);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value as string);
  }
}

function preview(m: Message, read: boolean): MessagePreview {
  return {
    id: m.id,
    text: m.text,
    senderId: m.senderId,
    sentAt: m.sentAt,
    read,
    hasAttachments: m.attachments.length > 0,
    kind: m.kind,
    ...(m.deleted ? { deleted: true } : {}),
  };
}

function messageInThread(client: QueryClient, scope: string, m: Message): boolean {
  const data = client.getQueryData<MessagePages>(inboxKeys.messages(scope, m.conversationId));
  return !!data?.pages.some((p) =>
    p.items.some((x) => x.id === m.id || (!!m.clientId && x.clientId === m.clientId)),
  );
}

/** Whether a conversation belongs in a cached list it is not in yet. */
function belongsIn(params: ConversationListKey, c: Conversation): boolean {
  if (params.search) return false; // server-side search: unknown whether it matches
  if (params.role && c.myRole && params.role !== c.myRole) return false;
  if (params.filter === 'all') return !c.archived;
  if (params.filter === 'unread') return !c.archived && c.unreadCount > 0;
  return false;
}

/**
 * Puts `updated` at the top of every cached list it belongs in: moved when
 * present, prepended where it now qualifies (all/unread), removed from the
 * "read" list when it gained unread messages.
 */
export function placeConversationOnTop(client: QueryClient, scope: string, updated: Conversation): void {
  for (const [key, data] of client.getQueriesData<ConversationPages>({
    queryKey: [...inboxKeys.conversations(scope), 'list'],
  })) {
    if (!data || data.pages.length === 0) continue;
    const params = key[4] as ConversationListKey | undefined;
    const present = data.pages.some((p) => p.items.some((c) => c.id === updated.id));
    const drop = params?.filter === 'read' && updated.unreadCount > 0;
    if (!present && (!params || !belongsIn(params, updated))) continue;
    const pages = data.pages.map((p) => {
      const items = p.items.filter((c) => c.id !== updated.id);
      return items.length === p.items.length ? p : { ...p, items };
    });
    const first = pages[0]!;
    if (drop) {
      pages[0] = first.total !== undefined ? { ...first, total: first.total - 1 } : first;
    } else {
      pages[0] = {
        ...first,
        items: [updated, ...first.items],
        ...(!present && first.total !== undefined ? { total: first.total + 1 } : {}),
      };
    }
    client.setQueryData<ConversationPages>(key, { ...data, pages });
  }
}

function onMessageReceived(
  client: QueryClient,
  ctx: RealtimeContext,
  event: Extract<RealtimeEvent, { type: 'message.received' }>,
): 'applied' | 'unknown-conversation' {
  const { scope } = ctx;
  const message: Message = {
    ...event.message,
    conversationId: event.conversationId,
    ...(event.message.direction === 'outgoing' ? { status: 'sent' as const } : {}),
  };
  const conversation = findConversation(client, scope, event.conversationId);
  // Already counted: a duplicate delivery, an update of a known message, or the first message of a conversation.created.
  const known =
    ctx.seen.has(message.id) ||
    messageInThread(client, scope, message) ||
    conversation?.lastMessage?.id === message.id;
  ctx.seen.add(message.id);
  upsertMessage(client, scope, message);
  if (!conversation) return known ? 'applied' : 'unknown-conversation';
  if (known) {
    if (conversation.lastMessage?.id === message.id) {
      patchConversation(client, scope, conversation.id, (c) => ({
        ...c,
        lastMessage: { ...preview(message, c.lastMessage?.read ?? false) },
      }));
    }
    return 'applied';
  }
  const incoming = message.direction === 'incoming';
  // Counted even in the open conversation: the server counts it until the thread has
  // actually shown it (mark-on-sight lowers it again), so row and badge never drift.
  const countsAsUnread = incoming && message.kind !== 'system';
  const newer = !conversation.lastMessage || conversation.lastMessage.sentAt <= message.sentAt;
  if (countsAsUnread) setConversationUnread(client, scope, conversation.id, conversation.unreadCount + 1);
  if (!newer) return 'applied'; // an out-of-order older message: in the thread, but it does not reorder the inbox
  const current = findConversation(client, scope, conversation.id) ?? conversation;
  const updated: Conversation = {
    ...current,
    // A new message brings an archived conversation back to the inbox, as the servers do.
    archived: incoming ? false : current.archived,
    lastMessage: preview(message, !countsAsUnread),
    updatedAt: message.sentAt > current.updatedAt ? message.sentAt : current.updatedAt,
  };
  patchConversation(client, scope, conversation.id, () => updated);
  placeConversationOnTop(client, scope, updated);
  return 'applied';
}

function onMessageRead(
  client: QueryClient,
  ctx: RealtimeContext,
  event: Extract<RealtimeEvent, { type: 'message.read' }>,
): void {
  const ids = event.messageIds ? new Set(event.messageIds) : undefined;
  patchMessages(client, ctx.scope, event.conversationId, (m) => {
    if (m.direction !== 'outgoing') return m;
    if (ids ? !ids.has(m.id) : m.sentAt > event.readAt) return m;
    // Ignore a receipt older than what we show (out-of-order delivery).
    if (m.read && m.readAt && m.readAt <= event.readAt) return m;
    if (m.read && !m.readAt) return { ...m, readAt: event.readAt };
    return { ...m, read: true, readAt: m.readAt && m.readAt < event.readAt ? m.readAt : event.readAt };
  });
}

function onConversationCreated(
  client: QueryClient,
  ctx: RealtimeContext,
  event: Extract<RealtimeEvent, { type: 'conversation.created' }>,
): void {
  const { scope } = ctx;
  const incoming = event.conversation;
  const existing = findConversation(client, scope, incoming.id);
  if (existing) return; // duplicate delivery, or already loaded
  if (incoming.lastMessage?.id) ctx.seen.add(incoming.lastMessage.id);
  client.setQueryData(inboxKeys.conversation(scope, incoming.id), incoming);
  placeConversationOnTop(client, scope, incoming);
  if (incoming.unreadCount > 0) {
    client.setQueryData<UnreadSummary>(inboxKeys.unread(scope), (s) =>
      s ? applyUnreadChange(s, 0, incoming.unreadCount) : s,
    );
  }
}

/**
 * Patches the cache for one realtime event. Every patch is idempotent and
 * order-tolerant, so duplicates and late deliveries are harmless. Returns
 * `'unknown-conversation'` when a message arrived for a conversation that no
 * cached list holds, so the caller can refetch the lists once.
 */
export function applyRealtimeEvent(
  client: QueryClient,
  ctx: RealtimeContext,
  event: RealtimeEvent,
): 'applied' | 'unknown-conversation' {
  switch (event.type) {
    case 'message.received':
      return onMessageReceived(client, ctx, event);
    case 'message.read':
      onMessageRead(client, ctx, event);
      return 'applied';
    case 'conversation.created':
      onConversationCreated(client, ctx, event);
      return 'applied';
    default:
      return 'applied';
  }
}
