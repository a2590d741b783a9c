import { useLayoutEffect, useReducer, useState } from 'react';
import { ListLayout } from './listLayout';

/** An item's identity (the entity id, so a reorder keeps its DOM node, docs/accessibility.md §1, V3). */
export type ItemKey = string | number;

/** A size in px, e.g. the viewport's before it is measured. */
export interface Rect {
  width: number;
  height: number;
}

/** Options of {@link useListVirtualizer}. */
export interface ListVirtualizerOptions<E extends HTMLElement = HTMLElement> {
  /** Number of items. */
  count: number;
  /** The scroll container; its `clientHeight` is the viewport. */
  getScrollElement: () => E | null;
  /** Size in px of an item that is not measured yet. Keep it stable (`useCallback`). */
  estimateSize: (index: number) => number;
  /**
   * The key of the item at an index. A new function means the data changed, so
   * positions are rebuilt (measured sizes are kept by key): pass one memoized on the data.
   * @defaultValue the index
   */
  getItemKey?: (index: number) => ItemKey;
  /**
   * Items rendered beyond the overscan margin on each side. The margin itself is
   * always one viewport above and one below the visible items (docs/accessibility.md §1, V6).
   * @defaultValue 1
   */
  overscan?: number;
  /** Indices always rendered, e.g. the focused item and its neighbours (docs/accessibility.md §1, V1). */
  keep?: readonly number[];
  /** The viewport's size before the scroll element is measured (server rendering, tests). */
  initialRect?: Rect;
}

/** A rendered item: position it at `start` (px from the list's top). */
export interface VirtualItem {
  index: number;
  key: ItemKey;
  start: number;
  size: number;
}

const byIndex = (i: number): ItemKey => i;
const raf = (cb: () => void): number =>
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame(cb)
    : (setTimeout(cb, 16) as unknown as number);
const caf = (id: number): void =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id);

/**
 * A vertical virtualizer for one list. Render-time reads are binary searches;
 * measuring (rows' `offsetHeight`, one shared `ResizeObserver`) and scrolling
 * (read once per animation frame) happen outside render and re-render only
 * when the rendered range or the positions change.
 */
export class ListVirtualizer<E extends HTMLElement = HTMLElement> {
  private options!: ListVirtualizerOptions<E>;
  private readonly layout = new ListLayout();
  private readonly measured = new Map<ItemKey, number>();
  private readonly nodes = new Set<Element>();
  private built: unknown[] = [];
  private el: E | null = null;
  private ro: ResizeObserver | null = null;
  private offset = 0;
  private viewport: number;
  private adjust = 0;
  private frame = 0;
  /** Last rendered range (before `keep`). */
  private rendered: [number, number] = [0, -1];
  /**
   * Only the visible items are rendered: set when the visible items were not among the rendered ones
   * (first render, a jump, a fling faster than the overscan), cleared once a frame has passed without
   * scrolling, when the overscan is rendered too.
   */
  private sparse = true;
  private fillFrame = 0;
  private scrolls = 0;

  constructor(
    private readonly rerender: () => void,
    initialRect?: Rect,
  ) {
    this.viewport = initialRect?.height ?? 0;
  }

  /** Takes this render's options; rebuilds positions only if the data changed. */
  setOptions(options: ListVirtualizerOptions<E>): void {
    this.options = options;
    const { count, getItemKey = byIndex, estimateSize } = options;
    const deps = [count, getItemKey, estimateSize];
    if (deps.some((d, i) => d !== this.built[i])) {
      this.built = deps;
      this.layout.reset(count, (i) => this.measured.get(getItemKey(i)) ?? estimateSize(i));
    }
  }

  /** The items to render: the visible ones, one viewport (+ `overscan` items) each side, and `keep`. */
  getVirtualItems(): VirtualItem[] {
    const { getItemKey = byIndex, keep = [] } = this.options;
    const [first, last] = this.rangeAt(this.offset);
    this.rendered = [first, last];
    const indices: number[] = [];
    for (let i = first; i <= last; i++) indices.push(i);
    const extra = keep.filter(
      (i, at) => (i < first || i > last) && i >= 0 && i < this.layout.count && keep.indexOf(i) === at,
    );
    if (extra.length) {
      indices.push(...extra);
      indices.sort((a, b) => a - b);
    }
    return indices.map((index) => ({
      index,
      key: getItemKey(index),
      start: this.layout.start(index),
      size: this.layout.size(index),
    }));
  }

  /** Height of all items together, for the sizer element. */
  getTotalSize(): number {
    return this.layout.total();
  }

  /** The viewport's height in px (0 until measured, unless `initialRect` was given). */
  getViewportSize(): number {
    return this.viewport;
  }

  /** Scrolls so the item is in view: `auto` only as far as needed, `start`/`end` aligns that edge. */
  scrollToIndex(index: number, { align = 'auto' }: { align?: 'auto' | 'start' | 'end' } = {}): void {
    if (index < 0 || index >= this.layout.count) return;
    this.flush();
    const start = this.layout.start(index);
    const end = start + this.layout.size(index);
    let to = this.offset;
    if (align === 'start' || (align === 'auto' && start < this.offset)) to = start;
    else if (align === 'end' || (align === 'auto' && end > this.offset + this.viewport))
      to = end - this.viewport;
    this.moveTo(Math.max(0, Math.min(to, this.layout.total() - this.viewport)), true);
  }

