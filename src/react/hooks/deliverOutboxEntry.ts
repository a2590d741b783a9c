import type { QueryClient } from '@tanstack/react-query';
import { TransportError } from '../../core/TransportError';
import type { Message } from '../../core/types';
import type { OutgoingFile } from '../../transports/types';
import type { MessagingContextValue } from '../MessagingProvider';
import type { InboxStore, OutboxEntry } from '../store/createInboxStore';
import {
  bumpConversation,
  findConversation,
  patchConversation,
  refetchStaleInFlight,
  upsertMessage,
} from '../cache';
import { inboxKeys } from '../queryKeys';

/** A new idempotency key. */
export function newClientId(): string {
  const c = globalThis.crypto;
  return c && 'randomUUID' in c
    ? c.randomUUID()
    : `c_${Date.now().toString(36)}_${Math.random().toString(36).slice(2)}`;
}

function toError(e: unknown): TransportError {
  return e instanceof TransportError ? e : new TransportError('internal', undefined, { cause: e });
}

const inFlight = new WeakMap<object, Set<string>>();

/** The optional send fields an outbox entry keeps (kind, template, channels, …), without `undefined`s. */
export function sendFields(
  x: Pick<
    OutboxEntry,
    'kind' | 'template' | 'channels' | 'internal' | 'suggestedReplyState' | 'avoidQuietHours' | 'orderShare'
  >,
) {
  return {
    ...(x.kind ? { kind: x.kind } : {}),
    ...(x.template ? { template: x.template } : {}),
    ...(x.channels ? { channels: x.channels } : {}),
    ...(x.internal ? { internal: true } : {}),
    ...(x.suggestedReplyState ? { suggestedReplyState: x.suggestedReplyState } : {}),
    ...(x.avoidQuietHours !== undefined ? { avoidQuietHours: x.avoidQuietHours } : {}),
    ...(x.orderShare ? { orderShare: x.orderShare } : {}),
  };
}

/**
 * Sends one outbox entry. Used by the composer, Retry, and the outbox flush
 * after a reload or reconnect. The same clientId is reused on every attempt,
 * so the server stores the message once. Its own module, without hooks: the
 * outbox flush imports it on demand, and importing the store hook from here
 * would make bundlers split the store into a chunk of its own.
 */
export async function deliverOutboxEntry(
  ctx: Pick<MessagingContextValue, 'transport' | 'scope' | 'announce' | 't'>,
  store: InboxStore,
  client: QueryClient,
  entry: OutboxEntry,
  files?: OutgoingFile[],
): Promise<Message | undefined> {
  let running = inFlight.get(store);
  if (!running) inFlight.set(store, (running = new Set()));
  if (running.has(entry.clientId)) return undefined;
  running.add(entry.clientId);
  const state = store.getState();
  state.upsertOutbox({ ...entry, status: 'sending', error: undefined }, files);
  try {
    const message = await ctx.transport.sendMessage({
      conversationId: entry.conversationId,
      clientId: entry.clientId,
      ...(entry.text ? { text: entry.text } : {}),
      ...sendFields(entry),
      ...(files?.length ? { attachments: files } : {}),
    });
    const confirmed: Message = { ...message, clientId: entry.clientId, status: 'sent' };
    // Cache first, then outbox: both land in the same tick, so no flicker and no duplicate.
    upsertMessage(client, ctx.scope, confirmed);
    store.getState().removeOutbox(entry.clientId);
    const conversation = findConversation(client, ctx.scope, entry.conversationId);
    if (conversation) {
      const updated = {
        ...conversation,
        lastMessage: {
          id: confirmed.id,
          text: confirmed.text,
          senderId: confirmed.senderId,
          sentAt: confirmed.sentAt,
          read: true,
          hasAttachments: confirmed.attachments.length > 0,
          kind: confirmed.kind,
        },
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
    store
      .getState()
      .upsertOutbox({ ...entry, status: 'failed', error: error.message, retryable: error.retryable });
    ctx.announce(ctx.t('messageNotSent'), { assertive: true });
    return undefined;
  } finally {
    running.delete(entry.clientId);
  }
}
