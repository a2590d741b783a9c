import {
  forwardRef,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ComponentPropsWithoutRef, Ref } from 'react';
import type { Conversation } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { useInboxStoreApi } from '../../store/useInboxStoreApi';
import { useConversations } from '../../hooks/useConversations';
import { useInboxStore } from '../../hooks/useInboxStore';
import { useMarkRead } from '../../hooks/useMarkRead';
import { useArchive } from '../../hooks/useArchive';
import { useDeleteConversation } from '../../hooks/useDeleteConversation';
import { cx } from '../primitives/cx';
import { useCoarsePointer } from '../primitives/useCoarsePointer';
import { useNarrowContainer } from '../NotificationSettings/useNarrowContainer';
import { InboxContext, InboxRowContext, findCell } from './InboxContext';
import type {
  InboxAction,
  InboxCell,
  InboxContextValue,
  InboxHandle,
  InboxListApi,
  InboxRowContextValue,
} from './InboxContext';
import { matchesSearch } from './conversationText';
import { useResultCountAnnouncement } from './useResultCountAnnouncement';
import { withStrings } from '../../strings/StringsScope';
import { inbox } from '../../strings/en/inbox';

// Loaded the first time a delete is requested: not needed for the list's first paint.
const InboxDeleteDialog = lazy(() =>
  import('./InboxDeleteDialog').then((m) => ({ default: m.InboxDeleteDialog })),
);

/** Props of {@link InboxRoot}. */
export interface InboxRootProps extends Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue'> {
  /** The open conversation's id (controlled). `null` means none. */
  value?: string | null;
  /** The initially open conversation (uncontrolled). @defaultValue the store's `selectedConversationId` */
  defaultValue?: string | null;
  /** Called with the id whenever the user opens a conversation. */
  onValueChange?: (conversationId: string | null) => void;
  /** Called after a conversation was opened; `InboxLayout` uses it to move focus to the composer. */
  onOpen?: (conversation: Conversation) => void;
  /** Imperative handle: `focusRow(id)`, `focusSearch()`. */
  handleRef?: Ref<InboxHandle>;
  /** Debounce before a typed search is sent to the backend, in ms. @defaultValue 300 */
  searchDebounceMs?: number;
}

const ACTION_ORDER: InboxAction[] = ['read', 'archive', 'delete'];
/** Inbox width (px) below which row actions fold into the "More" menu with a mouse too. */
const COMPACT_BELOW = 330;

