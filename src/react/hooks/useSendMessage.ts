import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SendMessageInput } from '../../transports/types';
import { useMessaging } from '../MessagingProvider';
import { newClientId, outboxOf, sendFields } from '../store/outbox';
import { useInboxStoreApi } from '../store/useInboxStoreApi';

export { newClientId };

/** What a component asks to send; ids are filled in. */
export type SendInput = Omit<SendMessageInput, 'conversationId' | 'clientId' | 'signal' | 'resend'>;

/**
 * Send, retry and discard for one conversation, through the user's outbox.
 * A sent message shows at once (`queued`, then `sending`); on success it
 * becomes the server's message; on failure it stays with its error until
 * retried or discarded, and holds the messages typed after it in the same
 * conversation (they show as queued). `send` and `retry` resolve with the
 * stored message, or `undefined` when it did not go out.
 */
export function useSendMessage(conversationId: string | null | undefined) {
  const ctx = useMessaging('useSendMessage');
  const store = useInboxStoreApi('useSendMessage');
  const client = useQueryClient();
  const send = useCallback(
    (input: SendInput & { clientId?: string }) => {
      if (!conversationId) return Promise.resolve(undefined);
      return outboxOf(store).send(
        {
          clientId: input.clientId ?? newClientId(),
          conversationId,
          text: input.text ?? '',
          ...sendFields(input),
          ...(input.attachments?.length
            ? { attachmentNames: input.attachments.map((a) => a.file.name) }
            : {}),
        },
        input.attachments,
        { ctx, client },
      );
    },
    [ctx, store, client, conversationId],
  );
  const retry = useCallback(
    (clientId: string) => outboxOf(store).retry(clientId, { ctx, client }),
    [ctx, store, client],
  );
  const discard = useCallback((clientId: string) => outboxOf(store).discard(clientId), [store]);
  return { send, retry, discard };
}
