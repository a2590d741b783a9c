import { TransportError } from '../../../core/TransportError';
import type { Conversation, Message, Page, UnreadSummary } from '../../../core/types';
import type {
  CallOptions,
  InboxFilter,
  ListConversationsParams,
  ListMessagesParams,
  SendMessageInput,
  StartConversationInput,
} from '../../types';
import type { Decode } from '../api/decode';
import { envelope, invalid, isObj, list, optBool, pagination, required } from '../api/decode';
import { readMessage, readThread } from '../api/read';
import type { MarketplaceContext } from './context';
import { decodeCursor, req, seg, unsupported } from './context';

/**
 * Conversations and messages of the `/api` family, read tolerantly (see `api/decode`). That family has
 * no idempotency, no single-thread read that leaves messages unread, no buyer/seller flag and no
 * un-archive; the verbs below work around each without guessing.
 */

/** One page of `GET /api/messages`. */
async function threadPage(
  ctx: MarketplaceContext,
  archived: boolean,
  page: number,
  limit: number,
  signal?: AbortSignal,
) {
  const d = ctx.decode('GET /api/messages');
  const root = envelope(
    d,
    await req(ctx.apiHttp, {
      method: 'GET',
      path: '/api/messages',
      query: { archived, page, limit },
      signal,
    }),
  );
  if (!Array.isArray(root.data)) throw invalid(d, 'data', 'array', root.data);
  const items = list(d, root.data, 'data', (value, path) =>
    ctx.remember(readThread(d, value, path, archived, ctx.roles)),
  );
  const p = pagination(d, root, { page, limit });
  const hasMore =
    p.totalPages !== undefined ? p.page < p.totalPages : (root.data as unknown[]).length >= p.limit;
  return { items, total: p.total, hasMore, page: p.page };
}

/** Every thread (both archive states), for lookups the `/api` family has no endpoint for. */
export async function allThreads(ctx: MarketplaceContext, signal?: AbortSignal): Promise<Conversation[]> {
  const out: Conversation[] = [];
  for (const archived of [false, true]) {
    for (let page = 1; page <= 50; page++) {
      const p = await threadPage(ctx, archived, page, 100, signal);
      out.push(...p.items);
      if (!p.hasMore) break;
    }
  }
  return out;
}

/** One page of `GET /api/messages/:id` (oldest first). Reading it marks the other side's messages read. */
async function messagePage(
  ctx: MarketplaceContext,
  id: string,
  page: number,
  limit: number,
  signal?: AbortSignal,
) {
  const d = ctx.decode('GET /api/messages/:threadId');
  const root = envelope(
    d,
    await req(ctx.apiHttp, {
      method: 'GET',
      path: `/api/messages/${seg(id)}`,
      query: { page, limit },
      signal,
    }),
  );
  const data = required(d, () => {
    if (!isObj(root.data)) throw invalid(d, 'data', 'object', root.data);
    return root.data;
  });
  const thread = isObj(data.thread) ? data.thread : undefined;
  const other = thread && isObj(thread.otherParty) ? thread.otherParty : undefined;
  if (other && (typeof other.id === 'string' || typeof other.id === 'number'))
    ctx.counterparts.set(id, String(other.id));
  if (!Array.isArray(data.messages)) throw invalid(d, 'data.messages', 'array', data.messages);
  const messages = list(d, data.messages, 'data.messages', (value, path) =>
    readMessage(d, value, path, id, ctx.who(id)),
  );
  return { messages, pagination: pagination(d, root, { page, limit }), d };
}

/**
 * The `/api` family never says who is buyer or seller. Only a buyer can open a thread (messaging one's own
 * listing is refused), so whoever wrote the first message is the buyer: learned from page 1.
 */
function learnRole(ctx: MarketplaceContext, id: string, page: number, messages: Message[]) {
  const first = messages[0];
  if (page !== 1 || !first || ctx.roles.has(id)) return;
  ctx.roles.set(id, first.direction === 'outgoing' ? 'buyer' : 'seller');
}

