import type { MutableRefObject, RefObject } from 'react';
import type { Conversation } from '../../../core/types';
import type { TransportCapabilities } from '../../../transports/types';
import { createStrictContext } from '../../createContext';
import type { useConversations } from '../../hooks/useConversations';

/** A cell of an inbox row, left to right. `more` holds the row's actions on coarse pointers. */
export type InboxCell = 'open' | 'read' | 'archive' | 'delete' | 'more';

/** A row action (a cell of its own on fine pointers, an item of the "More" menu on touch). */
export type InboxAction = Exclude<InboxCell, 'open' | 'more'>;

/** What `Inbox.List` registers so other parts (search, layout) can move focus into the grid. */
export interface InboxListApi {
  /** Focuses a row's cell by data index (scrolls it into view first). */
  focusIndex: (index: number, cell?: InboxCell) => void;
}

/** Imperative handle of `Inbox.Root` (`handleRef`), for hosts and `InboxLayout`. */
export interface InboxHandle {
  /** Focuses a conversation's row (by id), else the last-focused row, else the first row. Returns whether a row was found. */
  focusRow: (conversationId?: string | null) => boolean;
  /** Focuses the search field. */
  focusSearch: () => void;
}

/** Shared state of one inbox, provided by `Inbox.Root`. */
export interface InboxContextValue {
  query: ReturnType<typeof useConversations>;
  /** Rows as shown (after the client-side search fallback). */
  rows: Conversation[];
  /** Row count when known, else `undefined` (more pages exist and the backend gives no total). */
  rowCount: number | undefined;
  capabilities: TransportCapabilities;
  selectedId: string | null;
  open: (conversation: Conversation) => void;
  active: { id: string | null; cell: InboxCell };
  setActive: (id: string | null, cell: InboxCell) => void;
  cellsFor: (conversation: Conversation) => InboxCell[];
  /** The actions a row offers (the backend's capabilities and the row's state decide). */
  actionsFor: (conversation: Conversation) => InboxAction[];
  markRead: (conversation: Conversation) => void;
  toggleArchive: (conversation: Conversation) => void;
  requestDelete: (conversationId: string) => void;
  searchValue: string;
  setSearchValue: (value: string) => void;
  /** True while focus is (or was, before its node vanished) inside the grid. */
  focusInsideRef: MutableRefObject<boolean>;
  /** Set when the last row vanished with focus in it: `Inbox.Empty` takes focus on mount. */
  focusEmptyPendingRef: MutableRefObject<boolean>;
  listApi: MutableRefObject<InboxListApi | null>;
  /** A focus move waiting for the next page (↓ past the last loaded row). */
  pendingFocusRef: MutableRefObject<{ index: number; cell: InboxCell } | null>;
  gridRef: RefObject<HTMLDivElement | null>;
  searchRef: RefObject<HTMLInputElement | null>;
  idBase: string;
}

export const [InboxContext, useInboxContext] = createStrictContext<InboxContextValue>('Inbox.Root');

/**
 * What each row reads from `Inbox.Root`. Kept apart from {@link InboxContextValue}
 * (which changes with every fetch state and every new page) so that memoized rows
 * re-render only when selection, the roving tab stop or capabilities change.
 */
export interface InboxRowContextValue {
  selectedId: string | null;
  /** The row and cell holding the grid's one tab stop: the last-focused cell, else the first row's conversation. */
  tabStop: { id: string | null; cell: InboxCell };
  cellsFor: (conversation: Conversation) => InboxCell[];
  actionsFor: (conversation: Conversation) => InboxAction[];
  /** Coarse pointer: the actions sit behind one "More" button per row. */
  compact: boolean;
  open: (conversation: Conversation) => void;
  markRead: (conversation: Conversation) => void;
  toggleArchive: (conversation: Conversation) => void;
  requestDelete: (conversationId: string) => void;
}

export const [InboxRowContext, useInboxRowContext] = createStrictContext<InboxRowContextValue>('Inbox.Root');

/** Finds a rendered cell's focusable element by row id and cell. */
export function findCell(grid: HTMLElement | null, rowId: string, cell: InboxCell): HTMLElement | null {
  if (!grid) return null;
  const row = grid.querySelector<HTMLElement>(`[data-row-id="${rowId.replace(/["\\]/g, '\\$&')}"]`);
  if (!row) return null;
  return (
    row.querySelector<HTMLElement>(`[data-cell="${cell}"]`) ??
    row.querySelector<HTMLElement>('[data-cell="open"]')
  );
}
