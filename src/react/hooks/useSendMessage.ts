import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SendMessageInput } from '../../transports/types';
import { useMessaging } from '../MessagingProvider';
import type { OutboxEntry } from '../store/createInboxStore';
import { useInboxStoreApi } from '../store/useInboxStoreApi';
import { deliverOutboxEntry, newClientId, sendFields } from './deliverOutboxEntry';

export { deliverOutboxEntry, newClientId };

/** What a component asks to send; ids are filled in. */
export type SendInput = Omit<SendMessageInput, 'conversationId' | 'clientId' | 'signal'>;

/**
 * Send, retry and discard for one conversation. A sent message shows at once
 * (`status: 'sending'`) from the persisted outbox; on success it becomes the
 * server's message; on failure it stays with its error until retried or
 * discarded.
 */
export function useSendMessage(conversationId: string | null | undefined) {
  const ctx = useMessaging('useSendMessage');
  const store = useInboxStoreApi('useSendMessage');
  const client = useQueryClient();
  const send = useCallback(
    (input: SendInput & { clientId?: string }) => {
      if (!conversationId) return Promise.resolve(undefined);
      const entry: OutboxEntry = {
        clientId: input.clientId ?? newClientId(),
        conversationId,
        text: input.text ?? '',
        ...sendFields(input),
        ...(input.attachments?.length ? { attachmentNames: input.attachments.map((a) => a.file.name) } : {}),
        createdAt: new Date().toISOString(),
        status: 'sending',
      };
      return deliverOutboxEntry(ctx, store, client, entry, input.attachments);
    },
    [ctx, store, client, conversationId],
  );
  const retry = useCallback(
    (clientId: string) => {
      const state = store.getState();
      const entry = state.outbox.find((e) => e.clientId === clientId);
      return entry
        ? deliverOutboxEntry(ctx, store, client, entry, state.outboxFiles[clientId])
        : Promise.resolve(undefined);
    },
    [ctx, store, client],
  );
  const discard = useCallback((clientId: string) => store.getState().removeOutbox(clientId), [store]);
  return { send, retry, discard };
}
