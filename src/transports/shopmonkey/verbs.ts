import * as v from 'valibot';
import { TransportError } from '../../core/TransportError';
import type {
  Conversation,
  Message,
  NotificationPreferences,
  Page,
  RealtimeEvent,
  UnreadSummary,
} from '../../core/types';
import { createHttpClient } from '../http';
import type {
  CallOptions,
  InboxFilter,
  ListConversationsParams,
  ListMessagesParams,
  OutgoingFile,
  SendMessageInput,
} from '../types';
import type { ShopmonkeyTransportOptions } from './createShopmonkeyTransport';
import { fromConversationId, toConversationId } from './conversationId';
import { mapInboxItem, mapMessage, mapPreferences, toConfigEntries } from './mappers';
import {
  envelope,
  fileSchema,
  inboxItemSchema,
  listEnvelope,
  messageSchema,
  notificationConfigEntrySchema,
  parseWire,
  rowChangeSchema,
  threadSchema,
} from './schemas';
import type { SmCreateMessageBody } from './wire';

/**
 * The Shopmonkey verbs with their schemas and mappers, loaded by the
 * transport on its first call (`import('./verbs')`): a host pays for them
 * only once it talks to the API.
 */

const FILTER_WHERE: Record<InboxFilter, Record<string, boolean>> = {
  all: { archived: false },
  unread: { archived: false, unread: true },
  read: { archived: false, unread: false },
  archived: { archived: true },
};

const unsupported = (what: string) =>
  Promise.reject(new TransportError('unsupported', `Shopmonkey does not support ${what}.`));

