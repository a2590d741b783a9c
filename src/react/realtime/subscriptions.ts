import type { QueryClient } from '@tanstack/react-query';
import type { RealtimeEvent } from '../../core/types';
import type { MessagingTransport } from '../../transports/types';
import { inboxKeys } from '../queryKeys';
import type { BoundedSet } from './applyRealtimeEvent';

type Patcher = typeof import('./applyRealtimeEvent');
let patcher: Promise<Patcher> | undefined;
/** The cache-patching code, loaded on demand: hosts without realtime never download it. */
const loadPatcher = () =>
  (patcher ??= import('./applyRealtimeEvent').catch((e: unknown) => {
    patcher = undefined;
    throw e;
  }));

/** One provider (or widget) that wants realtime events for a cache. */
export interface RealtimeSubscriber {
  scope: string;
}

interface Entry {
  unsubscribe: () => void;
  subscribers: Set<RealtimeSubscriber>;
  /** Set once the patcher has loaded. */
  seen?: BoundedSet;
  patch?: Patcher['applyRealtimeEvent'];
  /** Events that arrived before the patcher loaded, in order. */
  pending: RealtimeEvent[];
  refetchTimer?: ReturnType<typeof setTimeout>;
  /** Conversations that got a message while no list held them. */
  unknown: Set<string>;
}

/**
 * Live subscriptions: one per QueryClient and transport, however many
 * providers and widgets share them. Events patch the shared cache once.
 */
const registry = new WeakMap<QueryClient, Map<MessagingTransport, Entry>>();

/**
 * Applies an event, or queues it until the patcher has loaded (it starts
 * loading when the subscription opens, so usually it is there already). The
 * transport subscription itself opens synchronously on join, so nothing sent
 * meanwhile is missed.
 */
function receive(client: QueryClient, entry: Entry, event: RealtimeEvent): void {
  if (entry.patch) return handle(client, entry, event);
  entry.pending.push(event);
  if (entry.pending.length > 1) return;
  void loadPatcher().then(
    (m) => {
      entry.seen ??= new m.BoundedSet();
      entry.patch = m.applyRealtimeEvent;
      for (const e of entry.pending.splice(0)) handle(client, entry, e);
    },
    () => {
      entry.pending.length = 0; // could not load: the cache catches up on the next refetch
    },
  );
}

function handle(client: QueryClient, entry: Entry, event: RealtimeEvent): void {
  const first = entry.subscribers.values().next().value;
  if (!first || !entry.patch || !entry.seen) return;
  const scope = first.scope;
  const result = entry.patch(client, { scope, seen: entry.seen }, event);
  // A new conversation's first message comes just before its conversation.created: that event fills the gap.
  if (event.type === 'conversation.created') entry.unknown.delete(event.conversation.id);
  if (result === 'unknown-conversation' && event.type === 'message.received') entry.unknown.add(event.conversationId);
  if (entry.unknown.size > 0 && !entry.refetchTimer) {
    // A conversation no list holds: refetch the lists and counts once, coalescing a burst.
    entry.refetchTimer = setTimeout(() => {
      entry.refetchTimer = undefined;
      if (entry.unknown.size === 0) return;
      entry.unknown.clear();
      void client.invalidateQueries({ queryKey: [...inboxKeys.conversations(scope), 'list'] }, { cancelRefetch: false });
      void client.invalidateQueries({ queryKey: inboxKeys.unread(scope) }, { cancelRefetch: false });
    }, 250);
  }
}

/**
 * Joins the subscription of `transport` for `client`, opening it on the first
 * join. Returns a leave function; the last leave closes it (deferred by a
 * microtask so a StrictMode remount does not reconnect).
 */
export function joinRealtime(client: QueryClient, transport: MessagingTransport, subscriber: RealtimeSubscriber): () => void {
  if (!transport.subscribe) return () => {};
  let byTransport = registry.get(client);
  if (!byTransport) registry.set(client, (byTransport = new Map()));
  let entry = byTransport.get(transport);
  if (!entry) {
    const created: Entry = { unsubscribe: () => {}, subscribers: new Set(), pending: [], unknown: new Set() };
    created.unsubscribe = transport.subscribe((event) => receive(client, created, event));
    void loadPatcher().then(
      (m) => {
        created.seen ??= new m.BoundedSet();
        created.patch ??= m.applyRealtimeEvent;
      },
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
      if (joined.subscribers.size > 0 || byTransport!.get(transport) !== joined) return;
      byTransport!.delete(transport);
      if (joined.refetchTimer) clearTimeout(joined.refetchTimer);
      joined.unsubscribe();
    });
  };
}

/** How many live subscriptions a QueryClient has (for tests and diagnostics). */
export function activeSubscriptionCount(client: QueryClient): number {
  return registry.get(client)?.size ?? 0;
}
