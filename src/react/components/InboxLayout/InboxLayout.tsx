import {
  Suspense,
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { Conversation } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { useInboxStoreApi } from '../../store/useInboxStoreApi';
import { useInboxStore } from '../../hooks/useInboxStore';
import { cx } from '../primitives/cx';
import { Inbox } from '../Inbox';
import type { InboxHandle, InboxProps } from '../Inbox';
import { DefaultComposer, DefaultThread, PaneLoadBoundary, loadPanes } from './lazyPanes';
import { useContainerLayout } from './useContainerLayout';
import { useFocusRequest } from './useFocusRequest';
import { withStrings } from '../../strings/StringsScope';
import { layout } from '../../strings/en/layout';

/** A pane `focusPane` can move to. */
export type InboxLayoutPane = 'list' | 'thread' | 'composer';

/** Imperative handle of {@link InboxLayout} (its `ref`), e.g. for skip links. */
export interface InboxLayoutHandle {
  /** Shows the pane (narrow layout) and focuses it: the list's row, the thread's heading, or the composer's field. */
  focusPane(pane: InboxLayoutPane): void;
  /** The root element. */
  readonly element: HTMLDivElement | null;
}

/** What `renderThread` gets besides the conversation id. */
export interface ThreadSlotProps {
  /** Present in the narrow layout: shows "Back to conversations" and returns to the list. */
  onBack?: () => void;
  /** Moves focus to the composer (the thread's Ctrl+End). */
  onRequestComposerFocus: () => void;
}

/** Props of {@link InboxLayout}. */
export interface InboxLayoutProps extends Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue'> {
  /** The open conversation (controlled). `null` means none. */
  value?: string | null;
  /** The initially open conversation. @defaultValue the store's `selectedConversationId` */
  defaultValue?: string | null;
  /** Called when the user opens a conversation or deletes the open one. */
  onValueChange?: (conversationId: string | null) => void;
  /**
   * Renders the thread pane for the open conversation. The default thread and composer are
   * loaded on demand (prefetched when the browser is idle after mount), so the layout's first
   * paint needs only the list; yours render as given.
   * @defaultValue `<ConversationThread conversationId={id} onBack={…} />`
   */
  renderThread?: (conversationId: string, slot: ThreadSlotProps) => ReactNode;
  /** Renders the composer under the thread; `null` for a read-only layout. @defaultValue `<Composer conversationId={id} />` */
  renderComposer?: ((conversationId: string) => ReactNode) | null;
  /** Props for the inbox in the list pane. */
  inboxProps?: Omit<InboxProps, 'value' | 'defaultValue' | 'onValueChange' | 'onOpen' | 'handleRef'>;
  /** Force a layout instead of measuring the container. @defaultValue 'auto' */
  layout?: 'auto' | 'narrow' | 'wide';
  /**
   * In the narrow layout, opening a conversation adds a browser history entry, so the
   * browser's (or the phone's) Back returns to the list. Set `false` when the host's
   * router owns history and calls `focusPane('list')` itself. @defaultValue true
   */
  historyBack?: boolean;
}

/** Marks the history entry the narrow layout pushes when a thread opens. */
const HISTORY_KEY = 'inboxKitThread';

// The default thread and composer load on demand (first open, or when the browser is idle after mount).
const defaultThread = (id: string, slot: ThreadSlotProps) => (
  <DefaultThread
    conversationId={id}
    onRequestComposerFocus={slot.onRequestComposerFocus}
    {...(slot.onBack ? { onBack: slot.onBack } : {})}
  />
);
const defaultComposer = (id: string) => <DefaultComposer conversationId={id} />;

