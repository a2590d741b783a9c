import { isTransportError } from '../../../core/TransportError';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ComponentPropsWithoutRef, FocusEvent, KeyboardEvent } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { RowErrorBoundary } from './RowErrorBoundary';
import { MessageItem } from './MessageItem';
import { useThreadContext } from './ThreadContext';
import { useMarkVisibleRead } from './useMarkVisibleRead';

/** Props of {@link ThreadFeed}. */
export interface ThreadFeedProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Height of a message before it is measured, in px. Without it, an estimate from the message
   * (direction, length of its text, attachments) that is close for the default styles, so that a
   * thread opening at its newest messages needs no second layout pass.
   */
  estimateSize?: number;
  /** Distance from the end (px) that still counts as "at the latest message". @defaultValue 48 */
  bottomThreshold?: number;
}

const MAX_FOCUS_FRAMES = 5;

// Measured with the default styles at a 960 px wide thread: an incoming message of one line with
// its sender line is 88 px, an outgoing one adds its delivery line; each further line of text about
// 20 px (some 80 characters a line), a file or card about 64 px.
const AVERAGE_ROW = 100;
function estimateRow(m: Message): number {
  const lines = Math.floor((m.text?.length ?? 0) / 80);
  return (m.direction === 'outgoing' ? 114 : 88) + lines * 20 + m.attachments.length * 64;
}

function articleOf(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>('[data-slot="message"]') : null;
}

/**
 * The scrolling message list: a `role="feed"` of virtualized `article`s
 * (@tanstack/react-virtual, measured, keyed by message id). Loads older
 * messages at the top while keeping the view anchored, follows new messages
 * only when the reader is at the bottom, keeps the focused article and its
 * neighbours mounted, and handles PgUp/PgDn, Ctrl+Home/End and Shift+F10.
 * The element rendered (and forwarded) is the scroll container.
 */