/** The verbs that talk to the API, sharing one HTTP client and the thread memo. */
export function createShopmonkeyVerbs(options: ShopmonkeyTransportOptions) {
  const http = createHttpClient(options);
  const mapOpts = { quietHours: options.quietHours ?? ([21, 8] as [number, number]) };
  const pageSize = options.pageSize ?? 30;
  const userPath = `/user/${encodeURIComponent(options.userId)}`;
  /** customerId → thread metadata id, learnt from listings and row changes (a memo for realtime only). */
  const threadOfCustomer = new Map<string, string>();

  const limitOf = (limit: number | undefined) => Math.max(1, Math.min(100, Math.floor(limit ?? pageSize)));
  const skipOf = (cursor: string | undefined): number => {
    if (!cursor) return 0;
    const n = Number(cursor);
    if (!Number.isInteger(n) || n < 0)
      throw new TransportError('validation_failed', `Invalid cursor "${cursor}".`);
    return n;
  };

  async function inbox(where: Record<string, unknown>, limit: number, skip: number, signal?: AbortSignal) {
    const raw = await http.request({
      method: 'GET',
      path: `${userPath}/inbox`,
      signal,
      query: { limit, skip, ...(Object.keys(where).length ? { where: JSON.stringify(where) } : {}) },
    });
    const body = parseWire(listEnvelope(inboxItemSchema), raw, 'inbox');
    for (const item of body.data) threadOfCustomer.set(item.customer.id, item.messageThreadMetadata.id);
    return body;
  }

  async function getConversation(
    id: string,
    callOptions: { signal?: AbortSignal } = {},
  ): Promise<Conversation> {
    const { metadataId } = fromConversationId(id);
    const body = await inbox({ id: metadataId }, 1, 0, callOptions.signal);
    const item = body.data[0];
    if (!item)
      throw new TransportError('not_found', 'This conversation could not be found.', { status: 404 });
    return mapInboxItem(item, mapOpts);
  }

  async function getUnreadSummary(callOptions: { signal?: AbortSignal } = {}): Promise<UnreadSummary> {
    const first = await inbox({}, 100, 0, callOptions.signal);
    const sums = first.meta?.sums;
    if (sums && typeof sums.unreadMessagesCount === 'number' && typeof sums.unreadThreads === 'number') {
      return { messages: sums.unreadMessagesCount, conversations: sums.unreadThreads };
    }
    // A server without `sums`: add up the thread metadata page by page.
    let messages = 0;
    let conversations = 0;
    let page = first;
    let skip = 0;
    for (;;) {
      for (const item of page.data) {
        const n = item.messageThreadMetadata.unreadMessagesCount ?? 0;
        messages += n;
        if (n > 0) conversations += 1;
      }
      skip += page.data.length;
      if (!(page.meta?.hasMore ?? page.data.length === 100) || !page.data.length) break;
      page = await inbox({}, 100, skip, callOptions.signal);
    }
    return { messages, conversations };
  }

  /**
   * Sends go by customer id, which any staff key may message; the thread
   * metadata half of the id must still be the caller's own thread (else
   * `not_found`). Known threads cost nothing; others are looked up once.
   */
  async function ensureOwnThread(conversationId: string, signal?: AbortSignal): Promise<string> {
    const { metadataId, customerId } = fromConversationId(conversationId);
    if (threadOfCustomer.get(customerId) === metadataId) return customerId;
    const item = (await inbox({ id: metadataId }, 1, 0, signal)).data[0];
    if (!item || item.customer.id !== customerId)
      throw new TransportError('not_found', 'This conversation could not be found.', { status: 404 });
    return customerId;
  }

  async function upload(file: OutgoingFile, signal?: AbortSignal): Promise<string> {
    let id: string;
    if (options.uploadFile) id = await options.uploadFile(file.file, { signal });
    else {
      const form = new FormData();
      form.append('file', file.file, file.file.name);
      const raw = await http.request({ method: 'POST', path: '/file', body: form, signal });
      id = parseWire(envelope(fileSchema), raw, 'file upload').data.id;
    }
    file.onProgress?.(1);
    return id;
  }

  async function resolveConversationId(customerId: string): Promise<string | undefined> {
    const known = threadOfCustomer.get(customerId);
    if (known) return toConversationId(known, customerId);
    try {
      const item = (await inbox({ customerId }, 1, 0)).data[0];
      return item ? toConversationId(item.messageThreadMetadata.id, customerId) : undefined;
    } catch {
      return undefined;
    }
  }

  async function onRowChange(raw: unknown, emit: (e: RealtimeEvent) => void): Promise<void> {
    const change = v.safeParse(rowChangeSchema, raw);
    if (!change.success || change.output.operation === 'DELETE') return;
    const { table, operation, data } = change.output;
    if (table === 'message') {
      const m = v.safeParse(messageSchema, data);
      if (!m.success || !m.output.customerId) return;
      const conversationId = await resolveConversationId(m.output.customerId);
      if (conversationId)
        emit({
          type: 'message.received',
          conversationId,
          message: mapMessage(m.output, conversationId, mapOpts),
        });
    } else if (table === 'message_thread_metadata') {
      const t = v.safeParse(threadSchema, data);
      if (!t.success || t.output.userId !== options.userId) return;
      threadOfCustomer.set(t.output.customerId, t.output.id);
      const conversationId = toConversationId(t.output.id, t.output.customerId);
      if (operation === 'INSERT') {
        try {
          emit({ type: 'conversation.created', conversation: await getConversation(conversationId) });
        } catch {
          // the thread has no message yet: its first message event will follow
        }
      } else if ((t.output.unreadMessagesCount ?? 0) === 0) {
        emit({
          type: 'message.read',
          conversationId,
          readAt: t.output.updatedDate ?? new Date().toISOString(),
        });
      }
    }
  }

  const verbs = {
    async listConversations(params: ListConversationsParams = {}): Promise<Page<Conversation>> {
      const skip = skipOf(params.cursor);
      const where: Record<string, unknown> = { ...FILTER_WHERE[params.filter ?? 'all'] };
      if (params.search?.trim()) where.search = params.search.trim();
      const body = await inbox(where, limitOf(params.limit), skip, params.signal);
      const items = body.data.map((i) => mapInboxItem(i, mapOpts));
      const hasMore = body.meta?.hasMore ?? false;
      return {
        items,
        ...(body.meta ? { total: body.meta.total } : {}),
        hasMore,
        ...(hasMore ? { next: String(skip + items.length) } : {}),
      };
    },

    getConversation,

    async listMessages({
      conversationId,
      cursor,
      limit,
      signal,
    }: ListMessagesParams): Promise<Page<Message>> {
      const { customerId } = fromConversationId(conversationId);
      let skip = 0;
      let anchor: string | undefined;
      if (cursor) {
        const at = cursor.indexOf('@');
        skip = skipOf(at < 0 ? cursor : cursor.slice(0, at));
        anchor = at < 0 ? undefined : cursor.slice(at + 1);
      }
      const where: Record<string, unknown> = {
        customerId,
        ...(anchor ? { createdDate: { lte: anchor } } : {}),
      };
      const raw = await http.request({
        method: 'GET',
        path: '/message',
        signal,
        query: {
          where: JSON.stringify(where),
          orderBy: JSON.stringify({ createdDate: 'desc' }),
          limit: limitOf(limit),
          skip,
        },
      });
      const body = parseWire(listEnvelope(messageSchema), raw, 'message list');
      anchor ??= body.data[0]?.createdDate;
      const items = body.data.map((m) => mapMessage(m, conversationId, mapOpts)).reverse();
      const hasMore = body.meta?.hasMore ?? false;
      return {
        items,
        ...(body.meta ? { total: body.meta.total } : {}),
        hasMore,
        ...(hasMore ? { next: `${skip + items.length}@${anchor ?? ''}` } : {}),
      };
    },

    async sendMessage(input: SendMessageInput): Promise<Message> {
      if (input.template) return unsupported('message templates');
      const customerId = await ensureOwnThread(input.conversationId, input.signal);
      const files = input.attachments ?? [];
      if (files.length > 5)
        throw new TransportError('validation_failed', 'Attach at most 5 files.', {
          fieldErrors: [{ field: 'files', message: 'Attach at most 5 files.' }],
        });
      const fileIds: string[] = [];
      for (const f of files) fileIds.push(await upload(f, input.signal));
      const internal = input.internal === true || input.kind === 'note';
      const body: SmCreateMessageBody = {
        text: input.text ?? '',
        customerId,
        ...(fileIds.length ? { files: fileIds } : {}),
        ...(internal ? { internal: true } : {}),
        ...(!internal && input.channels?.sms !== undefined ? { sendSms: input.channels.sms } : {}),
        ...(!internal && input.channels?.email !== undefined ? { sendEmail: input.channels.email } : {}),
        ...(!internal && input.channels?.emailSubject ? { emailSubject: input.channels.emailSubject } : {}),
        ...(input.suggestedReplyState ? { suggestedReplyState: input.suggestedReplyState } : {}),
        ...(input.avoidQuietHours !== undefined ? { avoidSMSQuietHours: input.avoidQuietHours } : {}),
        ...(input.orderShare
          ? {
              isOrderShare: true,
              orderId: input.orderShare.orderId,
              ...(input.orderShare.type ? { orderShareType: input.orderShare.type } : {}),
            }
          : {}),
        metadata: { clientId: input.clientId },
      };
      // metadata.clientId makes a repeat harmless, so the send may be retried.
      const raw = await http.request({
        method: 'POST',
        path: '/message',
        body,
        signal: input.signal,
        idempotent: true,
      });
      return mapMessage(
        parseWire(envelope(messageSchema), raw, 'message').data,
        input.conversationId,
        mapOpts,
      );
    },

    async markRead(
      conversationId: string,
      _messageIds?: string[],
      callOptions: CallOptions = {},
    ): Promise<UnreadSummary> {
      // Shopmonkey reads whole threads only (`perMessageRead: false`): ids, if given, are ignored.
      const { metadataId } = fromConversationId(conversationId);
      const raw = await http.request({
        method: 'PUT',
        path: `/message_thread_metadata/${encodeURIComponent(metadataId)}/read`,
        body: {},
        idempotent: true,
        signal: callOptions.signal,
      });
      parseWire(envelope(threadSchema), raw, 'thread metadata');
      return getUnreadSummary(callOptions);
    },

    getUnreadSummary,

    async getPreferences(callOptions: CallOptions = {}): Promise<NotificationPreferences> {
      const raw = await http.request({
        method: 'GET',
        path: `${userPath}/notification_config`,
        signal: callOptions.signal,
      });
      return mapPreferences(
        parseWire(listEnvelope(notificationConfigEntrySchema), raw, 'notification config').data,
      );
    },

    async updatePreferences(
      preferences: NotificationPreferences,
      callOptions: CallOptions = {},
    ): Promise<NotificationPreferences> {
      // PUT replaces the whole array, so a repeat is harmless.
      await http.request({
        method: 'PUT',
        path: `${userPath}/notification_config`,
        body: toConfigEntries(preferences),
        idempotent: true,
        signal: callOptions.signal,
      });
      return verbs.getPreferences(callOptions);
    },

    /** Maps one realtime row change; emits nothing for rows it does not understand. */
    onRowChange,
  };
  return verbs;
}
