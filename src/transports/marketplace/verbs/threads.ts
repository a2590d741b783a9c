import { TransportError } from '../../../core/TransportError';
import type { Conversation, Message, Page, RealtimeEvent, UnreadSummary } from '../../../core/types';
import type { HttpRequest } from '../../http';
import type {
  CallOptions,
  InboxFilter,
  ListConversationsParams,
  ListMessagesParams,
  SendMessageInput,
  StartConversationInput,
} from '../../types';
import * as v from 'valibot';
import { apiToConversation, apiToMessage, toConversation, toMessage, toSentMessage } from '../mappers';
import { parseWire } from '../schemas/base';
import {
  apiArchivedSchema,
  apiSentSchema,
  apiThreadDetailSchema,
  apiThreadListSchema,
  v1ConversationListSchema,
  v1RealtimeSchema,
  v1SentSchema,
  v1StartedSchema,
  v1ThreadSchema,
} from '../schemas/threads';
import type { MarketplaceContext } from './context';
import { decodeCursor, req, seg, unsupported } from './context';

/**
 * Conversations and messages (both API families), and the realtime mapper:
 * loaded on the first of these verbs, never by a host that only reads the
 * unread counts.
 */

// ------------------------------------------------------------ v1 profile

async function v1List(
  ctx: MarketplaceContext,
  params: ListConversationsParams = {},
): Promise<Page<Conversation>> {
  const { page } = decodeCursor(params.cursor);
  const limit = params.limit ?? 20;
  const body = parseWire(
    v1ConversationListSchema,
    await req(ctx.http, {
      method: 'GET',
      path: '/messages/conversations',
      query: { page, limit, status: params.filter, role: params.role, q: params.search?.trim() || undefined },
      signal: params.signal,
    }),
  );
  const { pagination } = body.data;
  const hasMore = pagination.page * pagination.limit < pagination.total;
  return {
    items: body.data.conversations.map((c) => ctx.remember(toConversation(c))),
    total: pagination.total,
    hasMore,
    ...(hasMore ? { next: String(pagination.page + 1) } : {}),
  };
}

async function v1Thread(
  ctx: MarketplaceContext,
  id: string,
  query: HttpRequest['query'],
  signal?: AbortSignal,
) {
  const body = parseWire(
    v1ThreadSchema,
    await req(ctx.http, { method: 'GET', path: `/messages/conversations/${seg(id)}`, query, signal }),
  );
  const conversation = ctx.remember(toConversation(body.data.conversation));
  return { body, conversation };
}

// ------------------------------------------------------------ api profile

async function apiThreads(
  ctx: MarketplaceContext,
  archived: boolean,
  page: number,
  limit: number,
  signal?: AbortSignal,
) {
  const body = parseWire(
    apiThreadListSchema,
    await req(ctx.apiHttp, {
      method: 'GET',
      path: '/api/messages',
      query: { archived, page, limit },
      signal,
    }),
  );
  return {
    items: body.data.map((t) => ctx.remember(apiToConversation(t, archived, ctx.counterpartRole))),
    pagination: body.pagination,
  };
}

/** Every thread (both archive states), for lookups the `/api` family has no endpoint for. */
export async function apiAllThreads(ctx: MarketplaceContext, signal?: AbortSignal): Promise<Conversation[]> {
  const out: Conversation[] = [];
  for (const archived of [false, true]) {
    for (let page = 1; ; page++) {
      const { items, pagination } = await apiThreads(ctx, archived, page, 100, signal);
      out.push(...items);
      if (page >= pagination.totalPages) break;
    }
  }
  return out;
}

async function apiThreadPage(
  ctx: MarketplaceContext,
  id: string,
  page: number,
  limit: number,
  signal?: AbortSignal,
) {
  const body = parseWire(
    apiThreadDetailSchema,
    await req(ctx.apiHttp, {
      method: 'GET',
      path: `/api/messages/${seg(id)}`,
      query: { page, limit },
      signal,
    }),
  );
  ctx.counterparts.set(id, body.data.thread.otherParty.id);
  return body;
}

// ------------------------------------------------------------ verbs

export async function listConversations(
  ctx: MarketplaceContext,
  params: ListConversationsParams = {},
): Promise<Page<Conversation>> {
  if (ctx.profile === 'v1') return v1List(ctx, params);
  const filter: InboxFilter = params.filter ?? 'all';
  if (filter !== 'all' && filter !== 'archived') return unsupported(`The "${filter}" filter`);
  if (params.role || params.search) return unsupported('Role filter and search');
  const { page } = decodeCursor(params.cursor);
  const { items, pagination } = await apiThreads(
    ctx,
    filter === 'archived',
    page,
    params.limit ?? 20,
    params.signal,
  );
  const hasMore = pagination.page < pagination.totalPages;
  return {
    items,
    total: pagination.total,
    hasMore,
    ...(hasMore ? { next: String(pagination.page + 1) } : {}),
  };
}