const InboxLayoutInner = forwardRef<InboxLayoutHandle, InboxLayoutProps>(function InboxLayout(
  {
    value,
    defaultValue,
    onValueChange,
    renderThread = defaultThread,
    renderComposer = defaultComposer,
    inboxProps,
    layout = 'auto',
    historyBack = true,
    className,
    ...rest
  },
  ref,
) {
  const { t, theme } = useMessaging('InboxLayout');
  const store = useInboxStoreApi('InboxLayout');
  const rootRef = useRef<HTMLDivElement>(null);
  const listPaneRef = useRef<HTMLElement>(null);
  const threadPaneRef = useRef<HTMLDivElement>(null);
  const inboxRef = useRef<InboxHandle>(null);
  const mode = useContainerLayout(rootRef, layout === 'auto' ? undefined : layout);
  const narrow = mode === 'narrow';
  const listHeadingId = useId();
  const placeholderHeadingId = useId();

  const storeSelected = useInboxStore((s) => s.selectedConversationId);
  const controlled = value !== undefined;
  const selectedId = controlled ? value : storeSelected;
  useEffect(() => {
    if (!controlled && defaultValue != null && store.getState().selectedConversationId == null)
      store.getState().select(defaultValue);
    // Only on mount, like any defaultValue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const usesDefaults = renderThread === defaultThread || renderComposer === defaultComposer;
  useEffect(() => {
    if (!usesDefaults) return undefined;
    // Fetch the thread + composer chunk once the list is up, so opening a conversation does not wait for it.
    const idle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback
        : (cb: () => void) => setTimeout(cb, 200);
    const cancel = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout;
    const handle = idle(() => void loadPanes().catch(() => undefined));
    return () => cancel(handle as number);
  }, [usesDefaults]);
  const onValueChangeRef = useRef(onValueChange);
  onValueChangeRef.current = onValueChange;

  // A conversation selected from outside (deep link, controlled value, restored state) opens
  // its thread, in the narrow layout too; Back returns to the list without unselecting.
  const [view, setView] = useState<'list' | 'thread'>(() => (selectedId ? 'thread' : 'list'));
  const previousSelected = useRef(selectedId);
  useEffect(() => {
    if (selectedId && selectedId !== previousSelected.current) setView('thread');
    previousSelected.current = selectedId;
  }, [selectedId]);
  const showThread = !!selectedId && view === 'thread';
  const listHidden = narrow && showThread;
  const threadHidden = narrow && !showThread;
  // The row Back (and focusPane('list')) returns to: the open conversation's.
  const lastOpened = useRef<string | null>(selectedId);
  useEffect(() => {
    if (selectedId) lastOpened.current = selectedId;
  }, [selectedId]);

  const requestFocus = useFocusRequest({ threadPaneRef, inboxRef, lastOpened });

  const focusPane = useCallback(
    (pane: InboxLayoutPane) => {
      if (pane === 'list' || !selectedId) {
        setView('list');
        requestFocus('list');
      } else {
        setView('thread');
        requestFocus(pane);
      }
    },
    [selectedId, requestFocus],
  );
  useImperativeHandle(
    ref,
    () => ({
      focusPane,
      get element() {
        return rootRef.current;
      },
    }),
    [focusPane],
  );

  // Narrow layout: the open thread is a history entry of its own, so Back (browser, phone,
  // or the header's button) returns to the list with focus on the row that was opened.
  const pushed = useRef(false);
  const win = () => rootRef.current?.ownerDocument.defaultView ?? null;
  const onOpen = useCallback(
    (c: Conversation) => {
      lastOpened.current = c.id;
      setView('thread');
      const w = rootRef.current?.ownerDocument.defaultView;
      if (historyBack && narrow && w && !pushed.current) {
        w.history.pushState({ ...(w.history.state as object | null), [HISTORY_KEY]: c.id }, '');
        pushed.current = true;
      }
      // docs/accessibility.md §2, §8: opening moves focus to the composer (the heading for read-only conversations).
      requestFocus(renderComposer ? 'composer' : 'thread');
    },
    [requestFocus, renderComposer, historyBack, narrow],
  );
  const showList = useCallback(() => {
    setView('list');
    requestFocus('list');
  }, [requestFocus]);
  const onBack = useCallback(() => {
    const w = win();
    const state = w?.history.state as Record<string, unknown> | null | undefined;
    // Our own entry is on top: leave it the way the browser's Back would (popstate shows the list).
    if (pushed.current && w && state && HISTORY_KEY in state) w.history.back();
    else showList();
  }, [showList]);
  useEffect(() => {
    const w = win();
    if (!w || !historyBack) return undefined;
    const onPop = () => {
      if (!pushed.current) return;
      pushed.current = false;
      showList();
    };
    w.addEventListener('popstate', onPop);
    return () => w.removeEventListener('popstate', onPop);
  }, [historyBack, showList]);

  // Resize: when a pane becomes hidden with focus inside, focus moves to the visible one.
  // Only on layout changes: opening and Back move focus themselves.
  const prevMode = useRef(mode);
  useEffect(() => {
    if (prevMode.current === mode) return;
    prevMode.current = mode;
    const focused = rootRef.current?.ownerDocument.activeElement;
    if (!focused) return;
    if (listHidden && listPaneRef.current?.contains(focused)) requestFocus('thread');
    else if (threadHidden && threadPaneRef.current?.contains(focused)) requestFocus('list');
  }, [mode, listHidden, threadHidden, requestFocus]);

  // Escape in the narrow thread returns to the list, unless a menu, popup or dialog used it
  // (they call preventDefault). Listened to on the document, so React's own handlers below it
  // (which run at the React root) have had their say first.
  const escapeState = useRef({ narrow, showThread, onBack });
  escapeState.current = { narrow, showThread, onBack };
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return undefined;
    const onKey = (e: KeyboardEvent) => {
      const { narrow: isNarrow, showThread: threadShown, onBack: back } = escapeState.current;
      if (e.defaultPrevented || e.key !== 'Escape' || !isNarrow || !threadShown) return;
      const target = e.target as Element;
      if (!threadPaneRef.current?.contains(target) || target.closest('dialog, [role="menu"]')) return;
      e.preventDefault();
      back();
    };
    const doc = root.ownerDocument;
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, []);

  const select = (id: string | null) => {
    if (!controlled) store.getState().select(id);
    onValueChangeRef.current?.(id);
  };

  return (
    <div
      ref={rootRef}
      className={cx('ik-root', 'ik-layout', className)}
      data-theme={theme}
      data-layout={mode}
      data-view={showThread ? 'thread' : 'list'}
      data-slot="inbox-layout"
      {...rest}
    >
      <div className="ik-layout__panes" data-slot="inbox-layout-panes">
        <section
          ref={listPaneRef}
          className="ik-layout__pane"
          data-pane="list"
          aria-labelledby={listHeadingId}
          hidden={listHidden}
          inert={listHidden}
        >
          <h2 id={listHeadingId} className="ik-layout__heading" tabIndex={-1}>
            {t('conversations')}
          </h2>
          <Inbox
            {...inboxProps}
            value={selectedId}
            onValueChange={select}
            onOpen={onOpen}
            handleRef={inboxRef}
          />
        </section>
        <div
          ref={threadPaneRef}
          className="ik-layout__pane"
          data-pane="thread"
          hidden={threadHidden}
          inert={threadHidden}
        >
          {selectedId ? (
            <PaneLoadBoundary>
              <Suspense fallback={<p className="ik-layout__loading">{t('loading')}</p>}>
                <div className="ik-layout__thread" data-slot="inbox-layout-thread">
                  {renderThread(selectedId, {
                    ...(narrow ? { onBack } : {}),
                    onRequestComposerFocus: () => requestFocus('composer'),
                  })}
                </div>
                {renderComposer ? (
                  <div className="ik-layout__composer" data-slot="inbox-layout-composer">
                    {renderComposer(selectedId)}
                  </div>
                ) : null}
              </Suspense>
            </PaneLoadBoundary>
          ) : (
            <section className="ik-layout__placeholder" aria-labelledby={placeholderHeadingId}>
              <h2 id={placeholderHeadingId} className="ik-layout__heading ik-sr-only" tabIndex={-1}>
                {t('messages')}
              </h2>
              <p className="ik-layout__placeholder-text">{t('selectConversation')}</p>
            </section>
          )}
        </div>
      </div>
    </div>
  );
});

/**
 * The drop-in widget: the inbox and the open conversation side by side in a
 * wide container, one at a time (with "Back to conversations") in a narrow
 * one. Narrowness is the container's width, so it fits any host column. The
 * hidden pane gets `hidden` + `inert` and stays mounted. No `<main>`: the
 * host owns landmarks; each pane is a labelled section.
 */
export const InboxLayout = withStrings(layout, InboxLayoutInner);