export const ThreadFeed = forwardRef<HTMLDivElement, ThreadFeedProps>(function ThreadFeed(
  { estimateSize, bottomThreshold = 48, className, onKeyDown, onScroll, onFocus, onBlur, ...rest },
  ref,
) {
  const { t } = useMessaging('ConversationThread.Feed');
  const ctx = useThreadContext('ConversationThread.Feed');
  const { rows, thread, conversationId } = ctx;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const feedRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => scrollerRef.current!);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const lastFocusedIndex = useRef(-1);
  const focusedIndex = focusedKey ? rows.findIndex((r) => r.key === focusedKey) : -1;
  if (focusedIndex >= 0) lastFocusedIndex.current = focusedIndex;
  const viewport = useRef(600);
  /** Whether the reader is at the newest message (within `bottomThreshold`), as of the last scroll. */
  const atBottom = useRef(true);
  const opened = useRef(false);
  const totalSize = useRef(0);
  // What sits above the feed inside the scroller (history note): the virtualizer's `scrollMargin`. Read
  // after a commit that can change it (the note's text) and when the scroller resizes (it may wrap), not
  // during render, where the feed may not be mounted yet (a margin of 0 then left the thread opening
  // short of its newest message by exactly that height); not after every commit either, where the read
  // forces a layout of whatever the commit changed.
  const [scrollMargin, setScrollMargin] = useState(0);
  const readMargin = useCallback(() => {
    const margin = feedRef.current?.offsetTop ?? 0;
    setScrollMargin((m) => (m === margin ? m : margin));
  }, []);
  const historyState = `${thread.isPending}|${thread.isFetchingNextPage}|${thread.reachedStart}|${thread.isError}`;
  useLayoutEffect(readMargin, [readMargin, historyState, t]);

  // Stable between renders: the virtualizer recomputes every row's position when these change.
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  // One pass per rows array: the virtualizer asks again for every unmeasured row after each measurement.
  const estimates = useMemo(() => {
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = estimateSize ?? estimateRow(rows[i]!.message);
    return out;
  }, [rows, estimateSize]);
  const estimate = useCallback((i: number) => estimates[i] ?? AVERAGE_ROW, [estimates]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: estimate,
    getItemKey,
    // Opens at the newest messages when they are already loaded: the first render is the one shown,
    // not the oldest page's rows thrown away by the scroll to the end.
    initialOffset: () => estimates.reduce((a, b) => a + b, 0),
    // docs/accessibility.md §1, V6: at least one viewport of overscan on each side.
    overscan: Math.max(6, Math.ceil(viewport.current / (estimateSize ?? AVERAGE_ROW))),
    // docs/accessibility.md §1, V1: the focused article and its neighbours stay mounted.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex < 0) return indexes;
      const extra = [focusedIndex - 1, focusedIndex, focusedIndex + 1].filter(
        (i) => i >= 0 && i < range.count && !indexes.includes(i),
      );
      return extra.length ? [...indexes, ...extra].sort((a, b) => a - b) : indexes;
    },
    // Prepending older pages keeps the reader's anchor; appends follow only at the end.
    anchorTo: 'end',
    followOnAppend: 'auto',
    scrollEndThreshold: bottomThreshold,
    scrollMargin,
    // Rows measured taller than estimated (narrow widths wrap more) or media that loads can push the
    // newest message down after the thread opened there, without any scroll event: a reader who was
    // at the newest message stays there. Never while the reader is scrolling.
    onChange: (instance) => {
      const total = instance.getTotalSize();
      if (total === totalSize.current) return;
      totalSize.current = total;
      const el = scrollerRef.current;
      if (el && opened.current && atBottom.current && !instance.isScrolling) el.scrollTop = el.scrollHeight;
    },
  });
  viewport.current = virtualizer.scrollRect?.height || viewport.current;

  useMarkVisibleRead(conversationId, scrollerRef, thread.messages);

  // docs/accessibility.md §1, V2: scroll by data index, then focus once rendered (up to 5 frames); a newer move cancels.
  const focusToken = useRef(0);
  const focusIndex = useCallback(
    (index: number) => {
      const row = rowsRef.current[index];
      if (!row) return;
      const token = ++focusToken.current;
      setFocusedKey(row.key);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      let frames = 0;
      const attempt = () => {
        if (token !== focusToken.current) return;
        const el = Array.from(
          scrollerRef.current?.querySelectorAll<HTMLElement>('[data-slot="message"]') ?? [],
        ).find((a) => a.dataset.rowKey === row.key);
        if (el) el.focus({ preventScroll: true });
        else if (++frames < MAX_FOCUS_FRAMES) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [virtualizer],
  );

  const scrollToLatest = useCallback(() => {
    const last = rowsRef.current.length - 1;
    if (last >= 0) virtualizer.scrollToIndex(last, { align: 'end' });
  }, [virtualizer]);

  const { setUnseen, setAtBottom } = ctx;
  useImperativeHandle(
    ctx.feedControls,
    () => ({
      jumpToLatest: () => {
        setUnseen(() => 0);
        scrollToLatest();
        focusIndex(rowsRef.current.length - 1);
      },
      focusRow: (key: string) => {
        const i = rowsRef.current.findIndex((r) => r.key === key);
        if (i >= 0) focusIndex(i);
      },
      revealRow: (key: string) => {
        const i = rowsRef.current.findIndex((r) => r.key === key);
        if (i >= 0) virtualizer.scrollToIndex(i, { align: 'center' });
      },
    }),
    [focusIndex, scrollToLatest, setUnseen, virtualizer],
  );

  // The same when the scroller itself gets shorter (the header above it wraps once the conversation has
  // loaded, the host resizes the pane): the virtualizer reports no change when its range stays the same.
  useEffect(() => {
    const el = scrollerRef.current;
    const win = el?.ownerDocument.defaultView;
    if (!el || !win || typeof win.ResizeObserver === 'undefined') return undefined;
    let height = el.clientHeight;
    const observer = new win.ResizeObserver(() => {
      readMargin();
      if (el.clientHeight === height) return;
      height = el.clientHeight;
      if (opened.current && atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [readMargin]);

  // Open at the newest message, once the server's newest page is in: unsent outbox messages (a send
  // right at mount, or entries restored after a reload) can render first, and the history landing
  // above them afterwards would otherwise leave the reader at the top of it.
  const historyIn = !thread.isPending;
  useLayoutEffect(() => {
    if (opened.current || rows.length === 0 || !historyIn) return;
    // The margin above the feed is not in the virtualizer's options yet: the next render has it.
    if ((feedRef.current?.offsetTop ?? 0) !== scrollMargin) return;
    opened.current = true;
    scrollToLatest();
  }, [rows.length, historyIn, scrollToLatest, scrollMargin]);

  // Appends: follow (virtualizer) when at the bottom; own sends always scroll; otherwise count them.
  const lastKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    const previous = lastKey.current;
    lastKey.current = rows.at(-1)?.key;
    if (previous === undefined || previous === lastKey.current) return;
    const from = rows.findIndex((r) => r.key === previous);
    if (from < 0) return;
    const appended = rows.slice(from + 1).map((r) => r.message);
    if (
      appended.some((m) => m.direction === 'outgoing' && (m.status === 'sending' || m.status === 'queued'))
    ) {
      scrollToLatest();
      return;
    }
    if (!atBottom.current) {
      const fresh = appended.filter((m) => m.direction === 'incoming' && m.kind !== 'system').length;
      if (fresh) setUnseen((n) => n + fresh);
    }
  }, [rows, scrollToLatest, setUnseen]);

  // PgUp on the first loaded article: focus the message just above it once the older page lands.
  const focusAfterPrepend = useRef<string | null>(null);
  useLayoutEffect(() => {
    const key = focusAfterPrepend.current;
    if (!key) return;
    const i = rows.findIndex((r) => r.key === key);
    if (i > 0) {
      focusAfterPrepend.current = null;
      focusIndex(i - 1);
    } else if (!thread.isFetchingNextPage) focusAfterPrepend.current = null;
  }, [rows, thread.isFetchingNextPage, focusIndex]);

  const loadOlder = useCallback(() => {
    if (thread.hasNextPage && !thread.isFetchingNextPage) void thread.fetchNextPage();
  }, [thread]);

  // Too few messages to scroll: keep loading until the viewport fills or history starts.
  // (Layout is read only when there is more to load.)
  useEffect(() => {
    const el = scrollerRef.current;
    if (!thread.hasNextPage || !opened.current || !el) return;
    if (el.clientHeight > 0 && el.scrollHeight <= el.clientHeight) loadOlder();
  });

  const handleScroll = (e: React.UIEvent<HTMLDivElement>) => {
    onScroll?.(e);
    const el = e.currentTarget;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= bottomThreshold;
    if (bottom !== atBottom.current) {
      atBottom.current = bottom;
      setAtBottom(bottom);
      if (bottom) setUnseen(() => 0);
    }
    if (opened.current && el.scrollTop < Math.max(200, el.clientHeight / 2)) loadOlder();
  };

  const focusComposer = () => {
    if (ctx.onRequestComposerFocus) return ctx.onRequestComposerFocus();
    const root = ctx.rootRef.current;
    const scope =
      root?.closest('[data-slot="inbox-layout"]') ?? root?.closest('.ik-root') ?? root?.ownerDocument;
    scope?.querySelector<HTMLElement>('[data-slot="composer-input"]')?.focus();
  };

  const handleKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(e);
    if (e.defaultPrevented) return;
    const article = articleOf(e.target);
    const index = article ? rowsRef.current.findIndex((r) => r.key === article.dataset.rowKey) : -1;
    if ((e.ctrlKey || e.metaKey) && e.key === 'End') focusComposer();
    else if ((e.ctrlKey || e.metaKey) && e.key === 'Home') ctx.headingRef.current?.focus();
    else if (index < 0) return;
    else if (e.key === 'PageDown') {
      if (index < rowsRef.current.length - 1) focusIndex(index + 1);
    } else if (e.key === 'PageUp') {
      if (index > 0) focusIndex(index - 1);
      else if (thread.hasNextPage) {
        focusAfterPrepend.current = rowsRef.current[0]!.key;
        loadOlder();
      }
    } else if ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu') {
      const row = rowsRef.current[index]!;
      ctx.setMenuFor(row.message.id);
    } else return;
    e.preventDefault();
  };

  const handleFocus = (e: FocusEvent<HTMLDivElement>) => {
    onFocus?.(e);
    const key = articleOf(e.target)?.dataset.rowKey;
    if (key && key !== focusedKey) setFocusedKey(key);
  };

  // docs/accessibility.md §1, V4: if the focused article is unmounted anyway (deleted, pruned), focus the next logical one.
  const handleBlur = (e: FocusEvent<HTMLDivElement>) => {
    onBlur?.(e);
    if (e.relatedTarget !== null) return;
    const lost = e.target;
    const doc = lost.ownerDocument;
    setTimeout(() => {
      if (lost.isConnected || (doc.activeElement && doc.activeElement !== doc.body)) return;
      const n = rowsRef.current.length;
      if (n > 0) focusIndex(Math.min(Math.max(lastFocusedIndex.current, 0), n - 1));
    }, 0);
  };

  // Positions count from the oldest loaded message: the server's total (when it gives one) minus what is
  // loaded from it. Unsent outbox messages come after the server's, so a send adds a position at the
  // end and the messages already shown keep theirs. The set size stays −1 until the start of history
  // is loaded (docs/accessibility.md §3): a server total can be stale by the time the reader gets there.
  const serverTotal = thread.reachedStart ? thread.serverCount : thread.data?.pages[0]?.total;
  const older =
    serverTotal !== undefined && serverTotal >= thread.serverCount ? serverTotal - thread.serverCount : -1;
  const items = virtualizer.getVirtualItems();
  const margin = virtualizer.options.scrollMargin;
  return (
    <div
      ref={scrollerRef}
      className={cx('ik-thread__scroller', className)}
      data-slot="thread-scroller"
      onScroll={handleScroll}
      {...rest}
    >
      <p
        className="ik-thread__history"
        data-slot="thread-history"
        data-state={thread.isFetchingNextPage ? 'loading' : thread.reachedStart ? 'start' : 'more'}
      >
        {thread.isPending
          ? t('loading')
          : thread.isFetchingNextPage
            ? t('loadingOlder')
            : thread.reachedStart
              ? t('startOfConversation')
              : null}
        {thread.isError &&
        !thread.isFetchingNextPage &&
        isTransportError(thread.error) &&
        thread.error.code === 'unauthorized' ? (
          t('signedOut')
        ) : thread.isError && !thread.isFetchingNextPage ? (
          <>
            {t('threadError')}{' '}
            <button
              type="button"
              className="ik-button"
              onClick={() => void (thread.data ? thread.fetchNextPage() : thread.refetch())}
            >
              {t('retry')}
            </button>
          </>
        ) : null}
      </p>
      {/* The APG feed pattern puts its keys (PgUp/PgDn, Ctrl+Home/End) on the feed itself. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={feedRef}
        role="feed"
        aria-label={t('messages')}
        aria-busy={thread.isFetchingNextPage || thread.isPending}
        className="ik-thread__feed"
        data-slot="thread-feed"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        onKeyDown={handleKeyDown}
        onFocus={handleFocus}
        onBlur={handleBlur}
      >
        {items.map((item) => {
          const row = rows[item.index]!;
          const style = {
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            transform: `translateY(${item.start - margin}px)`,
          } as const;
          // The outer boundary catches what MessageItem's own (body-level) boundary cannot: its header line.
          return (
            <RowErrorBoundary
              key={item.key}
              resetKey={row.message}
              fallback={
                <article
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  tabIndex={-1}
                  className="ik-message"
                  style={style}
                >
                  <p className="ik-message__body ik-message__render-error">{t('renderError')}</p>
                </article>
              }
            >
              <MessageItem
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-row-key={row.key}
                row={row}
                posinset={older >= 0 ? older + item.index + 1 : item.index + 1}
                setsize={thread.reachedStart ? rows.length : -1}
                style={style}
              />
            </RowErrorBoundary>
          );
        })}
      </div>
    </div>
  );
});
