import type { Conversation, Message, Page, RealtimeEvent, UnreadSummary } from '../../../core/types';
import type { HttpRequest } from '../../http';
import type {
  CallOptions,
  ListConversationsParams,
  ListMessagesParams,
  SendMessageInput,
  StartConversationInput,
} from '../../types';
import * as v from 'valibot';
import { toConversation, toMessage, toSentMessage } from '../mappers';
import { parseWire } from '../schemas/base';
import {
  v1ConversationListSchema,
  v1RealtimeSchema,
  v1SentSchema,
  v1StartedSchema,
  v1ThreadSchema,
} from '../schemas/threads';
import type { MarketplaceContext } from './context';
import { decodeCursor, req, seg, unsupported } from './context';

/**
 * Conversations and messages of the v1 family (`/v1/messages/*`, documented
 * snake_case shapes), and the realtime mapper: loaded on the first of these
 * verbs, never by a host that only reads the unread counts.
 */

export async function listConversations(
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

export async function getConversation(
  ctx: MarketplaceContext,
  id: string,
  opts: CallOptions = {},
): Promise<Conversation> {
  return (await v1Thread(ctx, id, { page: 1, limit: 1 }, opts.signal)).conversation;
}

export async function startConversation(
  ctx: MarketplaceContext,
  input: StartConversationInput,
): Promise<{ conversation: Conversation; message: Message }> {
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

export async function listMessages(
  ctx: MarketplaceContext,
  params: ListMessagesParams,
): Promise<Page<Message>> {
  const limit = params.limit ?? 50;
  const { page, before } = decodeCursor(params.cursor);
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

export async function sendMessage(ctx: MarketplaceContext, input: SendMessageInput): Promise<Message> {
  if (input.internal || input.kind === 'note') return unsupported('Internal notes');
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
  const { parseUnread } = await import('./v1Unread');
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
