import { act, fireEvent, render } from '@testing-library/react';
import { useCallback, useRef } from 'react';
import { ListLayout } from './listLayout';
import { useListVirtualizer } from './useListVirtualizer';
import type { ListVirtualizer } from './useListVirtualizer';

/** jsdom has no layout: the scroller is 500 px high, an item is as high as its `data-h` (else 0). */
const proto = HTMLElement.prototype;
const saved = (['clientHeight', 'offsetHeight'] as const).map(
  (key) => [key, Object.getOwnPropertyDescriptor(proto, key)] as const,
);
beforeAll(() => {
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: (): number => 500 });
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return Number(this.dataset.h ?? 0);
    },
  });
});
afterAll(() => {
  for (const [key, d] of saved) if (d) Object.defineProperty(proto, key, d);
});

interface ListProps {
  count: number;
  heights?: (index: number) => number;
  keep?: number[];
  onVirtualizer?: (v: ListVirtualizer<HTMLDivElement>) => void;
}

function List({ count, heights = () => 50, keep, onVirtualizer }: ListProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  const v = useListVirtualizer({
    count,
    getScrollElement: useCallback(() => ref.current, []),
    estimateSize: useCallback(() => 50, []),
    getItemKey: useCallback((i: number) => `row-${i}`, []),
    overscan: 1,
    keep,
  });
  onVirtualizer?.(v);
  return (
    <div ref={ref} data-testid="scroller">
      <div data-testid="sizer" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((item) => (
          <div
            key={item.key}
            ref={v.measureElement}
            data-index={item.index}
            data-h={heights(item.index)}
            data-start={item.start}
          >
            {item.key}
          </div>
        ))}
      </div>
    </div>
  );
}

/** One animation frame with nothing scrolling: the overscan is rendered after the visible items. */
const nextFrame = () => act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));

const rendered = (c: HTMLElement) =>
  [...c.querySelectorAll<HTMLElement>('[data-index]')].map((el) => Number(el.dataset.index));
/** jsdom's scrollTop is always 0; give the scroller a writable one. */
function scrollable(el: HTMLElement) {
  let top = 0;
  Object.defineProperty(el, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (v: number) => void (top = v),
  });
}

describe('ListLayout', () => {
  it('keeps prefix sums, updates them from the first changed size, and finds items by offset', () => {
    const layout = new ListLayout();
    layout.reset(5000, () => 10);
    expect(layout.total()).toBe(50000);
    expect(layout.setSize(10, 30)).toBe(20);
    expect(layout.start(11)).toBe(110); // stale until flushed
    expect(layout.flush()).toBe(true);
    expect(layout.flush()).toBe(false);
    expect([layout.start(11), layout.total()]).toEqual([130, 50020]);
    expect(layout.indexAt(0)).toBe(0);
    expect(layout.indexAt(10)).toBe(1);
    expect(layout.indexAt(10, true)).toBe(0);
    expect(layout.indexAt(129)).toBe(10);
    expect(layout.indexAt(1e9)).toBe(4999);
  });
});

