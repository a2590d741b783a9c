import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReportReason } from '../../core/types';
import { useMessaging } from '../MessagingProvider';
import { patchMessages } from '../cache';

/** Reports a message with a reason. */
export function useReportMessage(conversationId: string) {
  const { transport, scope } = useMessaging('useReportMessage');
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      messageId,
      reason,
      details,
    }: {
      messageId: string;
      reason: ReportReason;
      details?: string;
    }) => transport.reportMessage(messageId, reason, details),
    onSuccess: (_r, { messageId }) =>
      patchMessages(client, scope, conversationId, (m) =>
        m.id === messageId ? { ...m, extras: { ...m.extras, reported: true } } : m,
      ),
  });
}