  /** Ref callback for each rendered item (which carries `data-index`): measures it now and whenever it resizes. */
  readonly measureElement = (node: Element | null): void => {
    // Not `instanceof HTMLElement`: rows may live in another window (an iframe portal).
    if (!node || !('dataset' in node)) return;
    this.measure(node as HTMLElement);
    const ro = this.observer();
    if (ro && !this.nodes.has(node)) {
      this.nodes.add(node);
      ro.observe(node);
    }
  };

  /** After each commit: follows the scroll element, applies new measurements. */
  sync(): void {
    const el = this.options.getScrollElement();
    let changed = this.flush();
    if (el !== this.el) {
      this.el?.removeEventListener('scroll', this.onScroll);
      if (this.el) this.ro?.unobserve(this.el);
      this.el = el;
      if (el) {
        el.addEventListener('scroll', this.onScroll, { passive: true });
        this.observer()?.observe(el);
        this.offset = el.scrollTop;
        this.viewport = el.clientHeight;
        changed = true;
      }
    }
    if (changed) this.rerender();
    else if (this.el && this.viewport > 0) this.scheduleFill();
  }

  /** Stops listening (unmount). */
  detach(): void {
    this.el?.removeEventListener('scroll', this.onScroll);
    this.el = null;
    this.ro?.disconnect();
    this.ro = null;
    caf(this.frame);
    this.frame = 0;
    caf(this.fillFrame);
    this.fillFrame = 0;
  }

  /**
   * After a frame without scrolling, renders the overscan as well (docs/accessibility.md §1, V6): the visible items are
   * painted first, and a fling renders only what it shows on each frame.
   */
  private scheduleFill(): void {
    if (this.fillFrame || !this.sparse) return;
    const scrolls = this.scrolls;
    this.fillFrame = raf(() => {
      this.fillFrame = 0;
      if (scrolls !== this.scrolls) return this.scheduleFill();
      this.sparse = false;
      this.rerender();
    });
  }

  private observer(): ResizeObserver | null {
    if (!this.ro && typeof ResizeObserver === 'function') {
      this.ro = new ResizeObserver((entries) => this.onResize(entries));
      for (const node of this.nodes) this.ro.observe(node);
    }
    return this.ro;
  }

  private onResize(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const { target } of entries) {
      if (target === this.el) {
        changed ||= this.viewport !== this.el.clientHeight;
        this.viewport = this.el.clientHeight;
      } else if (!target.isConnected) {
        this.ro?.unobserve(target);
        this.nodes.delete(target);
      } else this.measure(target as HTMLElement);
    }
    if (this.flush() || changed) this.rerender();
  }

  private measure(node: HTMLElement): void {
    const index = Number(node.dataset.index);
    if (!(index >= 0 && index < this.layout.count)) return;
    const size = node.offsetHeight;
    this.measured.set((this.options.getItemKey ?? byIndex)(index), size);
    const delta = this.layout.setSize(index, size);
    // An item above the viewport changed size: keep what is on screen still.
    if (delta && this.layout.start(index) < this.offset) this.adjust += delta;
  }

  /** Applies pending measurements (and the scroll correction they need); returns whether positions changed. */
  private flush(): boolean {
    if (!this.layout.flush()) return false;
    if (this.adjust) this.moveTo(this.offset + this.adjust, true);
    this.adjust = 0;
    return true;
  }

  private readonly onScroll = (): void => {
    this.scrolls += 1;
    this.frame ||= raf(() => {
      this.frame = 0;
      if (this.el) this.moveTo(this.el.scrollTop, false);
    });
  };

  private moveTo(y: number, write: boolean): void {
    const [a, b] = this.rangeAt(this.offset);
    this.offset = y;
    if (write && this.el) this.el.scrollTop = y;
    // Visible items that were not rendered: render just those now, the overscan once scrolling pauses.
    const [v0, v1] = this.rangeAt(y, true);
    if (v0 < this.rendered[0] || v1 > this.rendered[1]) this.sparse = true;
    const [c, d] = this.rangeAt(y);
    if (a !== c || b !== d) this.rerender();
  }

  /**
   * First and last index within one viewport above and below the visible ones, plus `overscan`
   * (`visible`, or while {@link sparse}: the visible ones only).
   */
  private rangeAt(y: number, visible = this.sparse && this.viewport > 0): [number, number] {
    const count = this.layout.count;
    if (count === 0) return [0, -1];
    const overscan = visible ? 0 : (this.options.overscan ?? 1);
    const margin = visible ? 0 : this.viewport;
    const top = y - margin;
    const first = top <= 0 ? 0 : this.layout.indexAt(top);
    const last = this.layout.indexAt(y + this.viewport + margin, true);
    return [Math.max(0, first - overscan), Math.min(count - 1, last + overscan)];
  }
}

/**
 * A small in-house replacement for `@tanstack/react-virtual`'s `useVirtualizer`,
 * covering what the inbox grid needs: keyed items, measured dynamic sizes,
 * overscan of at least one viewport, indices kept mounted, `scrollToIndex`.
 * Returns one stable {@link ListVirtualizer} per component.
 */
export function useListVirtualizer<E extends HTMLElement>(
  options: ListVirtualizerOptions<E>,
): ListVirtualizer<E> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [virtualizer] = useState(() => new ListVirtualizer<E>(rerender, options.initialRect));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer.sync());
  useLayoutEffect(() => () => virtualizer.detach(), [virtualizer]);
  return virtualizer;
}
