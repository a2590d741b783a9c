/**
 * jsdom has no layout, so test helpers give the thread what a browser would:
 *
 * - The scroll container (`data-slot="thread-scroller"`) reports a 4000 px
 *   viewport (`clientHeight`, which @tanstack/react-virtual reads for the
 *   viewport) and a taller `scrollHeight`, so the virtualizer computes a real
 *   range and the feed does not think it must keep loading older pages to
 *   fill the screen. 4000 px ≥ 30 messages × the feed's estimate (at most 114 px for a short message), plus a
 *   viewport of overscan, so every message of a seeded thread is mounted.
 * - Articles keep jsdom's 0 px `offsetHeight` (their measured size), so
 *   every loaded message stays inside the range; tests can find any message.
 *   Real windowing and scrolling are checked in Chromium (e2e).
 * - `IntersectionObserver` is replaced by a stub that reports every observed
 *   element as fully visible (or, with `visible: false`, as hidden), so
 *   mark-read-on-visibility can be driven from a test.
 */
import { afterEach, beforeEach } from 'vitest';

const isScroller = (el: Element) => el instanceof HTMLElement && el.dataset.slot === 'thread-scroller';

/** Installs the layout stubs for every test in the calling file. */
export function setupThreadLayout(options: { visible?: boolean } = {}): { setVisible(v: boolean): void } {
  const state = { visible: options.visible ?? true };
  const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
  const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
  const originalIO = globalThis.IntersectionObserver;
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return isScroller(this) ? 4000 : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return isScroller(this) ? 20000 : 0;
      },
    });
    class StubIntersectionObserver {
      readonly root: Element | Document | null;
      readonly rootMargin = '0px';
      readonly thresholds = [0];
      constructor(
        private readonly callback: IntersectionObserverCallback,
        init?: IntersectionObserverInit,
      ) {
        this.root = init?.root ?? null;
      }
      observe(target: Element) {
        if (!state.visible) return;
        const rect = target.getBoundingClientRect();
        const entry = {
          target,
          isIntersecting: true,
          intersectionRatio: 1,
          boundingClientRect: rect,
          intersectionRect: rect,
          rootBounds: null,
          time: 0,
        };
        queueMicrotask(() => this.callback([entry], this as unknown as IntersectionObserver));
      }
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    }
    globalThis.IntersectionObserver = StubIntersectionObserver as unknown as typeof IntersectionObserver;
    window.IntersectionObserver = globalThis.IntersectionObserver;
  });
  afterEach(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight;
    if (clientHeight) Object.defineProperty(Element.prototype, 'clientHeight', clientHeight);
    if (scrollHeight) Object.defineProperty(Element.prototype, 'scrollHeight', scrollHeight);
    globalThis.IntersectionObserver = originalIO;
    window.IntersectionObserver = originalIO;
  });
  return {
    setVisible: (v) => {
      state.visible = v;
    },
  };
}
