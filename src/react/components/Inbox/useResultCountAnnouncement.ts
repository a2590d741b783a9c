import { useEffect, useRef } from 'react';
import { useMessaging } from '../../MessagingProvider';

/**
 * Announces "12 conversations" 1 s after the list settles for a new filter,
 * role or search (docs/accessibility.md §2). The first load and count changes from row actions
 * stay silent: those have their own announcements.
 */
export function useResultCountAnnouncement(
  key: string,
  settled: boolean,
  count: number,
  delayMs = 1000,
): void {
  const { announce, t } = useMessaging('Inbox.Root');
  const announcedKey = useRef(key);
  useEffect(() => {
    if (!settled || announcedKey.current === key) return undefined;
    const id = setTimeout(() => {
      announcedKey.current = key;
      announce(t.plural('conversationCount', count));
    }, delayMs);
    return () => clearTimeout(id);
  }, [key, settled, count, delayMs, announce, t]);
}
