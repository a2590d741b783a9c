import { focusManager, onlineManager, useQueryClient } from '@tanstack/react-query';
import type { QueryFunction, QueryKey } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useLatest } from './useLatest';

/** Options of {@link useCachedQueryData}. */
export interface CachedQueryDataOptions<T, K extends QueryKey = QueryKey> {
  queryKey: K;
  /** Without it, the client's default `queryFn` fetches. */
  queryFn?: QueryFunction<T, K, never> | undefined;
  /** Refetch every this many ms while the page is visible; `false` for never. */
  intervalMs: number | false;
}

const ignore = () => undefined;

function cacheOptions<T, K extends QueryKey>(
  { queryKey, queryFn }: CachedQueryDataOptions<T, K>,
  staleTime?: 0,
) {
  return {
    queryKey,
    ...(queryFn ? { queryFn } : {}),
    gcTime: Infinity,
    ...(staleTime === 0 ? { staleTime } : {}),
  };
}

/**
 * The data of one query, read straight from the QueryClient's cache and kept
 * fresh without a react-query `QueryObserver`.
 *
 * Why not `useQuery`: `UnreadBadge` is often the only inbox-kit component on
 * a page (a header, a nav item), and `QueryObserver` with `useBaseQuery` is
 * about 3 kB gzip, a fifth of the badge's budget. A badge needs far less of
 * it: one cache entry, shared with everything else (realtime patches,
 * optimistic mark-read and `useQuery` users of the same key all show up here
 * because it is the same entry), fetched when it is stale. So this hook
 * subscribes to the cache and fetches through `QueryClient.fetchQuery`:
 *
 * - on mount, on window focus and on reconnect, when the entry is stale
 *   (the client's `staleTime`), like `useQuery`'s defaults;
 * - every `intervalMs` while the page is visible (`refetchInterval` without
 *   `refetchIntervalInBackground`);
 * - when the entry is invalidated (`invalidateQueries`): an entry without
 *   observers is only marked stale by react-query, so this hook refetches it.
 *   If the invalidation hit a fetch already in flight, that fetch started
 *   before whatever made the entry stale (a mark-read), so it is cancelled
 *   and started again, unless a `useQuery` user already did.
 *
 * The entry is never garbage-collected (`gcTime: Infinity`): a widget that
 * stays mounted for hours must not lose its count to the 5-minute gc while
 * nothing else observes it. It is tiny, and `removeQueries` (sign-out) still
 * drops it; a removed entry is not fetched again until the next interval,
 * focus or invalidation, so a sign-out does not refill the old user's count.
 *
 * Errors keep the last data (a badge keeps its count through a failed poll);
 * `undefined` means nothing has loaded yet.
 */
export function useCachedQueryData<T, K extends QueryKey = QueryKey>(
  options: CachedQueryDataOptions<T, K>,
): T | undefined {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const latest = useLatest(options);
  // The entry exists from the first render, as with `useQuery`: a server-render prepass that fetches
  // the cache's pending queries (and the devtools) see it. Building is idempotent.
  const { queryHash } = cache.build(client, client.defaultQueryOptions(cacheOptions(options)));

  const read = () => cache.get<T>(queryHash)?.state.data;
  const subscribe = (onChange: () => void) =>
    cache.subscribe((event) => {
      // Only data changes: an `added` event can fire while another component renders (it builds the entry).
      if (event.query.queryHash === queryHash && (event.type === 'updated' || event.type === 'removed'))
        onChange();
    });
  const data = useSyncExternalStore(subscribe, read, read);

  const { intervalMs } = options;
  useEffect(() => {
    /** Fetches when stale (or always, with `force`); joins a fetch in flight. */
    const refresh = (force = false) =>
      void client.fetchQuery(cacheOptions(latest.current, force ? 0 : undefined)).catch(ignore);

    const unsubscribeCache = cache.subscribe((event) => {
      if (
        event.query.queryHash !== queryHash ||
        event.type !== 'updated' ||
        event.action.type !== 'invalidate'
      )
        return;
      const query = event.query;
      const stalePromise = query.state.fetchStatus === 'fetching' ? query.promise : undefined;
      // After the invalidating call has run: a `useQuery` user of this key may have started a refetch to join.
      queueMicrotask(() => {
        if (stalePromise && query.promise === stalePromise) {
          void query.fetch(undefined, { cancelRefetch: true }).catch(ignore);
        } else {
          refresh();
        }
      });
    });
    const unsubscribeFocus = focusManager.subscribe((focused) => focused && refresh());
    const unsubscribeOnline = onlineManager.subscribe((online) => online && refresh());
    const timer =
      intervalMs === false
        ? undefined
        : setInterval(() => {
            if (focusManager.isFocused()) refresh(true);
          }, intervalMs);
    refresh();
    return () => {
      unsubscribeCache();
      unsubscribeFocus();
      unsubscribeOnline();
      clearInterval(timer);
    };
  }, [client, cache, queryHash, intervalMs, latest]);

  return data;
}
