import { TransportError } from '../../core/TransportError';
import type { Conversation, Message, Page, RealtimeEvent, UnreadSummary } from '../../core/types';
import { createHttpClient } from '../http';
import type { HttpClient, HttpRequest } from '../http';
import type {
  HttpTransportOptions,
  InboxFilter,
  ListConversationsParams,
  MessagingTransport,
  RealtimeListener,
  TransportCapabilities,
} from '../types';
import { apiToConversation, apiToMessage, toConversation, toMessage, toNotification, toSentMessage, toTemplate } from './mappers';
import type { Perspective } from './mappers';
import {
  apiArchivedSchema,
  apiCountSchema,
  apiNotificationListSchema,
  apiNotificationReadSchema,
  apiReadAllSchema,
  apiSentSchema,
  apiThreadDetailSchema,
  apiThreadListSchema,
  parseWire,
  v1ConversationListSchema,
  v1RealtimeSchema,
  v1SentSchema,
  v1StartedSchema,
  v1TemplateCreatedSchema,
  v1TemplatesSchema,
  v1ThreadSchema,
  v1UnreadSchema,
} from './schemas';
import * as v from 'valibot';

/** Options of {@link createMarketplaceTransport}. */
export interface MarketplaceTransportOptions extends HttpTransportOptions {
  /**
   * Which API family to speak: `v1` (`/v1/messages/*`, `baseUrl` ends in
   * `/v1`) or `api` (the older `/api/messages/*`, `baseUrl` is the origin).
   * @defaultValue 'v1'
   */
  profile?: 'v1' | 'api';
  /**
   * Where `/api/notifications` lives. @defaultValue `<origin>/api/notifications`,
   * the origin being `baseUrl` without a trailing `/v1`
   */
  notificationsBaseUrl?: string;
  /**
   * The signed-in user's id, when the host knows it. Used for `senderId` of
   * sent messages when the server omits it, and for realtime direction.
   */
  userId?: string;
  /**
   * `api` profile only: that family does not say who is the buyer, so the
   * counterpart gets this role. @defaultValue 'seller'
   */
  apiCounterpartRole?: 'buyer' | 'seller';
}

const MB = 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
];

const unsupported = (what: string) => Promise.reject(new TransportError('unsupported', `${what} is not supported by this marketplace API.`));

function capabilitiesFor(profile: 'v1' | 'api', realtime: boolean): TransportCapabilities {
  const v1 = profile === 'v1';
  return {
    templates: v1,
    createTemplates: v1,
    quickReplies: v1,
    archive: true,
    unarchive: v1,
    delete: v1,
    report: v1,
    ...(v1 ? { attachments: { maxCount: 5, maxBytes: 10 * MB, mimeTypes: [...IMAGE_TYPES, ...DOCUMENT_TYPES] } } : {}),
    perMessageRead: v1,
    internalNotes: false,
    deliveryChannels: [],
    notifications: true,
    preferences: false,
    preferenceCategories: [],
    preferenceChannels: [],
    startConversation: true,
    filters: v1 ? ['all', 'unread', 'read', 'archived'] : ['all', 'archived'],
    roleFilter: v1,
    search: v1,
    realtime,
    suggestedReplies: false,
    orderShare: false,
    quietHours: false,
    maxTextLength: 5000,
  };
}

/** Page number from an opaque cursor (`"3"`, or `"3@<before>"` for message pages). */
function decodeCursor(cursor: string | undefined): { page: number; before?: string } {
  if (!cursor) return { page: 1 };
  const at = cursor.indexOf('@');
  const page = Number(at >= 0 ? cursor.slice(0, at) : cursor);
  if (!Number.isInteger(page) || page < 1) throw new TransportError('validation_failed', `Invalid cursor "${cursor}".`);
  return at >= 0 ? { page, before: cursor.slice(at + 1) } : { page };
}

/**
 * Creates a {@link MessagingTransport} for the vehicle marketplace Messages
 * API. Sends carry `Idempotency-Key: <clientId>`; attachments go as
 * multipart. Realtime events come from `events` (webhook-shaped payloads).
 *
 * ```ts
 * const transport = createMarketplaceTransport({ baseUrl: 'https://api.example.com/v1', getToken: () => auth.token() });
 * ```
 */
