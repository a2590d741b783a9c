import { useLayoutEffect, useRef } from 'react';
import type { Conversation } from '../../../core/types';
import { useLatest } from '../../hooks/useLatest';
import { useInboxContext } from './InboxContext';
import type { InboxCell } from './InboxContext';

/**
 * Keeps focus in the grid when rows change under it (docs/accessibility.md §2; §1, V4):
 * - a focused row that disappears (archive, delete, filter) passes focus to
 *   the next row's conversation button (never its action, so a repeated
 *   Enter cannot archive a second conversation), else the previous row's,
 *   else the empty text;
 * - a focused cell that disappears (Mark read on a now-read row) passes focus
 *   to the cell now at its position;
 * - after ↓ past the last loaded row, the first new row gets focus.
 * Focus only moves if it was in the grid; otherwise just the roving position follows.
 */
export function useFocusFollowsRows(focusIndex: (index: number, cell: InboxCell) => void): void {
  const {
    rows,
    active,
    setActive,
    cellsFor,
    focusInsideRef,
    focusEmptyPendingRef,
    gridRef,
    pendingFocusRef,
  } = useInboxContext('Inbox.List');
  const prevRows = useRef<Conversation[]>(rows);
  const activeRef = useLatest(active);
  useLayoutEffect(() => {
    const prev = prevRows.current;
    prevRows.current = rows;
    if (prev === rows) return;
    const pending = pendingFocusRef.current;
    if (pending && rows.length > pending.index) {
      pendingFocusRef.current = null;
      const cells = cellsFor(rows[pending.index]!);
      focusIndex(pending.index, cells.includes(pending.cell) ? pending.cell : 'open');
      return;
    }
    const { id, cell } = activeRef.current;
    if (!id) return;
    const doc = gridRef.current?.ownerDocument ?? (typeof document !== 'undefined' ? document : undefined);
    const focused = doc?.activeElement;
    // A removed node may still be reported as active (jsdom; some browsers until the next task).
    const lost = !focused || focused === doc?.body || !focused.isConnected;
    const hadFocus = focusInsideRef.current && (lost || !!gridRef.current?.contains(focused));
    const now = rows.findIndex((r) => r.id === id);
    if (now >= 0) {
      const cells = cellsFor(rows[now]!);
      if (cells.includes(cell)) return;
      const before = prev.find((r) => r.id === id);
      const col = before ? Math.max(0, cellsFor(before).indexOf(cell)) : 0;
      const next = cells[Math.min(col, cells.length - 1)]!;
      if (hadFocus && lost) focusIndex(now, next);
      else setActive(id, next);
      return;
    }
    const old = prev.findIndex((r) => r.id === id);
    const present = new Set(rows.map((r) => r.id));
    let replacement: Conversation | undefined;
    for (let i = old + 1; i > 0 && i < prev.length && !replacement; i++)
      if (present.has(prev[i]!.id)) replacement = prev[i];
    for (let i = old - 1; i >= 0 && !replacement; i--) if (present.has(prev[i]!.id)) replacement = prev[i];
    if (!replacement && rows.length) replacement = rows[Math.min(Math.max(old, 0), rows.length - 1)];
    if (!replacement) {
      setActive(null, 'open');
      if (hadFocus) focusEmptyPendingRef.current = true;
      return;
    }
    const index = rows.findIndex((r) => r.id === replacement.id);
    if (hadFocus) focusIndex(index, 'open');
    else setActive(replacement.id, 'open');
  }, [
    rows,
    cellsFor,
    focusIndex,
    setActive,
    focusInsideRef,
    focusEmptyPendingRef,
    gridRef,
    pendingFocusRef,
    activeRef,
  ]);
}
