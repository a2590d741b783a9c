import {
  useCallback,
  useContext,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { KeyboardEvent } from 'react';
import type { Message } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { rowKey } from './rows';
import { findMatches, foldQuery, SearchStoreContext } from './search';
import { useThreadContext } from './ThreadContext';

/** How many pages one "Search older messages" may load before it stops and lets the user go on. */
const MAX_PAGES_PER_SEARCH = 200;

/**
 * Find in this conversation: a toggle button for the thread header and, when open, a search field with
 * "n of m", newer/older and "Search older messages". Ctrl/Cmd+F anywhere in the thread opens it; Enter
 * goes to the next older match, Shift+Enter to the newer one, Escape closes it. Matching ignores case and
 * diacritics in the user's locale; matches are highlighted in the messages and the count is announced.
 * Typing never waits for the search: the query is deferred, and each message's folded text is computed
 * once.
 */
export function ThreadSearch() {
  const { t, locale, announce } = useMessaging('ConversationThread.Search');
  const ctx = useThreadContext('ConversationThread.Search');
  const store = useContext(SearchStoreContext);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [searchingOlder, setSearchingOlder] = useState<{ loaded: number } | null>(null);
  const cancelOlder = useRef<() => void>(() => undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  const deferred = useDeferredValue(query);
  const folded = useMemo(() => foldQuery(deferred, locale), [deferred, locale]);
  const messages = ctx.thread.messages;
  const matches = useMemo(() => findMatches(messages, folded, locale), [messages, folded, locale]);
  const found = matches.findIndex((m) => m.id === activeId);
  const index = found >= 0 ? found : matches.length ? 0 : -1;
  const current: Message | undefined = matches[index];

  const { feedControls, rootRef, thread } = ctx;
  // Highlight and reveal the current match (scrolling only: focus stays in the field).
  useEffect(() => {
    store?.set({ query: open ? folded : '', activeId: open ? (current?.id ?? null) : null, locale });
    if (open && current) feedControls.current?.revealRow(rowKey(current));
  }, [store, open, folded, current, locale, feedControls]);
  const position = current ? t('searchPosition', { index: index + 1, count: matches.length }) : '';
  useEffect(() => {
    if (!open || !folded) return;
    announce(matches.length ? position : t('searchNoMatches'));
  }, [open, folded, position, matches.length, announce, t]);

  const show = useCallback(() => {
    setOpen(true);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    });
  }, []);
  const close = useCallback(() => {
    cancelOlder.current();
    setOpen(false);
    setQuery('');
    setActiveId(null);
    store?.set({ query: '', activeId: null });
    requestAnimationFrame(() => toggleRef.current?.focus());
  }, [store]);

  // Ctrl/Cmd+F while focus is anywhere in this thread (outside it, the browser's own find still works).
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        show();
      }
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [rootRef, show]);

  const step = (by: 1 | -1) => {
    if (!matches.length) return;
    const next = matches[(index + by + matches.length) % matches.length];
    setActiveId(next?.id ?? null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const searchOlder = async () => {
    if (!folded || searchingOlder) return;
    let cancelled = false;
    cancelOlder.current = () => {
      cancelled = true;
    };
    const before = matches.length;
    setSearchingOlder({ loaded: messages.length });
    try {
      let hasMore = thread.hasNextPage;
      for (let pages = 0; hasMore && !cancelled && pages < MAX_PAGES_PER_SEARCH; pages++) {
        const result = await thread.fetchNextPage();
        if (result.isError) break;
        hasMore = result.hasNextPage;
        const all = (result.data?.pages ?? []).flatMap((p) => p.items);
        setSearchingOlder({ loaded: all.length });
        const now = findMatches(all, folded, locale);
        if (now.length > before) {
          // The newest of the matches just found: the one after those there were.
          setActiveId(now[before]?.id ?? null);
          return;
        }
      }
      if (!cancelled) announce(hasMore ? t('searchOlderStopped') : t('searchReachedStart'));
    } finally {
      setSearchingOlder(null);
      cancelOlder.current = () => undefined;
    }
  };

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        className="ik-button ik-thread__search-toggle"
        data-variant="ghost"
        aria-expanded={open}
        aria-controls={open ? `${id}-bar` : undefined}
        aria-label={t('findInConversation')}
        title={t('findInConversation')}
        onClick={() => (open ? close() : show())}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" className="ik-icon">
          <path
            fill="currentColor"
            d="M6.5 1a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 6.5 1Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"
          />
        </svg>
      </button>
      {open ? (
        <div id={`${id}-bar`} className="ik-thread__search" data-slot="thread-search" role="search">
          <input
            ref={inputRef}
            type="search"
            className="ik-thread__search-input"
            aria-label={t('findInConversation')}
            aria-describedby={`${id}-count`}
            placeholder={t('findInConversationPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActiveId(null);
            }}
            onKeyDown={onKeyDown}
          />
          <span id={`${id}-count`} className="ik-thread__search-count" data-slot="thread-search-count">
            {folded ? (matches.length ? position : t('searchNoMatches')) : ''}
          </span>
          <button
            type="button"
            className="ik-button"
            data-variant="ghost"
            aria-label={t('searchPrevious')}
            title={t('searchPrevious')}
            disabled={matches.length < 2}
            onClick={() => step(-1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="ik-button"
            data-variant="ghost"
            aria-label={t('searchNext')}
            title={t('searchNext')}
            disabled={matches.length < 2}
            onClick={() => step(1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          {searchingOlder ? (
            <>
              <span role="status" className="ik-thread__search-progress">
                {t('searchingOlder', { count: searchingOlder.loaded })}
              </span>
              <button type="button" className="ik-button" onClick={() => cancelOlder.current()}>
                {t('cancel')}
              </button>
            </>
          ) : folded && thread.hasNextPage ? (
            <button type="button" className="ik-button" onClick={() => void searchOlder()}>
              {t('searchOlder')}
            </button>
          ) : null}
          <button
            type="button"
            className="ik-button"
            data-variant="ghost"
            aria-label={t('closeSearch')}
            title={t('closeSearch')}
            onClick={close}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </>
  );
}