const InboxRootInner = forwardRef<HTMLDivElement, InboxRootProps>(function InboxRoot(
  {
    value,
    defaultValue,
    onValueChange,
    onOpen,
    handleRef,
    searchDebounceMs = 300,
    className,
    children,
    ...rest
  },
  ref,
) {
  const { transport, theme, t, announce } = useMessaging('Inbox.Root');
  const store = useInboxStoreApi('Inbox.Root');
  const capabilities = transport.capabilities;
  const query = useConversations();
  const idBase = useId();

  // Search: typed text is local; it reaches the store (and the backend) debounced.
  const storeSearch = useInboxStore((s) => s.search);
  const [searchValue, setSearchValue] = useState(storeSearch);
  const [clientSearch, setClientSearch] = useState('');
  useEffect(() => {
    const id = setTimeout(() => {
      if (capabilities.search) store.getState().setSearch(searchValue);
      else setClientSearch(searchValue);
    }, searchDebounceMs);
    return () => clearTimeout(id);
  }, [searchValue, capabilities.search, store, searchDebounceMs]);

  const rows = useMemo(
    () =>
      clientSearch ? query.conversations.filter((c) => matchesSearch(c, clientSearch)) : query.conversations,
    [query.conversations, clientSearch],
  );
  const rowCount = clientSearch || !query.hasNextPage ? rows.length : query.total;

  // Selection: controlled by `value`, else the store (shared with the thread).
  const storeSelected = useInboxStore((s) => s.selectedConversationId);
  const controlled = value !== undefined;
  const selectedId = controlled ? value : storeSelected;
  useEffect(() => {
    if (!controlled && defaultValue != null && store.getState().selectedConversationId == null)
      store.getState().select(defaultValue);
    // Only on mount, like any defaultValue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onValueChangeRef = useRef(onValueChange);
  onValueChangeRef.current = onValueChange;
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const open = useCallback(
    (c: Conversation) => {
      if (!controlled) store.getState().select(c.id);
      onValueChangeRef.current?.(c.id);
      onOpenRef.current?.(c);
      // After the focus move's own read-out (docs/accessibility.md §2).
      announce(t('openedConversation', { name: c.counterpart.name }), { delayMs: 1500 });
    },
    [controlled, store, announce, t],
  );

  // Roving focus, stored by id (docs/accessibility.md §1, V3).
  const [active, setActiveState] = useState<{ id: string | null; cell: InboxCell }>({
    id: null,
    cell: 'open',
  });
  const setActive = useCallback((id: string | null, cell: InboxCell) => {
    setActiveState((prev) => (prev.id === id && prev.cell === cell ? prev : { id, cell }));
  }, []);

  const actionsFor = useCallback(
    (c: Conversation): InboxAction[] =>
      ACTION_ORDER.filter((action) => {
        if (action === 'read') return c.unreadCount > 0;
        if (action === 'archive') return c.archived ? capabilities.unarchive : capabilities.archive;
        return capabilities.delete;
      }),
    [capabilities],
  );
  // Touch, or a panel under 330 px: one "More" cell instead of three action buttons, so names
  // and previews keep at least 96 px.
  const rootRef = useRef<HTMLDivElement | null>(null);
  const coarse = useCoarsePointer();
  const slim = useNarrowContainer(rootRef, COMPACT_BELOW - 0.02, true);
  const compact = coarse || slim;
  const cellsFor = useCallback(
    (c: Conversation): InboxCell[] => {
      const actions = actionsFor(c);
      if (compact) return actions.length ? ['open', 'more'] : ['open'];
      return ['open', ...actions];
    },
    [actionsFor, compact],
  );

  // `mutate` is stable; the mutation result objects are new on every render.
  const { mutate: markReadMutate } = useMarkRead();
  const { mutate: archiveMutate } = useArchive();
  const { mutate: deleteMutate } = useDeleteConversation();
  const failed = useCallback(() => announce(t('errorGeneric'), { assertive: true }), [announce, t]);
  const markRead = useCallback(
    (c: Conversation) =>
      markReadMutate(
        { conversationId: c.id },
        { onSuccess: () => announce(t('markedRead')), onError: failed },
      ),
    [markReadMutate, announce, t, failed],
  );
  const toggleArchive = useCallback(
    (c: Conversation) => archiveMutate({ conversationId: c.id, archived: !c.archived }, { onError: failed }),
    [archiveMutate, failed],
  );

  const [pendingDelete, setPendingDelete] = useState<string | null>(null);
  // Stays mounted after the first request, so closing runs the dialog's focus return as before.
  const [deleteRequested, setDeleteRequested] = useState(false);
  if (pendingDelete && !deleteRequested) setDeleteRequested(true);
  const focusInsideRef = useRef(false);
  const focusEmptyPendingRef = useRef(false);
  const listApi = useRef<InboxListApi | null>(null);
  const pendingFocusRef = useRef<{ index: number; cell: InboxCell } | null>(null);
  const gridRef = useRef<HTMLDivElement | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);

  useResultCountAnnouncement(
    `${JSON.stringify(query.params)}|${clientSearch}`,
    !query.isFetching || query.isFetchingNextPage,
    rowCount ?? rows.length,
  );

  useImperativeHandle(
    handleRef,
    () => ({
      focusRow(conversationId) {
        const id = conversationId ?? active.id ?? rows[0]?.id;
        const index = id ? rows.findIndex((r) => r.id === id) : -1;
        if (index < 0) return false;
        const direct = findCell(gridRef.current, rows[index]!.id, 'open');
        if (direct) direct.focus();
        else listApi.current?.focusIndex(index, 'open');
        return true;
      },
      focusSearch() {
        searchRef.current?.focus();
      },
    }),
    [active.id, rows],
  );

  const ctx = useMemo<InboxContextValue>(
    () => ({
      query,
      rows,
      rowCount,
      capabilities,
      selectedId,
      open,
      active,
      setActive,
      cellsFor,
      actionsFor,
      markRead,
      toggleArchive,
      requestDelete: setPendingDelete,
      searchValue,
      setSearchValue,
      focusInsideRef,
      focusEmptyPendingRef,
      listApi,
      pendingFocusRef,
      gridRef,
      searchRef,
      idBase,
    }),
    [
      query,
      rows,
      rowCount,
      capabilities,
      selectedId,
      open,
      active,
      setActive,
      cellsFor,
      actionsFor,
      markRead,
      toggleArchive,
      searchValue,
      idBase,
    ],
  );

  // The tab stop falls back to the first row until a row that is still listed had focus.
  const activeListed = useMemo(
    () => active.id !== null && rows.some((r) => r.id === active.id),
    [rows, active.id],
  );
  const tabStopId = activeListed ? active.id : (rows[0]?.id ?? null);
  const tabStopCell = activeListed ? active.cell : 'open';
  const rowCtx = useMemo<InboxRowContextValue>(
    () => ({
      selectedId,
      tabStop: { id: tabStopId, cell: tabStopCell },
      cellsFor,
      actionsFor,
      compact,
      open,
      markRead,
      toggleArchive,
      requestDelete: setPendingDelete,
    }),
    [selectedId, tabStopId, tabStopCell, cellsFor, actionsFor, compact, open, markRead, toggleArchive],
  );

  return (
    <InboxContext.Provider value={ctx}>
      <InboxRowContext.Provider value={rowCtx}>
        <div
          ref={(el) => {
            rootRef.current = el;
            if (typeof ref === 'function') ref(el);
            else if (ref) ref.current = el;
          }}
          className={cx('ik-root', 'ik-inbox', className)}
          data-compact={compact ? '' : undefined}
          data-theme={theme}
          data-slot="inbox"
          {...rest}
        >
          {children}
          {deleteRequested ? (
            <Suspense fallback={null}>
              <InboxDeleteDialog
                conversationId={pendingDelete}
                onCancel={() => setPendingDelete(null)}
                onConfirm={(id) => {
                  // Focus returns to the row's Delete button, then follows to the next row when the row goes (docs/accessibility.md §1, V4).
                  focusInsideRef.current = true;
                  setPendingDelete(null);
                  deleteMutate({ conversationId: id }, { onError: failed });
                }}
              />
            </Suspense>
          ) : null}
        </div>
      </InboxRowContext.Provider>
    </InboxContext.Provider>
  );
});

/**
 * The inbox: loads the list (filter, role and search from the store), owns
 * selection, roving focus and the delete confirmation. Renders one `div`
 * (`ik-root`, so it works alone in a host page) around its parts.
 */
export const InboxRoot = withStrings(inbox, InboxRootInner);
