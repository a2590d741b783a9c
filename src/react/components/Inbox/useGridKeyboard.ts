import { useCallback } from 'react';
import type { KeyboardEvent } from 'react';
import type { ListVirtualizer } from '../../virtual/useListVirtualizer';
import { useInboxContext } from './InboxContext';
import type { InboxCell } from './InboxContext';

/**
 * The inbox grid's keys (docs/accessibility.md §2): ↑/↓ same cell in the adjacent row (past
 * the last loaded row: fetch more, then focus the first new row), ←/→ and
 * Home/End within the row, Ctrl+Home/End first/last loaded row, PgUp/PgDn one
 * visible page, Delete opens the delete confirmation. Enter/Space are the
 * buttons' own.
 */
export function useGridKeyboard(
  focusIndex: (index: number, cell: InboxCell) => void,
  virtualizer: ListVirtualizer<HTMLDivElement>,
  estimateRowHeight: number,
) {
  const inbox = useInboxContext('Inbox.List');
  const { rows, cellsFor, query, capabilities, requestDelete, pendingFocusRef } = inbox;
  return useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.altKey || e.metaKey) return;
      const target = e.target as HTMLElement;
      const rowEl = target.closest<HTMLElement>('[data-row-id]');
      const id = rowEl?.dataset.rowId;
      const index = id ? rows.findIndex((r) => r.id === id) : -1;
      if (index < 0) return;
      const cell = (target.dataset.cell as InboxCell | undefined) ?? 'open';
      const cells = cellsFor(rows[index]!);
      const col = Math.max(0, cells.indexOf(cell));
      /** The same cell in another row, else the one at the same position. */
      const cellIn = (i: number): InboxCell => {
        const other = cellsFor(rows[i]!);
        return other.includes(cell) ? cell : other[Math.min(col, other.length - 1)]!;
      };
      const toRow = (i: number) => focusIndex(i, cellIn(i));
      const page = Math.max(1, Math.floor(virtualizer.getViewportSize() / estimateRowHeight));
      let handled = true;
      switch (e.key) {
        case 'ArrowDown':
          if (index + 1 < rows.length) toRow(index + 1);
          else if (query.hasNextPage) {
            pendingFocusRef.current = { index: index + 1, cell };
            void query.fetchNextPage();
          }
          break;
        case 'ArrowUp':
          if (index > 0) toRow(index - 1);
          break;
        case 'ArrowRight':
          if (col + 1 < cells.length) focusIndex(index, cells[col + 1]!);
          break;
        case 'ArrowLeft':
          if (col > 0) focusIndex(index, cells[col - 1]!);
          break;
        case 'Home':
          if (e.ctrlKey) toRow(0);
          else focusIndex(index, cells[0]!);
          break;
        case 'End':
          if (e.ctrlKey) toRow(rows.length - 1);
          else focusIndex(index, cells[cells.length - 1]!);
          break;
        case 'PageDown':
          toRow(Math.min(rows.length - 1, index + page));
          break;
        case 'PageUp':
          toRow(Math.max(0, index - page));
          break;
        case 'Delete':
          if (capabilities.delete) requestDelete(rows[index]!.id);
          else handled = false;
          break;
        default:
          handled = false;
      }
      if (handled) e.preventDefault();
    },
    [
      rows,
      cellsFor,
      query,
      capabilities.delete,
      requestDelete,
      pendingFocusRef,
      focusIndex,
      virtualizer,
      estimateRowHeight,
    ],
  );
}
