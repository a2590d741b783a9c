import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useMessaging } from '../MessagingProvider';

/**
 * Sends what the outbox still holds: entries left `sending` by a reload, and
 * retryable failures, once on mount and whenever the browser comes back online.
 * Entries with attachments whose files were lost in a reload stay failed.
 * The send pipeline loads on demand (a dynamic import) only when the outbox
 * holds something, so a host that shows just a badge never downloads it.
 */
export function useOutboxFlush(): void {
  const latest = useMessaging('useOutboxFlush');
  const client = useQueryClient();
  // The context object changes with every provider prop (strings, theme, an inline currentUser);
  // retrying on those would resend failed messages whenever the host re-renders. Only a new
  // store (another user) or client re-runs the flush; the rest is read when it runs.
  const ctxRef = useRef(latest);
  ctxRef.current = latest;
  const store = latest.store;
  useEffect(() => {
    let stopped = false;
    const ctx = ctxRef.current;
    const send = (deliverOutboxEntry: typeof import('./useSendMessage').deliverOutboxEntry) => {
      if (stopped) return;
      const ctx = ctxRef.current;
      const { outbox, outboxFiles, upsertOutbox } = ctx.store.getState();
      for (const entry of outbox) {
        const files = outboxFiles[entry.clientId];
        if (entry.attachmentNames?.length && !files) {
          if (entry.status === 'sending') upsertOutbox({ ...entry, status: 'failed', error: ctx.t('uploadFailed', { error: ctx.t('errorGeneric') }), retryable: false });
          continue;
        }
        if (entry.status === 'sending' || entry.retryable) void deliverOutboxEntry(ctx, client, entry, files);
      }
    };
    const flush = () => {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      if (ctx.store.getState().outbox.length === 0) return;
      void import('./useSendMessage').then((m) => send(m.deliverOutboxEntry));
    };
    const unsub = ctx.store.persist.onFinishHydration(flush);
    if (ctx.store.persist.hasHydrated()) flush();
    window.addEventListener('online', flush);
    return () => {
      stopped = true;
      unsub();
      window.removeEventListener('online', flush);
    };
  }, [store, client]);
}
