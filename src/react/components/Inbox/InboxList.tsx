import { forwardRef, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ComponentPropsWithoutRef, FocusEvent, KeyboardEvent } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { useListVirtualizer } from '../../virtual/useListVirtualizer';
import type { Rect } from '../../virtual/useListVirtualizer';
import { cx } from '../primitives/cx';
import { findCell, useInboxContext } from './InboxContext';
import type { InboxCell } from './InboxContext';
import { InboxItem } from './InboxItem';
import { useFocusFollowsRows } from './useFocusFollowsRows';
import { useGridKeyboard } from './useGridKeyboard';

/** Props of {@link InboxList}. */
export interface InboxListProps extends ComponentPropsWithoutRef<'div'> {
  /** Estimated row height in px before rows are measured. @defaultValue 84 */
  estimateRowHeight?: number;
  /** The scroll container's size before it is measured (server rendering, tests). */
  initialRect?: Rect;
  /** Class name for every row. */
  itemClassName?: string;
}

/**
 * The conversations as an APG layout grid (`role="grid"`), virtualized with
 * the in-house `useListVirtualizer`: the focused row and its neighbours always
 * stay mounted (V1), rows are keyed by id (V3), overscan is at least one
 * viewport (V6; all three in docs/accessibility.md §1), and the next page loads as the end comes into view. The grid
 * element is the scroll container.
 */
export const InboxList = forwardRef<HTMLDivElement, InboxListProps>(function InboxList(
  {
    estimateRowHeight = 84,
    initialRect,
    itemClassName,
    className,
    onKeyDown,
    onFocus,
    onBlur,
    style,
    ...rest
  },
  ref,
) {
  const { t } = useMessaging('Inbox.List');
  const inbox = useInboxContext('Inbox.List');
  const { rows, query, gridRef, active, setActive, focusInsideRef, listApi } = inbox;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const activeIndex = active.id ? rows.findIndex((r) => r.id === active.id) : -1;
  // docs/accessibility.md §1, V1: the focused row and one neighbour each side stay mounted.
  const keep = useMemo(
    () => (activeIndex < 0 ? [] : [activeIndex - 1, activeIndex, activeIndex + 1]),
    [activeIndex],
  );

  const virtualizer = useListVirtualizer({
    count: rows.length,
    getScrollElement: useCallback(() => gridRef.current, [gridRef]),
    estimateSize: useCallback(() => estimateRowHeight, [estimateRowHeight]),
    getItemKey: useCallback((i: number) => rows[i]?.id ?? i, [rows]),
    // The virtualizer always adds one viewport each side (docs/accessibility.md §1, V6); these are extra rows on top.
    overscan: 2,
    keep,
    initialRect,
  });

  // docs/accessibility.md §1, V2: move by data index; scroll, then focus once the row renders (≤5 frames). A newer move cancels.
  const focusToken = useRef(0);
  const focusIndex = useCallback(
    (index: number, cell: InboxCell = 'open') => {
      const row = rowsRef.current[index];
      if (!row) return;
      const token = ++focusToken.current;
      setActive(row.id, cell);
      focusInsideRef.current = true;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      let tries = 0;
      const attempt = () => {
        if (token !== focusToken.current) return;
        const el = findCell(gridRef.current, row.id, cell);
        if (el) el.focus();
        else if (tries++ < 5) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [virtualizer, setActive, focusInsideRef, gridRef],
  );
  useEffect(() => {
    listApi.current = { focusIndex };
    return () => {
      if (listApi.current?.focusIndex === focusIndex) listApi.current = null;
    };
  }, [listApi, focusIndex]);

  const handleKeyDown = useGridKeyboard(focusIndex, virtualizer, estimateRowHeight);
  useFocusFollowsRows(focusIndex);

  // Infinite scroll: the rendered window (with ≥1 viewport of overscan) reached the end.
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : -1;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  useEffect(() => {
    if (
      lastIndex >= 0 &&
      lastIndex >= rows.length - 1 &&
      hasNextPage &&
      !isFetchingNextPage &&
      !isFetchNextPageError
    )
      void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const setRefs = useCallback(
    (node: HTMLDivElement | null) => {
      gridRef.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref, gridRef],
  );
  useLayoutEffect(() => () => void (focusToken.current += 1), []);

  if (rows.length === 0 && !query.isPending) return null;
  return (
    // A roving-tabindex grid: one cell is in the tab order, the grid element itself never takes focus.
    // eslint-disable-next-line jsx-a11y/interactive-supports-focus
    <div
      ref={setRefs}
      role="grid"
      aria-label={t('conversations')}
      aria-rowcount={inbox.rowCount ?? -1}
      aria-busy={query.isFetching ? 'true' : undefined}
      className={cx('ik-inbox-list', className)}
      data-slot="inbox-list"
      style={style}
      onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => {
        onKeyDown?.(e);
        if (!e.defaultPrevented) handleKeyDown(e);
      }}
      onFocus={(e: FocusEvent<HTMLDivElement>) => {
        onFocus?.(e);
        const target = e.target as HTMLElement;
        const rowId = target.closest<HTMLElement>('[data-row-id]')?.dataset.rowId;
        const cell = target.dataset.cell as InboxCell | undefined;
        focusInsideRef.current = true;
        if (rowId && cell) setActive(rowId, cell);
      }}
      onBlur={(e: FocusEvent<HTMLDivElement>) => {
        onBlur?.(e);
        const next = e.relatedTarget as Node | null;
        // A null relatedTarget may mean the focused node was removed: keep tracking (docs/accessibility.md §1, V4).
        if (next && !e.currentTarget.contains(next)) focusInsideRef.current = false;
      }}
      {...rest}
    >
      <div
        className="ik-inbox-list__sizer"
        style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
      >
        {items.map((item) => {
          const c = rows[item.index];
          if (!c) return null;
          return (
            <InboxItem
              key={item.key}
              ref={virtualizer.measureElement}
              conversation={c}
              index={item.index}
              className={itemClassName}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
              }}
            />
          );
        })}
      </div>
    </div>
  );
});
