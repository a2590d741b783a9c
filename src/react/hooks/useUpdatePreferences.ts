import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotificationPreferences } from '../../core/types';
import { useMessaging } from '../MessagingProvider';
import { inboxKeys } from '../queryKeys';

/** How long "Saved" waits for more changes before it is announced. */
const SAVED_ANNOUNCE_DELAY_MS = 1000;

interface Queue {
  inFlight: boolean;
  /** Bumped on every change; `sent` is the version the server has. */
  version: number;
  sent: number;
  desired?: NotificationPreferences;
  /** The last state the server confirmed: what an error reverts to. */
  confirmed?: NotificationPreferences;
}

/**
 * Saves notification preferences optimistically and serialized: the cache
 * shows each change at once, only one PUT is in flight, and when it returns
 * the newest wanted state is sent next, so rapid toggling ends with the
 * server holding the user's last choice. On error the preferences revert to
 * what the server last confirmed, `error` is set and announced assertively;
 * success is announced politely ("Saved"), debounced.
 */
export function useUpdatePreferences() {
  const { transport, scope, announce, t } = useMessaging('useUpdatePreferences');
  const client = useQueryClient();
  const queue = useRef<Queue>({ inFlight: false, version: 0, sent: 0 });
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const savedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(savedTimer.current), []);

  const pump = useCallback(async (): Promise<void> => {
    const q = queue.current;
    const key = inboxKeys.preferences(scope);
    // One PUT at a time; a change made while it was in flight is sent when it returns.
    while (!q.inFlight && q.desired && q.sent !== q.version) {
      const version = q.version;
      const body = q.desired;
      q.inFlight = true;
      setSaving(true);
      try {
        const saved = await transport.updatePreferences(body);
        q.inFlight = false;
        q.sent = version;
        q.confirmed = saved;
        if (q.version !== version) continue;
        client.setQueryData(key, saved);
        setSaving(false);
        clearTimeout(savedTimer.current);
        savedTimer.current = setTimeout(() => announce(t('saved')), SAVED_ANNOUNCE_DELAY_MS);
      } catch (e) {
        q.inFlight = false;
        q.sent = q.version;
        q.desired = undefined;
        if (q.confirmed) client.setQueryData(key, q.confirmed);
        const err = e instanceof Error ? e : new Error(String(e));
        setError(err);
        setSaving(false);
        clearTimeout(savedTimer.current);
        announce(t('saveFailed', { error: err.message }), { assertive: true });
      }
      return;
    }
  }, [transport, client, scope, announce, t]);

  const update = useCallback(
    (next: NotificationPreferences) => {
      const q = queue.current;
      const key = inboxKeys.preferences(scope);
      // Idle: what the cache shows is what the server has.
      if (!q.inFlight && q.sent === q.version)
        q.confirmed = client.getQueryData<NotificationPreferences>(key);
      q.version += 1;
      q.desired = next;
      void client.cancelQueries({ queryKey: key });
      client.setQueryData(key, next);
      setError(null);
      void pump();
    },
    [client, pump, scope],
  );
  return { update, saving, error, clearError: () => setError(null) };
}
