import type { QueryClient } from '@tanstack/react-query';
import type { RealtimeEvent } from '../../core/types';
import type { MessagingTransport } from '../../transports/types';
import { inboxKeys } from '../queryKeys';
import type { RealtimeHandler } from './createRealtimeHandler';

type Handlers = typeof import('./createRealtimeHandler');
let handlers: Promise<Handlers> | undefined;
/** The event handling (cache patcher included), loaded on demand: hosts without realtime never download it. */
const loadHandlers = () =>
  (handlers ??= import('./createRealtimeHandler').catch((e: unknown) => {
    handlers = undefined;
    throw e;
  }));

/** One provider (or widget) that wants realtime events for a cache. */
export interface RealtimeSubscriber {
  scope: string;
}

interface Entry {
  unsubscribe: () => void;
  subscribers: Set<RealtimeSubscriber>;
  /** Set once the handler has loaded. */
  handler?: RealtimeHandler;
  /** Events that arrived before the handler loaded, in order. */
  pending: RealtimeEvent[];
  /** What the source last said about its stream; `undefined` when it never says (assumed live). */
  healthy?: boolean;
}

/** How often the inbox and counts still refetch while a realtime stream is healthy: a safety net. */
export const REALTIME_SAFETY_NET_MS = 120_000;

/**
 * Live subscriptions: one per QueryClient and transport, however many
 * providers and widgets share them. Events patch the shared cache once.
 */
const registry = new WeakMap<QueryClient, Map<MessagingTransport, Entry>>();

/**
 * Applies an event, or queues it until the handler has loaded (it starts
 * loading when the subscription opens, so usually it is there already). The
 * transport subscription itself opens synchronously on join, so nothing sent
 * meanwhile is missed.
 */
function receive(client: QueryClient, entry: Entry, event: RealtimeEvent): void {
  if (event.type === 'stream.status') return onStatus(client, entry, event.healthy);
  if (entry.handler) return entry.handler.handle(event);
  entry.pending.push(event);
  if (entry.pending.length > 1) return;
  void loadHandlers().then(
    (m) => {
      ready(client, entry, m);
      for (const e of entry.pending.splice(0)) entry.handler!.handle(e);
    },
    () => {
      entry.pending.length = 0; // could not load: the cache catches up on the next refetch
    },
  );
}

/**
 * A dropped stream makes the lists and counts refetch now, which also
 * re-reads their poll interval ({@link pollIntervalFor}) at the normal rate.
 */
function onStatus(client: QueryClient, entry: Entry, healthy: boolean): void {
  const was = entry.healthy;
  entry.healthy = healthy;
  if (healthy || was === false) return;
  for (const { scope } of entry.subscribers) {
    void client.invalidateQueries({ queryKey: inboxKeys.unread(scope) }, { cancelRefetch: false });
    void client.invalidateQueries(
      { queryKey: [...inboxKeys.conversations(scope), 'list'] },
      { cancelRefetch: false },
    );
  }
}

/**
 * The poll interval of the inbox and unread counts: `pollIntervalMs` without
 * realtime or while the realtime stream is down, the slow
 * {@link REALTIME_SAFETY_NET_MS} while it is live. `false` turns polling off.
 */
export function pollIntervalFor(
  client: QueryClient,
  transport: MessagingTransport,
  pollIntervalMs: number | false | undefined,
): number | false {
  if (!pollIntervalMs) return false;
  if (!transport.subscribe) return pollIntervalMs;
  const healthy = registry.get(client)?.get(transport)?.healthy;
  return healthy === false ? pollIntervalMs : Math.max(pollIntervalMs, REALTIME_SAFETY_NET_MS);
}

function ready(client: QueryClient, entry: Entry, m: Handlers): void {
  entry.handler ??= m.createRealtimeHandler(client, () => entry.subscribers.values().next().value?.scope);
}

/**
 * Joins the subscription of `transport` for `client`, opening it on the first
 * join. Returns a leave function; the last leave closes it (deferred by a
 * microtask so a StrictMode remount does not reconnect).
 */
export function joinRealtime(
  client: QueryClient,
  transport: MessagingTransport,
  subscriber: RealtimeSubscriber,
): () => void {
  if (!transport.subscribe) return () => {};
  let byTransport = registry.get(client);
  if (!byTransport) registry.set(client, (byTransport = new Map<MessagingTransport, Entry>()));
  let entry = byTransport.get(transport);
  if (!entry) {
    const created: Entry = { unsubscribe: () => {}, subscribers: new Set(), pending: [] };
    created.unsubscribe = transport.subscribe((event) => receive(client, created, event));
    void loadHandlers().then(
      (m) => ready(client, created, m),
      () => undefined,
    );
    byTransport.set(transport, created);
    entry = created;
  }
  const joined = entry;
  joined.subscribers.add(subscriber);
  let left = false;
  return () => {
    if (left) return;
    left = true;
    joined.subscribers.delete(subscriber);
    queueMicrotask(() => {
      if (joined.subscribers.size > 0 || byTransport.get(transport) !== joined) return;
      byTransport.delete(transport);
      joined.handler?.dispose();
      joined.unsubscribe();
    });
  };
}

/** How many live subscriptions a QueryClient has (for tests and diagnostics). */
export function activeSubscriptionCount(client: QueryClient): number {
  return registry.get(client)?.size ?? 0;
}
