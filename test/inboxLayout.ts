/**
 * jsdom has no layout, so a virtualizer sees a 0-px viewport and renders no
 * rows. Tests give the inbox grid a viewport (`clientHeight`, which
 * `useListVirtualizer` reads) and rows a fixed `offsetHeight` (their
 * measured size). `extra` sizes other scroll containers by `data-slot`, e.g.
 * the thread's scroller in layout tests. Real scrolling and windowing are
 * checked in Chromium (e2e).
 */
export function mockInboxLayout(
  viewport = 600,
  rowHeight = 84,
  extra: Record<string, { clientHeight?: number; scrollHeight?: number }> = {},
): () => void {
  const proto = HTMLElement.prototype;
  const saved = (['clientHeight', 'offsetHeight', 'scrollHeight'] as const).map(
    (key) => [key, Object.getOwnPropertyDescriptor(proto, key)] as const,
  );
  const slotOf = (el: HTMLElement) => el.dataset.slot ?? '';
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const slot = slotOf(this);
      return slot === 'inbox-list' ? viewport : (extra[slot]?.clientHeight ?? 0);
    },
  });
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return extra[slotOf(this)]?.scrollHeight ?? 0;
    },
  });
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return slotOf(this) === 'inbox-item' ? rowHeight : 0;
    },
  });
  return () => {
    for (const [key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(proto, key, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[key];
    }
  };
}
