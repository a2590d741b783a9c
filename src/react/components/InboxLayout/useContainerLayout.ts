import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Container width (CSS px) below which the layout shows one pane at a time. Matches `layout.css`. */
export const NARROW_BELOW = 640;

/**
 * `narrow` or `wide` from the container's own width (not the viewport), via a
 * ResizeObserver, so the widget fits any host column. Without a
 * ResizeObserver (old browsers, server) it stays `wide`; CSS container
 * queries still stack the panes visually.
 */
export function useContainerLayout(
  ref: RefObject<HTMLElement | null>,
  forced?: 'narrow' | 'wide',
): 'narrow' | 'wide' {
  const [measured, setMeasured] = useState<'narrow' | 'wide'>('wide');
  useLayoutEffect(() => {
    if (forced) return undefined;
    const el = ref.current;
    const RO = el?.ownerDocument.defaultView?.ResizeObserver;
    if (!el || !RO) return undefined;
    const apply = (width: number) => {
      if (width > 0) setMeasured(width < NARROW_BELOW ? 'narrow' : 'wide');
    };
    apply(el.getBoundingClientRect().width);
    const observer = new RO((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const box = entry.contentBoxSize?.[0];
      apply(box ? box.inlineSize : entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, forced]);
  return forced ?? measured;
}
