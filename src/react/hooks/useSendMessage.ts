import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { TransportError } from '../../core/TransportError';
import type { Message } from '../../core/types';
import type { OutgoingFile, SendMessageInput } from '../../transports/types';
import { useMessaging } from '../MessagingProvider';
import type { MessagingContextValue } from '../MessagingProvider';
import type { OutboxEntry } from '../store/createInboxStore';
import { bumpConversation, findConversation, patchConversation, refetchStaleInFlight, upsertMessage } from '../cache';
import { inboxKeys } from '../queryKeys';

/** What a component asks to send; ids are filled in. */
export type SendInput = Omit<SendMessageInput, 'conversationId' | 'clientId' | 'signal'>;

/** A new idempotency key. */
export function newClientId(): string {
  const c = globalThis.crypto;
  return c && 'randomUUID' in c ? c.randomUUID() : `c_${Date.now().toString(36)}_${Math.random().toString(36).slice(2)}`;
}

function toError(e: unknown): TransportError {
  return e instanceof TransportError ? e : new TransportError('internal', undefined, { cause: e });
}

const inFlight = new WeakMap<object, Set<string>>();

/**
 * Sends one outbox entry. Used by the composer, Retry, and the outbox flush
 * after a reload or reconnect. The same clientId is reused on every attempt,
 * so the server stores the message once.
 */
export async function deliverOutboxEntry(
  ctx: Pick<MessagingContextValue, 'transport' | 'scope' | 'store' | 'announce' | 't'>,
  client: QueryClient,
  entry: OutboxEntry,
  files?: OutgoingFile[],
): Promise<Message | undefined> {
  let running = inFlight.get(ctx.store);
  if (!running) inFlight.set(ctx.store, (running = new Set()));
  if (running.has(entry.clientId)) return undefined;
  running.add(entry.clientId);
  const state = ctx.store.getState();
  state.upsertOutbox({ ...entry, status: 'sending', error: undefined }, files);
  try {
    const message = await ctx.transport.sendMessage({
      conversationId: entry.conversationId,
      clientId: entry.clientId,
      ...(entry.text ? { text: entry.text } : {}),
      ...(entry.kind ? { kind: entry.kind } : {}),
      ...(entry.template ? { template: entry.template } : {}),
      ...(entry.channels ? { channels: entry.channels } : {}),
      ...(entry.internal ? { internal: true } : {}),
      ...(entry.suggestedReplyState ? { suggestedReplyState: entry.suggestedReplyState } : {}),
      ...(entry.avoidQuietHours !== undefined ? { avoidQuietHours: entry.avoidQuietHours } : {}),
      ...(entry.orderShare ? { orderShare: entry.orderShare } : {}),
      ...(files?.length ? { attachments: files } : {}),
    });
    const confirmed: Message = { ...message, clientId: entry.clientId, status: 'sent' };
    // Cache first, then outbox: both land in the same tick, so no flicker and no duplicate.
    upsertMessage(client, ctx.scope, confirmed);
    ctx.store.getState().removeOutbox(entry.clientId);
    const conversation = findConversation(client, ctx.scope, entry.conversationId);
    if (conversation) {
      const updated = {
        ...conversation,
        lastMessage: { id: confirmed.id, text: confirmed.text, senderId: confirmed.senderId, sentAt: confirmed.sentAt, read: true, hasAttachments: confirmed.attachments.length > 0, kind: confirmed.kind },
        updatedAt: confirmed.sentAt,
      };
      patchConversation(client, ctx.scope, entry.conversationId, () => updated);
      bumpConversation(client, ctx.scope, updated);
    }
    // A thread or inbox read already in flight was answered before this send (e.g. the outbox
    // flush right after a reload): it would drop the message from view, so read again.
    refetchStaleInFlight(client, inboxKeys.messages(ctx.scope, entry.conversationId));
    refetchStaleInFlight(client, inboxKeys.conversations(ctx.scope));
    return confirmed;
  } catch (e) {
    const error = toError(e);
    ctx.store.getState().upsertOutbox({ ...entry, status: 'failed', error: error.message, retryable: error.retryable });
    ctx.announce(ctx.t('messageNotSent'), { assertive: true });
    return undefined;
  } finally {
    running.delete(entry.clientId);
  }
}

/**
 * Send, retry and discard for one conversation. A sent message shows at once
 * (`status: 'sending'`) from the persisted outbox; on success it becomes the
 * server's message; on failure it stays with its error until retried or
 * discarded.
 */
export function useSendMessage(conversationId: string | null | undefined) {
  const ctx = useMessaging('useSendMessage');
  const client = useQueryClient();
  const send = useCallback(
    (input: SendInput & { clientId?: string }) => {
      if (!conversationId) return Promise.resolve(undefined);
      const entry: OutboxEntry = {
        clientId: input.clientId ?? newClientId(),
        conversationId,
        text: input.text ?? '',
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.template ? { template: input.template } : {}),
        ...(input.channels ? { channels: input.channels } : {}),
        ...(input.internal ? { internal: true } : {}),
        ...(input.suggestedReplyState ? { suggestedReplyState: input.suggestedReplyState } : {}),
        ...(input.avoidQuietHours !== undefined ? { avoidQuietHours: input.avoidQuietHours } : {}),
        ...(input.orderShare ? { orderShare: input.orderShare } : {}),
        ...(input.attachments?.length ? { attachmentNames: input.attachments.map((a) => a.file.name) } : {}),
        createdAt: new Date().toISOString(),
        status: 'sending',
      };
      return deliverOutboxEntry(ctx, client, entry, input.attachments);
    },
    [ctx, client, conversationId],
  );
  const retry = useCallback(
    (clientId: string) => {
      const state = ctx.store.getState();
      const entry = state.outbox.find((e) => e.clientId === clientId);
      return entry ? deliverOutboxEntry(ctx, client, entry, state.outboxFiles[clientId]) : Promise.resolve(undefined);
    },
    [ctx, client],
  );
  const discard = useCallback((clientId: string) => ctx.store.getState().removeOutbox(clientId), [ctx]);
  return { send, retry, discard };
}