describe('useListVirtualizer', () => {
  it('renders the visible items plus one viewport and the overscan each side, and follows scrolling once per frame', async () => {
    let v!: ListVirtualizer<HTMLDivElement>;
    const { container, getByTestId, rerender } = render(<List count={1000} onVirtualizer={(x) => (v = x)} />);
    // The first paint has the visible items only (500 px viewport, 50 px items)…
    expect(rendered(container)).toEqual([...Array(10).keys()]);
    // …the next frame adds one viewport below and the overscan (docs/accessibility.md §1, V6).
    await nextFrame();
    expect(rendered(container)).toEqual([...Array(21).keys()]);
    expect(v.getTotalSize()).toBe(50000);
    expect(v.getViewportSize()).toBe(500);

    const scroller = getByTestId('scroller');
    scrollable(scroller);
    rerender(<List count={1000} onVirtualizer={(x) => (v = x)} />);
    scroller.scrollTop = 5000;
    fireEvent.scroll(scroller);
    fireEvent.scroll(scroller);
    expect(rendered(container)[0]).toBe(0); // not before the next frame
    await nextFrame();
    // A jump past the rendered items: the visible ones first (100–109)…
    expect(rendered(container)).toEqual([...Array(10).keys()].map((i) => i + 100));
    // …then, a frame later without scrolling, one viewport each side (90–119) and overscan 1.
    await nextFrame();
    expect(rendered(container)).toEqual([...Array(32).keys()].map((i) => i + 89));
    // Scrolling within the rendered items keeps the overscan mounted all along.
    scroller.scrollTop = 5200;
    fireEvent.scroll(scroller);
    await nextFrame();
    expect(rendered(container)).toEqual([...Array(32).keys()].map((i) => i + 93));
    expect(getByTestId('sizer').querySelector('[data-index="100"]')).toHaveAttribute('data-start', '5000');
  });

  it('keeps given indices mounted outside the window (V1)', () => {
    const { container } = render(<List count={1000} keep={[499, 500, 501, 5, -1, 1000]} />);
    const items = rendered(container);
    expect(items.slice(-3)).toEqual([499, 500, 501]);
    expect(items.filter((i) => i === 5)).toHaveLength(1);
    expect(items).not.toContain(-1);
    expect(items).not.toContain(1000);
  });

  it('measures rendered items by offsetHeight and keeps sizes by key', async () => {
    let v!: ListVirtualizer<HTMLDivElement>;
    const heights = (i: number) => (i < 4 ? 100 : 50);
    const { container } = render(<List count={1000} heights={heights} onVirtualizer={(x) => (v = x)} />);
    await nextFrame();
    expect(v.getTotalSize()).toBe(4 * 100 + 996 * 50);
    expect(container.querySelector('[data-index="4"]')).toHaveAttribute('data-start', '400');
    // The window is measured in px: 0–999 now ends at item 15 (+1 overscan).
    expect(rendered(container).at(-1)).toBe(16);
  });

  it('scrolls to an index: auto only as far as needed, start and end align that edge (V2)', () => {
    let v!: ListVirtualizer<HTMLDivElement>;
    const { container, getByTestId, rerender } = render(<List count={1000} onVirtualizer={(x) => (v = x)} />);
    const scroller = getByTestId('scroller');
    scrollable(scroller);
    rerender(<List count={1000} onVirtualizer={(x) => (v = x)} />);
    act(() => v.scrollToIndex(100));
    expect(scroller.scrollTop).toBe(101 * 50 - 500);
    expect(rendered(container)).toContain(100);
    act(() => v.scrollToIndex(95));
    expect(scroller.scrollTop).toBe(101 * 50 - 500); // already visible
    act(() => v.scrollToIndex(200, { align: 'start' }));
    expect(scroller.scrollTop).toBe(200 * 50);
    act(() => v.scrollToIndex(300, { align: 'end' }));
    expect(scroller.scrollTop).toBe(301 * 50 - 500);
    act(() => v.scrollToIndex(999, { align: 'start' }));
    expect(scroller.scrollTop).toBe(50000 - 500); // clamped to the end
    act(() => v.scrollToIndex(0));
    expect(scroller.scrollTop).toBe(0);
    expect(rendered(container)[0]).toBe(0);
  });

  it('re-measures resized items through one shared ResizeObserver and keeps the view still when an item above it grows', async () => {
    const observed = new Set<Element>();
    let notify: (targets: Element[]) => void = () => {};
    const instances: unknown[] = [];
    class FakeResizeObserver {
      constructor(cb: ResizeObserverCallback) {
        instances.push(this);
        notify = (targets) =>
          cb(
            targets.map((target) => ({ target }) as ResizeObserverEntry),
            this,
          );
      }
      observe(el: Element) {
        observed.add(el);
      }
      unobserve(el: Element) {
        observed.delete(el);
      }
      disconnect() {
        observed.clear();
      }
    }
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    try {
      let v!: ListVirtualizer<HTMLDivElement>;
      const { container, getByTestId, rerender } = render(
        <List count={1000} onVirtualizer={(x) => (v = x)} />,
      );
      await nextFrame();
      expect(instances).toHaveLength(1);
      expect(observed.size).toBe(22); // 21 items + the scroller
      const scroller = getByTestId('scroller');
      scrollable(scroller);
      rerender(<List count={1000} onVirtualizer={(x) => (v = x)} />);
      act(() => v.scrollToIndex(10, { align: 'start' }));
      const first = container.querySelector<HTMLElement>('[data-index="2"]')!;
      first.dataset.h = '150';
      act(() => notify([first]));
      expect(v.getTotalSize()).toBe(50100);
      expect(scroller.scrollTop).toBe(600);
      expect(container.querySelector('[data-index="10"]')).toHaveAttribute('data-start', '600');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('renders the first item and the overscan before the viewport is known (server rendering)', async () => {
    const { renderToString } = await import('react-dom/server');
    const html = renderToString(<List count={1000} />);
    expect(html.match(/data-index=/g)).toHaveLength(2);
  });
});
