import type { QueryClient } from '@tanstack/react-query';
import type { RealtimeEvent } from '../../core/types';
import type { MessagingTransport } from '../../transports/types';
import { inboxKeys } from '../queryKeys';
import { applyRealtimeEvent, BoundedSet } from './applyRealtimeEvent';

/** One provider (or widget) that wants realtime events for a cache. */
export interface RealtimeSubscriber {
  scope: string;
}

interface Entry {
  unsubscribe: () => void;
  subscribers: Set<RealtimeSubscriber>;
  seen: BoundedSet;
  refetchTimer?: ReturnType<typeof setTimeout>;
  /** Conversations that got a message while no list held them. */
  unknown: Set<string>;
}

/**
 * Live subscriptions: one per QueryClient and transport, however many
 * providers and widgets share them. Events patch the shared cache once.
 */
const registry = new WeakMap<QueryClient, Map<MessagingTransport, Entry>>();

function handle(client: QueryClient, entry: Entry, event: RealtimeEvent): void {
  const first = entry.subscribers.values().next().value;
  if (!first) return;
  const scope = first.scope;
  const result = applyRealtimeEvent(client, { scope, seen: entry.seen }, event);
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
    const created: Entry = { unsubscribe: () => {}, subscribers: new Set(), seen: new BoundedSet(), unknown: new Set() };
    created.unsubscribe = transport.subscribe((event) => handle(client, created, event));
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