export async function listConversations(
  ctx: MarketplaceContext,
  params: ListConversationsParams = {},
): Promise<Page<Conversation>> {
  const filter: InboxFilter = params.filter ?? 'all';
  if (filter !== 'all' && filter !== 'archived') return unsupported(`The "${filter}" filter`);
  if (params.role || params.search) return unsupported('Role filter and search');
  const { page } = decodeCursor(params.cursor);
  const p = await threadPage(ctx, filter === 'archived', page, params.limit ?? 20, params.signal);
  return {
    items: p.items,
    ...(p.total !== undefined ? { total: p.total } : {}),
    hasMore: p.hasMore,
    ...(p.hasMore ? { next: String(p.page + 1) } : {}),
  };
}

export async function getConversation(
  ctx: MarketplaceContext,
  id: string,
  opts: CallOptions = {},
): Promise<Conversation> {
  // No single-thread read that leaves messages unread: find it in the lists.
  const found = (await allThreads(ctx, opts.signal)).find((c) => c.id === id);
  if (found) return found;
  await messagePage(ctx, id, 1, 1, opts.signal); // answers 400/403/404 for the right reason
  throw new TransportError('not_found', 'This conversation could not be found.', { status: 404 });
}

export async function listMessages(
  ctx: MarketplaceContext,
  params: ListMessagesParams,
): Promise<Page<Message>> {
  const limit = params.limit ?? 25;
  const { page } = decodeCursor(params.cursor);
  const id = params.conversationId;
  // Pages run oldest first: the newest page is the last one.
  let pageNo = params.cursor ? page : 1;
  let body = await messagePage(ctx, id, pageNo, limit, params.signal);
  learnRole(ctx, id, pageNo, body.messages);
  const totalPages = body.pagination.totalPages;
  if (!params.cursor && totalPages !== undefined && totalPages > 1) {
    pageNo = totalPages;
    body = await messagePage(ctx, id, pageNo, limit, params.signal);
  }
  const hasMore = pageNo > 1;
  return {
    items: body.messages,
    ...(body.pagination.total !== undefined ? { total: body.pagination.total } : {}),
    hasMore,
    ...(hasMore ? { next: String(pageNo - 1) } : {}),
  };
}

/** The newest messages of a thread, for reconciling a send whose answer was lost. */
async function newest(ctx: MarketplaceContext, id: string, signal?: AbortSignal): Promise<Message[]> {
  return (await listMessages(ctx, { conversationId: id, ...(signal ? { signal } : {}) })).items;
}

/** `POST /api/messages`: one request, never repeated by the HTTP client (the server has no idempotency). */
async function post(
  ctx: MarketplaceContext,
  body: { threadId: string } | { listingId: string },
  text: string,
  conversationId: string,
  signal?: AbortSignal,
): Promise<{ message: Message; d: Decode }> {
  const d = ctx.decode('POST /api/messages');
  const root = envelope(
    d,
    await req(ctx.apiHttp, {
      method: 'POST',
      path: '/api/messages',
      body: { ...body, body: text },
      idempotent: false,
      ...(signal ? { signal } : {}),
    }),
  );
  const message = required(d, () => readMessage(d, root.data, 'data', conversationId, {}));
  // The server answers with the caller's own message: whatever the perspective said, it is outgoing.
  return { message: { ...message, direction: 'outgoing' }, d };
}

const sentCopy = (m: Message, clientId: string): Message => ({ ...m, clientId, status: 'sent' });

export async function sendMessage(ctx: MarketplaceContext, input: SendMessageInput): Promise<Message> {
  if (input.internal || input.kind === 'note') return unsupported('Internal notes');
  if (input.attachments?.length) return unsupported('Attachments');
  if (input.template) return unsupported('Templates');
  // A repeated call for a send this transport already delivered returns it without posting again.
  const known = ctx.delivered.get(input.clientId);
  if (known) return known;
  const text = input.text ?? '';
  const message = await ctx.reconciler.send({
    input,
    post: async () =>
      (await post(ctx, { threadId: input.conversationId }, text, input.conversationId, input.signal)).message,
    readNewest: () => newest(ctx, input.conversationId, input.signal),
    ...(ctx.options.reconcileDelayMs !== undefined ? { delayMs: ctx.options.reconcileDelayMs } : {}),
  });
  const out = sentCopy(message, input.clientId);
  ctx.delivered.set(input.clientId, out);
  return out;
}

/** The thread of a listing, if the current user has one (archived or not). */
async function threadForListing(ctx: MarketplaceContext, listingId: string, signal?: AbortSignal) {
  return (await allThreads(ctx, signal)).find((c) => c.subject?.id === listingId);
}

