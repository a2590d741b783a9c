import { useEffect, useRef } from 'react';
import { useUnreadCount } from '../components/UnreadBadge/useUnreadCount';
import type { UnreadKind } from '../components/UnreadBadge/useUnreadCount';

/** Options of {@link useDocumentTitleBadge}. */
export interface DocumentTitleBadgeOptions {
  /** Which count goes in the title. @defaultValue 'messages' */
  kind?: UnreadKind;
  /** Counts above this show as `99+`. @defaultValue 99 */
  max?: number;
  /**
   * Called when the count goes up after the first answer (not on the first load, and not when it
   * drops): play a sound or show a system notification here. Called with the new and the previous count.
   */
  onUnreadIncrease?: (count: number, previous: number) => void;
}

/**
 * Opt-in: prefixes the page title with the unread count, `(3) Messages – Example`, as mail and chat
 * apps do, so a user sees new messages from another tab. The title the page had is restored on unmount
 * and whenever the count is zero; a title the host changes meanwhile is kept (only the prefix is ours).
 */
export function useDocumentTitleBadge(options: DocumentTitleBadgeOptions = {}): void {
  const { count, display, ready } = useUnreadCount(options.kind ?? 'messages', {
    ...(options.max !== undefined ? { max: options.max } : {}),
  });
  const onIncrease = useRef(options.onUnreadIncrease);
  useEffect(() => {
    onIncrease.current = options.onUnreadIncrease;
  });
  const previous = useRef<number | null>(null);

  useEffect(() => {
    if (!ready) return;
    const before = previous.current;
    previous.current = count;
    if (before !== null && count > before) onIncrease.current?.(count, before);
  }, [count, ready]);

  useEffect(() => {
    if (typeof document === 'undefined') return;
    const prefix = /^\(\d+\+?\) /;
    const base = document.title.replace(prefix, '');
    document.title = count > 0 ? `(${display}) ${base}` : base;
    return () => {
      document.title = document.title.replace(prefix, '');
    };
  }, [count, display]);
}
