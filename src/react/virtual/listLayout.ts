/**
 * Positions of a vertical list's items as prefix sums of their sizes:
 * `starts[i]` is item i's offset, `starts[count]` the total. A size change
 * only marks the positions after it stale; {@link ListLayout.flush} brings
 * them up to date in one pass, however many items were measured in between.
 * Lookups are binary searches, so reading is cheap for thousands of items.
 */
export class ListLayout {
  private starts = new Float64Array(1);
  private sizes = new Float64Array(0);
  private dirtyFrom = Infinity;

  /** Number of items. */
  get count(): number {
    return this.sizes.length;
  }

  /** Rebuilds every position, e.g. after the data changed. */
  reset(count: number, sizeOf: (index: number) => number): void {
    this.sizes = new Float64Array(count);
    this.starts = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) {
      this.sizes[i] = sizeOf(i);
      this.starts[i + 1] = this.starts[i]! + this.sizes[i]!;
    }
    this.dirtyFrom = Infinity;
  }

  /** Sets an item's size; returns the change. Later positions stay stale until {@link flush}. */
  setSize(index: number, size: number): number {
    const delta = size - (this.sizes[index] ?? size);
    if (delta !== 0) {
      this.sizes[index] = size;
      this.dirtyFrom = Math.min(this.dirtyFrom, index);
    }
    return delta;
  }

  /** Recomputes stale positions; returns whether anything changed. */
  flush(): boolean {
    if (this.dirtyFrom === Infinity) return false;
    for (let i = this.dirtyFrom; i < this.sizes.length; i++)
      this.starts[i + 1] = this.starts[i]! + this.sizes[i]!;
    this.dirtyFrom = Infinity;
    return true;
  }

  start(index: number): number {
    return this.starts[index] ?? 0;
  }

  size(index: number): number {
    return this.sizes[index] ?? 0;
  }

  total(): number {
    return this.starts[this.sizes.length] ?? 0;
  }

  /** The first item whose end is past `y` (`orAt`: at or past `y`); the last item if none is. */
  indexAt(y: number, orAt = false): number {
    let lo = 0;
    let hi = this.sizes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const end = this.starts[mid + 1]!;
      if (end > y || (orAt && end === y)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