export async function getConversation(
  ctx: MarketplaceContext,
  id: string,
  opts: CallOptions = {},
): Promise<Conversation> {
  if (ctx.profile === 'v1') return (await v1Thread(ctx, id, { page: 1, limit: 1 }, opts.signal)).conversation;
  // no single-thread read without marking it read: find it in the lists
  const found = (await apiAllThreads(ctx, opts.signal)).find((c) => c.id === id);
  if (found) return found;
  await apiThreadPage(ctx, id, 1, 1, opts.signal); // answers 400/403/404 for the right reason
  throw new TransportError('not_found', 'This conversation could not be found.', { status: 404 });
}

export async function startConversation(
  ctx: MarketplaceContext,
  input: StartConversationInput,
): Promise<{ conversation: Conversation; message: Message }> {
  if (ctx.profile === 'v1') {
    const body = parseWire(
      v1StartedSchema,
      await req(ctx.http, {
        method: 'POST',
        path: '/messages/conversations',
        body: { listing_id: input.subjectId, message: input.text },
        idempotencyKey: input.clientId,
        signal: input.signal,
      }),
    );
    const conversation = ctx.remember(toConversation(body.data.conversation));
    return {
      conversation,
      message: toSentMessage(body.data.message, conversation.id, ctx.options.userId, input.clientId),
    };
  }
  const sent = parseWire(
    apiSentSchema,
    await req(ctx.apiHttp, {
      method: 'POST',
      path: '/api/messages',
      body: { listingId: input.subjectId, body: input.text },
      idempotencyKey: input.clientId,
      signal: input.signal,
    }),
  );
  const conversation = (await apiAllThreads(ctx, input.signal)).find(
    (c) => c.subject?.id === input.subjectId && !c.archived,
  );
  if (!conversation)
    throw new TransportError('invalid_response', 'The new conversation was not listed by the server.');
  return {
    conversation,
    message: apiToMessage(sent.data, conversation.id, { userId: sent.data.senderId }, input.clientId),
  };
}

export async function listMessages(
  ctx: MarketplaceContext,
  params: ListMessagesParams,
): Promise<Page<Message>> {
  const limit = params.limit ?? 50;
  const { page, before } = decodeCursor(params.cursor);
  if (ctx.profile === 'v1') {
    const { body, conversation } = await v1Thread(
      ctx,
      params.conversationId,
      { page, limit, before },
      params.signal,
    );
    const items = body.data.messages.map((m) => toMessage(m, conversation.id, ctx.who(conversation.id)));
    // later pages are anchored just after this page's newest message, so new arrivals do not shift them
    const anchor =
      before ??
      (items.length ? new Date(Date.parse(items[items.length - 1]!.sentAt) + 1).toISOString() : undefined);
    const hasMore = body.data.pagination.has_more;
    return {
      items,
      total: body.data.pagination.total,
      hasMore,
      ...(hasMore ? { next: anchor ? `${page + 1}@${anchor}` : String(page + 1) } : {}),
    };
  }
  // `/api` pages run oldest first: the newest page is the last one
  let pageNo = page;
  let body = await apiThreadPage(ctx, params.conversationId, params.cursor ? page : 1, limit, params.signal);
  if (!params.cursor && body.pagination.totalPages > 1) {
    pageNo = body.pagination.totalPages;
    body = await apiThreadPage(ctx, params.conversationId, pageNo, limit, params.signal);
  }
  const items = body.data.messages.map((m) =>
    apiToMessage(m, params.conversationId, ctx.who(params.conversationId)),
  );
  const hasMore = pageNo > 1;
  return { items, total: body.pagination.total, hasMore, ...(hasMore ? { next: String(pageNo - 1) } : {}) };
}

