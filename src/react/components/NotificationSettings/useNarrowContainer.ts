import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether the element is at most `maxWidth` px wide: a container query in
 * script, because the narrow layout is different markup (fieldsets instead
 * of a table), not just different styles. Without ResizeObserver (SSR, old
 * browsers, jsdom) it stays `false`.
 */
export function useNarrowContainer(
  ref: RefObject<HTMLElement | null>,
  maxWidth: number,
  enabled: boolean,
): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? el.getBoundingClientRect().width;
      if (width > 0) setNarrow(width <= maxWidth);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, maxWidth, enabled]);
  return narrow;
}