/**
 * Starts (or continues) the conversation about a listing. An existing thread is found first, so the
 * message goes to it; a new thread is created by one POST that is never repeated: after a lost answer
 * or a 201 whose follow-up read failed, the next call (same `clientId`) only looks.
 */
export async function startConversation(
  ctx: MarketplaceContext,
  input: StartConversationInput,
): Promise<{ conversation: Conversation; message: Message }> {
  const started = ctx.delivered.get(input.clientId);
  const existing = await threadForListing(ctx, input.subjectId, input.signal);
  if (started && existing)
    return { conversation: existing, message: { ...started, conversationId: existing.id } };
  if (existing) {
    // After an earlier attempt whose answer was lost, the reconciler looks before it posts.
    const since = ctx.attempts.get(input.clientId);
    const message = await sendMessage(ctx, {
      conversationId: existing.id,
      clientId: input.clientId,
      text: input.text,
      ...(since ? { resend: { since } } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    });
    return { conversation: { ...existing, archived: false }, message };
  }
  if (started)
    throw new TransportError('network', 'The conversation was started, but it could not be loaded yet.', {
      outcome: 'unknown',
    });
  let message: Message;
  const since = new Date().toISOString();
  try {
    ({ message } = await post(ctx, { listingId: input.subjectId }, input.text, '', input.signal));
  } catch (e) {
    if (!(e instanceof TransportError) || e.outcome !== 'unknown') throw e;
    ctx.attempts.set(input.clientId, since);
    // The answer was lost: the thread may exist now. Look once; never post again blind.
    const thread = await threadForListing(ctx, input.subjectId, input.signal).catch(() => undefined);
    const stored = thread && (await newest(ctx, thread.id, input.signal).catch(() => []));
    const mine = stored?.find((m) => m.direction === 'outgoing' && m.text.trim() === input.text.trim());
    if (!thread || !mine) throw e;
    ctx.delivered.set(input.clientId, sentCopy(mine, input.clientId));
    return { conversation: thread, message: sentCopy(mine, input.clientId) };
  }
  ctx.delivered.set(input.clientId, sentCopy(message, input.clientId));
  const conversation = await threadForListing(ctx, input.subjectId, input.signal);
  if (!conversation)
    throw new TransportError('invalid_response', 'The new conversation was not listed by the server.', {
      outcome: 'unknown',
    });
  ctx.roles.set(conversation.id, 'buyer');
  const out = sentCopy({ ...message, conversationId: conversation.id }, input.clientId);
  ctx.delivered.set(input.clientId, out);
  return { conversation: { ...conversation, myRole: 'buyer' }, message: out };
}

export async function markRead(
  ctx: MarketplaceContext,
  conversationId: string,
  messageIds: string[] | undefined,
  opts: CallOptions = {},
): Promise<UnreadSummary> {
  if (messageIds) return unsupported('Marking single messages read');
  await messagePage(ctx, conversationId, 1, 1, opts.signal); // reading a thread marks it read
  ctx.threadUnread.set(conversationId, 0);
  const { getUnreadSummary } = await import('./apiUnread');
  return getUnreadSummary(ctx, { ...opts, messagesOnly: true });
}

export async function archive(
  ctx: MarketplaceContext,
  conversationId: string,
  opts: CallOptions = {},
): Promise<void> {
  const d = ctx.decode('PATCH /api/messages/:threadId/archive');
  const root = envelope(
    d,
    await req(ctx.apiHttp, {
      method: 'PATCH',
      path: `/api/messages/${seg(conversationId)}/archive`,
      idempotent: true,
      signal: opts.signal,
    }),
  );
  if (isObj(root.data)) optBool(d, root.data, 'archived', 'data');
}

export const unarchive = (_ctx: MarketplaceContext, _id: string, _opts?: CallOptions): Promise<void> =>
  unsupported('Un-archiving');
export const deleteConversation = (
  _ctx: MarketplaceContext,
  _id: string,
  _opts?: CallOptions,
): Promise<void> => unsupported('Deleting conversations');
export const reportMessage = (
  _ctx: MarketplaceContext,
  _messageId: string,
  _reason: string,
  _details?: string,
  _opts?: CallOptions,
): Promise<void> => unsupported('Reporting messages');

/** Realtime payloads are webhook-shaped (v1 names and fields) whatever the family the host reads. */
export { toRealtimeEvent } from './v1Threads';