export function createMarketplaceTransport(options: MarketplaceTransportOptions): MessagingTransport {
  const profile = options.profile ?? 'v1';
  const base = options.baseUrl.replace(/\/+$/, '');
  const origin = profile === 'v1' ? base.replace(/\/v1$/, '') : base;
  const http = createHttpClient({ ...options, baseUrl: base });
  const apiHttp = profile === 'api' ? http : createHttpClient({ ...options, baseUrl: origin });
  const notificationsHttp: HttpClient = createHttpClient({ ...options, baseUrl: options.notificationsBaseUrl ?? `${origin}/api/notifications` });
  const capabilities = capabilitiesFor(profile, !!options.events);
  const counterpartRole = options.apiCounterpartRole ?? 'seller';
  /** conversation id → counterpart id, learned from every conversation the adapter saw. */
  const counterparts = new Map<string, string>();
  const remember = (c: Conversation) => {
    counterparts.set(c.id, c.counterpart.id);
    return c;
  };
  const who = (conversationId: string): Perspective => {
    const p: Perspective = {};
    const counterpartId = counterparts.get(conversationId);
    if (counterpartId) p.counterpartId = counterpartId;
    if (options.userId) p.userId = options.userId;
    return p;
  };
  const req = (client: HttpClient, r: HttpRequest) => client.request(r);
  const seg = encodeURIComponent;

  // ------------------------------------------------------------ v1 profile

  async function v1List(params: ListConversationsParams = {}): Promise<Page<Conversation>> {
    const { page } = decodeCursor(params.cursor);
    const limit = params.limit ?? 20;
    const body = parseWire(
      v1ConversationListSchema,
      await req(http, {
        method: 'GET',
        path: '/messages/conversations',
        query: { page, limit, status: params.filter, role: params.role, q: params.search?.trim() || undefined },
        signal: params.signal,
      }),
    );
    const { pagination } = body.data;
    const hasMore = pagination.page * pagination.limit < pagination.total;
    return {
      items: body.data.conversations.map((c) => remember(toConversation(c))),
      total: pagination.total,
      hasMore,
      ...(hasMore ? { next: String(pagination.page + 1) } : {}),
    };
  }

  async function v1Thread(id: string, query: HttpRequest['query'], signal?: AbortSignal) {
    const body = parseWire(v1ThreadSchema, await req(http, { method: 'GET', path: `/messages/conversations/${seg(id)}`, query, signal }));
    const conversation = remember(toConversation(body.data.conversation));
    return { body, conversation };
  }

  // ------------------------------------------------------------ api profile

  async function apiThreads(archived: boolean, page: number, limit: number, signal?: AbortSignal) {
    const body = parseWire(apiThreadListSchema, await req(apiHttp, { method: 'GET', path: '/api/messages', query: { archived, page, limit }, signal }));
    return { items: body.data.map((t) => remember(apiToConversation(t, archived, counterpartRole))), pagination: body.pagination };
  }

  /** Every thread (both archive states), for lookups the `/api` family has no endpoint for. */
  async function apiAllThreads(signal?: AbortSignal): Promise<Conversation[]> {
    const out: Conversation[] = [];
    for (const archived of [false, true]) {
      for (let page = 1; ; page++) {
        const { items, pagination } = await apiThreads(archived, page, 100, signal);
        out.push(...items);
        if (page >= pagination.totalPages) break;
      }
    }
    return out;
  }

  async function apiThreadPage(id: string, page: number, limit: number, signal?: AbortSignal) {
    const body = parseWire(apiThreadDetailSchema, await req(apiHttp, { method: 'GET', path: `/api/messages/${seg(id)}`, query: { page, limit }, signal }));
    counterparts.set(id, body.data.thread.otherParty.id);
    return body;
  }

  async function apiUnread(signal?: AbortSignal): Promise<UnreadSummary> {
    const [count, threads] = await Promise.all([
      req(apiHttp, { method: 'GET', path: '/api/messages/unread', signal }).then((b) => parseWire(apiCountSchema, b).data.count),
      apiAllThreads(signal),
    ]);
    return { messages: count, conversations: threads.filter((t) => t.unreadCount > 0).length };
  }

  async function notificationCount(signal?: AbortSignal): Promise<number | undefined> {
    try {
      return parseWire(apiCountSchema, await req(notificationsHttp, { method: 'GET', path: '/unread-count', signal })).data.count;
    } catch (e) {
      if (e instanceof TransportError && e.code === 'aborted') throw e;
      return undefined; // the badge still works without notifications
    }
  }

  const transport: MessagingTransport = {
    id: 'marketplace',
    capabilities,

    async listConversations(params = {}) {
      if (profile === 'v1') return v1List(params);
      const filter: InboxFilter = params.filter ?? 'all';
      if (filter !== 'all' && filter !== 'archived') return unsupported(`The "${filter}" filter`);
      if (params.role || params.search) return unsupported('Role filter and search');
      const { page } = decodeCursor(params.cursor);
      const { items, pagination } = await apiThreads(filter === 'archived', page, params.limit ?? 20, params.signal);
      const hasMore = pagination.page < pagination.totalPages;
      return { items, total: pagination.total, hasMore, ...(hasMore ? { next: String(pagination.page + 1) } : {}) };
    },

    async getConversation(id, opts = {}) {
      if (profile === 'v1') return (await v1Thread(id, { page: 1, limit: 1 }, opts.signal)).conversation;
      // no single-thread read without marking it read: find it in the lists
      const found = (await apiAllThreads(opts.signal)).find((c) => c.id === id);
      if (found) return found;
      await apiThreadPage(id, 1, 1, opts.signal); // answers 400/403/404 for the right reason
      throw new TransportError('not_found', 'This conversation could not be found.', { status: 404 });
    },

    async startConversation(input) {
      if (profile === 'v1') {
        const body = parseWire(
          v1StartedSchema,
          await req(http, { method: 'POST', path: '/messages/conversations', body: { listing_id: input.subjectId, message: input.text }, idempotencyKey: input.clientId, signal: input.signal }),
        );
        const conversation = remember(toConversation(body.data.conversation));
        return { conversation, message: toSentMessage(body.data.message, conversation.id, options.userId, input.clientId) };
      }
      const sent = parseWire(
        apiSentSchema,
        await req(apiHttp, { method: 'POST', path: '/api/messages', body: { listingId: input.subjectId, body: input.text }, idempotencyKey: input.clientId, signal: input.signal }),
      );
      const conversation = (await apiAllThreads(input.signal)).find((c) => c.subject?.id === input.subjectId && !c.archived);
      if (!conversation) throw new TransportError('invalid_response', 'The new conversation was not listed by the server.');
      return { conversation, message: apiToMessage(sent.data, conversation.id, { userId: sent.data.senderId }, input.clientId) };
    },

    async listMessages(params) {
      const limit = params.limit ?? 50;
      const { page, before } = decodeCursor(params.cursor);
      if (profile === 'v1') {
        const { body, conversation } = await v1Thread(params.conversationId, { page, limit, before }, params.signal);
        const items = body.data.messages.map((m) => toMessage(m, conversation.id, who(conversation.id)));
        // later pages are anchored just after this page's newest message, so new arrivals do not shift them
        const anchor = before ?? (items.length ? new Date(Date.parse(items[items.length - 1]!.sentAt) + 1).toISOString() : undefined);
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
      let body = await apiThreadPage(params.conversationId, params.cursor ? page : 1, limit, params.signal);
      if (!params.cursor && body.pagination.totalPages > 1) {
        pageNo = body.pagination.totalPages;
        body = await apiThreadPage(params.conversationId, pageNo, limit, params.signal);
      }
      const items = body.data.messages.map((m) => apiToMessage(m, params.conversationId, who(params.conversationId)));
      const hasMore = pageNo > 1;
      return { items, total: body.pagination.total, hasMore, ...(hasMore ? { next: String(pageNo - 1) } : {}) };
    },

    async sendMessage(input) {
      if (input.internal || input.kind === 'note') return unsupported('Internal notes');
      if (profile === 'api') {
        if (input.attachments?.length) return unsupported('Attachments');
        if (input.template) return unsupported('Templates');
        const sent = parseWire(
          apiSentSchema,
          await req(apiHttp, { method: 'POST', path: '/api/messages', body: { threadId: input.conversationId, body: input.text ?? '' }, idempotencyKey: input.clientId, signal: input.signal }),
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
        await req(http, { method: 'POST', path: `/messages/conversations/${seg(input.conversationId)}`, body, idempotencyKey: input.clientId, signal: input.signal }),
      );
      for (const f of files) f.onProgress?.(1);
      return toSentMessage(sent.data.message, input.conversationId, options.userId, input.clientId);
    },

    async markRead(conversationId, messageIds, opts = {}) {
      if (profile === 'api') {
        if (messageIds) return unsupported('Marking single messages read');
        await apiThreadPage(conversationId, 1, 1, opts.signal); // reading a thread marks it read
        return apiUnread(opts.signal);
      }
      const body = parseWire(
        v1UnreadSchema,
        await req(http, {
          method: 'PUT',
          path: `/messages/conversations/${seg(conversationId)}/read`,
          ...(messageIds ? { body: { message_ids: messageIds } } : {}),
          idempotent: true,
          signal: opts.signal,
        }),
      );
      return { messages: body.data.unread_count, conversations: body.data.conversations_with_unread };
    },

    async archive(conversationId, opts = {}) {
      if (profile === 'api') {
        parseWire(apiArchivedSchema, await req(apiHttp, { method: 'PATCH', path: `/api/messages/${seg(conversationId)}/archive`, idempotent: true, signal: opts.signal }));
        return;
      }
      await req(http, { method: 'PUT', path: `/messages/conversations/${seg(conversationId)}/archive`, idempotent: true, signal: opts.signal });
    },

    async unarchive(conversationId, opts = {}) {
      if (profile === 'api') return unsupported('Un-archiving');
      await req(http, { method: 'DELETE', path: `/messages/conversations/${seg(conversationId)}/archive`, idempotent: true, signal: opts.signal });
    },

    async deleteConversation(conversationId, opts = {}) {
      if (profile === 'api') return unsupported('Deleting conversations');
      await req(http, { method: 'DELETE', path: `/messages/conversations/${seg(conversationId)}`, signal: opts.signal });
    },

    async reportMessage(messageId, reason, details, opts = {}) {
      if (profile === 'api') return unsupported('Reporting messages');
      await req(http, { method: 'POST', path: `/messages/${seg(messageId)}/report`, body: { reason, ...(details ? { details } : {}) }, signal: opts.signal });
    },

    async listTemplates(opts = {}) {
      if (profile === 'api') return unsupported('Templates');
      return parseWire(v1TemplatesSchema, await req(http, { method: 'GET', path: '/messages/templates', signal: opts.signal })).data.templates.map(toTemplate);
    },

    async createTemplate(input, opts = {}) {
      if (profile === 'api') return unsupported('Templates');
      const body = parseWire(v1TemplateCreatedSchema, await req(http, { method: 'POST', path: '/messages/templates', body: { name: input.name, category: input.category, content: input.content }, signal: opts.signal }));
      return toTemplate(body.data.template);
    },

    async getUnreadSummary(opts = {}) {
      const [summary, notifications] = await Promise.all([
        profile === 'v1'
          ? req(http, { method: 'GET', path: '/messages/unread', signal: opts.signal }).then((b) => {
              const d = parseWire(v1UnreadSchema, b).data;
              return { messages: d.unread_count, conversations: d.conversations_with_unread };
            })
          : apiUnread(opts.signal),
        notificationCount(opts.signal),
      ]);
      return notifications === undefined ? summary : { ...summary, notifications };
    },

    getPreferences: () => unsupported('Notification preferences'),
    updatePreferences: () => unsupported('Notification preferences'),

    async listNotifications(params = {}) {
      const { page } = decodeCursor(params.cursor);
      const body = parseWire(
        apiNotificationListSchema,
        await req(notificationsHttp, { method: 'GET', path: '', query: { page, limit: params.limit ?? 20, unreadOnly: params.unreadOnly ? true : undefined }, signal: params.signal }),
      );
      const items = body.data.map(toNotification);
      const hasMore = body.pagination.page < body.pagination.totalPages;
      return { items: params.unreadOnly ? items.filter((n) => !n.read) : items, total: body.pagination.total, hasMore, ...(hasMore ? { next: String(body.pagination.page + 1) } : {}) };
    },

    async markNotificationRead(id, opts = {}) {
      return toNotification(parseWire(apiNotificationReadSchema, await req(notificationsHttp, { method: 'PATCH', path: `/${seg(id)}/read`, idempotent: true, signal: opts.signal })).data);
    },

    async markAllNotificationsRead(opts = {}) {
      const body = parseWire(apiReadAllSchema, await req(notificationsHttp, { method: 'PATCH', path: '/read-all', idempotent: true, signal: opts.signal }));
      return { updated: body.data.updatedCount };
    },
  };

  if (options.events) {
    const events = options.events;
    transport.subscribe = (listener: RealtimeListener) =>
      events((raw) => {
        const event = toRealtimeEvent(raw);
        if (event) listener(event);
      });
  }

  /** Maps a webhook-shaped payload; malformed payloads are ignored. */
  function toRealtimeEvent(raw: unknown): RealtimeEvent | undefined {
    const parsed = v.safeParse(v1RealtimeSchema, raw);
    if (!parsed.success) return undefined;
    const p = parsed.output;
    switch (p.type) {
      case 'message.received': {
        const message: Message = toMessage(p.data.message, p.data.conversation_id, who(p.data.conversation_id));
        return { type: 'message.received', conversationId: p.data.conversation_id, message };
      }
      case 'message.read':
        return { type: 'message.read', conversationId: p.data.conversation_id, readAt: p.data.read_at, ...(p.data.message_ids ? { messageIds: p.data.message_ids } : {}) };
      case 'conversation.created':
        return { type: 'conversation.created', conversation: remember(toConversation(p.data.conversation)) };
    }
  }

  return transport;
}
