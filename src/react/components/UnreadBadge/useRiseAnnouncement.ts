import { useEffect, useRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { useLatest } from '../../hooks/useLatest';

/**
 * Announces `label` politely when `count` has risen, `delayMs` after the last
 * change (so a burst becomes one announcement of the final count). Drops are
 * silent. Only one app-level badge should turn this on.
 */
export function useRiseAnnouncement(
  count: number,
  label: string,
  enabled: boolean,
  ready: boolean,
  delayMs = 2000,
): void {
  const { announce } = useMessaging('UnreadBadge');
  const baseline = useRef<number | null>(null);
  const latest = useLatest({ count, label });
  useEffect(() => {
    if (!enabled || !ready) return undefined;
    if (baseline.current === null || count <= baseline.current) {
      // First value, or a drop: the new floor, nothing to say.
      baseline.current = count;
      return undefined;
    }
    const timer = setTimeout(() => {
      const now = latest.current;
      if (baseline.current !== null && now.count > baseline.current) announce(now.label);
      baseline.current = now.count;
    }, delayMs);
    return () => clearTimeout(timer);
  }, [count, enabled, ready, delayMs, announce, latest]);
}