export async function sendMessage(ctx: MarketplaceContext, input: SendMessageInput): Promise<Message> {
  if (input.internal || input.kind === 'note') return unsupported('Internal notes');
  if (ctx.profile === 'api') {
    if (input.attachments?.length) return unsupported('Attachments');
    if (input.template) return unsupported('Templates');
    const sent = parseWire(
      apiSentSchema,
      await req(ctx.apiHttp, {
        method: 'POST',
        path: '/api/messages',
        body: { threadId: input.conversationId, body: input.text ?? '' },
        idempotencyKey: input.clientId,
        signal: input.signal,
      }),
    );
    return apiToMessage(sent.data, input.conversationId, { userId: sent.data.senderId }, input.clientId);
  }
  let body: unknown;
  const files = input.attachments ?? [];
  if (files.length) {
    const form = new FormData();
    form.set('content', input.text ?? '');
    form.set('type', files.every((f) => f.file.type.startsWith('image/')) ? 'image' : 'document');
    for (const f of files) {
      f.onProgress?.(0);
      form.append('attachment', f.file, f.file.name);
    }
    body = form;
  } else if (input.template) {
    body = { template_id: input.template.id, variables: input.template.variables, type: 'quick_reply' };
  } else {
    body = { content: input.text ?? '', type: input.kind === 'quick_reply' ? 'quick_reply' : 'text' };
  }
  const sent = parseWire(
    v1SentSchema,
    await req(ctx.http, {
      method: 'POST',
      path: `/messages/conversations/${seg(input.conversationId)}`,
      body,
      idempotencyKey: input.clientId,
      signal: input.signal,
    }),
  );
  for (const f of files) f.onProgress?.(1);
  return toSentMessage(sent.data.message, input.conversationId, ctx.options.userId, input.clientId);
}

export async function markRead(
  ctx: MarketplaceContext,
  conversationId: string,
  messageIds: string[] | undefined,
  opts: CallOptions = {},
): Promise<UnreadSummary> {
  const { apiUnread, parseUnread } = await import('./unread');
  if (ctx.profile === 'api') {
    if (messageIds) return unsupported('Marking single messages read');
    await apiThreadPage(ctx, conversationId, 1, 1, opts.signal); // reading a thread marks it read
    return apiUnread(ctx, opts.signal);
  }
  return parseUnread(
    await req(ctx.http, {
      method: 'PUT',
      path: `/messages/conversations/${seg(conversationId)}/read`,
      ...(messageIds ? { body: { message_ids: messageIds } } : {}),
      idempotent: true,
      signal: opts.signal,
    }),
  );
}

export async function archive(
  ctx: MarketplaceContext,
  conversationId: string,
  opts: CallOptions = {},
): Promise<void> {
  if (ctx.profile === 'api') {
    parseWire(
      apiArchivedSchema,
      await req(ctx.apiHttp, {
        method: 'PATCH',
        path: `/api/messages/${seg(conversationId)}/archive`,
        idempotent: true,
        signal: opts.signal,
      }),
    );
    return;
  }
  await req(ctx.http, {
    method: 'PUT',
    path: `/messages/conversations/${seg(conversationId)}/archive`,
    idempotent: true,
    signal: opts.signal,
  });
}

export async function unarchive(
  ctx: MarketplaceContext,
  conversationId: string,
  opts: CallOptions = {},
): Promise<void> {
  if (ctx.profile === 'api') return unsupported('Un-archiving');
  await req(ctx.http, {
    method: 'DELETE',
    path: `/messages/conversations/${seg(conversationId)}/archive`,
    idempotent: true,
    signal: opts.signal,
  });
}

export async function deleteConversation(
  ctx: MarketplaceContext,
  conversationId: string,
  opts: CallOptions = {},
): Promise<void> {
  if (ctx.profile === 'api') return unsupported('Deleting conversations');
  await req(ctx.http, {
    method: 'DELETE',
    path: `/messages/conversations/${seg(conversationId)}`,
    signal: opts.signal,
  });
}

export async function reportMessage(
  ctx: MarketplaceContext,
  messageId: string,
  reason: string,
  details?: string,
  opts: CallOptions = {},
): Promise<void> {
  if (ctx.profile === 'api') return unsupported('Reporting messages');
  await req(ctx.http, {
    method: 'POST',
    path: `/messages/${seg(messageId)}/report`,
    body: { reason, ...(details ? { details } : {}) },
    signal: opts.signal,
  });
}

/** Maps a webhook-shaped payload; malformed payloads are ignored. */
export function toRealtimeEvent(ctx: MarketplaceContext, raw: unknown): RealtimeEvent | undefined {
  const parsed = v.safeParse(v1RealtimeSchema, raw);
  if (!parsed.success) return undefined;
  const p = parsed.output;
  switch (p.type) {
    case 'message.received': {
      const message: Message = toMessage(
        p.data.message,
        p.data.conversation_id,
        ctx.who(p.data.conversation_id),
      );
      return { type: 'message.received', conversationId: p.data.conversation_id, message };
    }
    case 'message.read':
      return {
        type: 'message.read',
        conversationId: p.data.conversation_id,
        readAt: p.data.read_at,
        ...(p.data.message_ids ? { messageIds: p.data.message_ids } : {}),
      };
    case 'conversation.created':
      return {
        type: 'conversation.created',
        conversation: ctx.remember(toConversation(p.data.conversation)),
      };
  }
}
