import type { QueryClient } from '@tanstack/react-query';
import { TransportError } from '../../core/TransportError';
import type { Message } from '../../core/types';
import type { OutgoingFile, SendMessageInput } from '../../transports/types';
import type { MessagingContextValue } from '../MessagingProvider';
import {
  bumpConversation,
  findConversation,
  patchConversation,
  refetchStaleInFlight,
  upsertMessage,
} from '../cache';
import { inboxKeys } from '../queryKeys';
import type { InboxStore, OutboxEntry } from './createInboxStore';
import { storageKey } from './storageKey';

/**
 * The outbox: every message the user sent that the server has not confirmed
 * yet, for one user, across all of that user's tabs.
 *
 * - **Order.** Within a conversation, messages go out one at a time in the
 *   order they were typed. A failed message holds the ones typed after it
 *   (`queued`) until it is retried or discarded.
 * - **One sender per message.** The tab that queued a message sends it. Each
 *   tab holds a Web Lock for its lifetime; when it closes or crashes, the
 *   lock is released and another tab (or the next load) takes over what it
 *   left, sending it again with `resend: { since }` so that the transport
 *   looks for a stored copy first. Sends in one conversation are serialized
 *   across tabs by a second lock per conversation.
 * - **Sign-out is final.** `signOut()` (or a sign-out in another tab) stops
 *   every send, aborts requests in flight, drops their late answers, and
 *   clears every persisted key of the user.
 *
 * Persistence (one storage key per entry, kept in step between tabs) lives
 * in `persistInboxStore`; this module only reads and writes the store.
 */
export interface Outbox {
  /** Queues a message and sends it in its turn. Resolves with the stored message, or `undefined` if it did not go out (it then stays in the outbox, failed or queued). */
  send(input: OutboxInput, files: OutgoingFile[] | undefined, sender: Sender): Promise<Message | undefined>;
  /** Sends a failed message again (and, after it, the ones it held). */
  retry(clientId: string, sender: Sender): Promise<Message | undefined>;
  /** Drops a message from the outbox; the ones it held go out. */
  discard(clientId: string): void;
  /** A component using the store mounted: sends what a reload, a closed tab or a lost connection left. Returns the release. */
  attach(sender: () => Sender | undefined): () => void;
  /** Stops every send of this user, drops late answers and clears what is persisted. */
  signOut(): void;
}

/** What a send reads from the provider. */
export type SendContext = Pick<MessagingContextValue, 'transport' | 'scope' | 'announce' | 't'>;

/** Who sends: the provider's context and its query client. */
export interface Sender {
  ctx: SendContext;
  client: QueryClient;
}

/** What a caller gives to {@link Outbox.send}; the outbox fills in order, owner and status. */
export type OutboxInput = Omit<OutboxEntry, 'status' | 'createdAt' | 'owner' | 'firstAttemptAt'>;

/** A new idempotency key. */
export function newClientId(): string {
  const c = globalThis.crypto;
  return c && 'randomUUID' in c
    ? c.randomUUID()
    : `c_${Date.now().toString(36)}_${Math.random().toString(36).slice(2)}`;
}

/** The optional send fields an outbox entry keeps (kind, template, channels, …), without `undefined`s. */
export function sendFields(
  x: Pick<
    OutboxEntry,
    'kind' | 'template' | 'channels' | 'internal' | 'suggestedReplyState' | 'avoidQuietHours' | 'orderShare'
  >,
) {
  return {
    ...(x.kind ? { kind: x.kind } : {}),
    ...(x.template ? { template: x.template } : {}),
    ...(x.channels ? { channels: x.channels } : {}),
    ...(x.internal ? { internal: true } : {}),
    ...(x.suggestedReplyState ? { suggestedReplyState: x.suggestedReplyState } : {}),
    ...(x.avoidQuietHours !== undefined ? { avoidQuietHours: x.avoidQuietHours } : {}),
    ...(x.orderShare ? { orderShare: x.orderShare } : {}),
  };
}

const toError = (e: unknown): TransportError =>
  e instanceof TransportError ? e : new TransportError('internal', undefined, { cause: e });

/** The part of the Web Locks API the outbox uses. */
interface Locks {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => T | Promise<T>,
  ): Promise<T>;
}

/**
 * Locks within this page, where the Web Locks API is missing (older
 * browsers, jsdom): one sender per message and per conversation within the
 * page; tabs then rely on the transport's idempotency or reconciliation.
 */
function pageLocks(): Locks {
  const table = new Map<string, { held: boolean; waiters: Array<() => void> }>();
  return {
    async request(name, options, callback) {
      let s = table.get(name);
      if (!s) table.set(name, (s = { held: false, waiters: [] }));
      const slot = s;
      if (slot.held) {
        if (options.ifAvailable) return callback(null);
        await new Promise<void>((resolve, reject) => {
          const wake = () => resolve();
          slot.waiters.push(wake);
          options.signal?.addEventListener('abort', () => {
            const i = slot.waiters.indexOf(wake);
            if (i >= 0) slot.waiters.splice(i, 1);
            reject(new Error('aborted'));
          });
        });
      } else slot.held = true;
      try {
        return await callback({ name });
      } finally {
        const next = slot.waiters.shift();
        if (next) next();
        else slot.held = false;
      }
    },
  };
}

let sharedPageLocks: Locks | undefined;
function locks(): Locks {
  const nav = typeof navigator !== 'undefined' ? (navigator as { locks?: Locks }) : undefined;
  return nav?.locks ?? (sharedPageLocks ??= pageLocks());
}

/**
 * Typing order. Two tabs can queue messages in the same millisecond: the clientId breaks the tie, so
 * every tab agrees on which one goes first (a tie settled by array order let each tab wait for the other).
 */
const byCreated = (a: OutboxEntry, b: OutboxEntry) =>
  a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.clientId < b.clientId
        ? -1
        : a.clientId > b.clientId
          ? 1
          : 0;

const outboxes = new WeakMap<InboxStore, Outbox>();

/** The outbox of a store (one per store, created on first use). */
export function outboxOf(store: InboxStore): Outbox {
  let o = outboxes.get(store);
  if (!o) outboxes.set(store, (o = createOutbox(store)));
  return o;
}

function createOutbox(store: InboxStore): Outbox {
  const lockName = (what: string) => `${storageKey(store.persist.key)}:${what}`;
  const tabId = newClientId();
  let epoch = 0;
  let controller = new AbortController();
  let releaseTab: (() => void) | undefined;
  let lastSender: Sender | undefined;
  const senders = new Set<() => Sender | undefined>();
  const waiters = new Map<string, Array<(m: Message | undefined) => void>>();
  const draining = new Set<string>();
  const again = new Set<string>();
  const watched = new Set<string>();
  const gone = new Set<string>();
  let lastCreated = 0;
  let resumed = false;

  const sender = () => {
    for (const s of senders) {
      const got = s();
      if (got) return got;
    }
    return lastSender;
  };

  /** Holds this tab's lock while it may send: released when the tab closes, crashes or stops using the outbox. */
  const holdTab = () => {
    if (releaseTab) return;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    releaseTab = release;
    void locks()
      .request(lockName(`tab:${tabId}`), {}, () => held)
      .catch(() => undefined);
  };

  const settle = (clientId: string, message: Message | undefined) => {
    const list = waiters.get(clientId);
    waiters.delete(clientId);
    for (const w of list ?? []) w(message);
  };
  const waitFor = (clientId: string) =>
    new Promise<Message | undefined>((resolve) => {
      const list = waiters.get(clientId) ?? [];
      list.push(resolve);
      waiters.set(clientId, list);
    });

  /** Whether the tab that owns an entry is gone (closed, crashed, reloaded). */
  const ownerGone = async (owner: string): Promise<boolean> => {
    if (owner === tabId) return false;
    if (gone.has(owner)) return true;
    const free = await locks()
      .request(lockName(`tab:${owner}`), { ifAvailable: true }, (lock) => lock !== null)
      .catch(() => false);
    if (free) gone.add(owner);
    return free;
  };

  /** Waits for another tab to go away, then sends what it left. */
  const watch = (owner: string) => {
    if (owner === tabId || watched.has(owner) || gone.has(owner)) return;
    watched.add(owner);
    const signal = controller.signal;
    void locks()
      .request(lockName(`tab:${owner}`), { signal }, () => {
        gone.add(owner);
      })
      .then(() => {
        watched.delete(owner);
        drainAll();
      })
      .catch(() => watched.delete(owner));
  };

  const mineToSend = (e: OutboxEntry) =>
    e.status !== 'failed' && (!e.owner || e.owner === tabId || gone.has(e.owner));

  const drainAll = () => {
    const convs = new Set<string>();
    for (const e of store.getState().outbox) {
      if (e.owner && e.owner !== tabId) watch(e.owner);
      if (mineToSend(e)) convs.add(e.conversationId);
    }
    for (const c of convs) void drain(c);
  };

  const drain = async (conversationId: string) => {
    // Stopped (signed out, or nothing on this page uses the outbox): another tab or the next mount sends.
    if (!sender()) return;
    if (draining.has(conversationId)) {
      again.add(conversationId);
      return;
    }
    draining.add(conversationId);
    const mine = epoch;
    try {
      do {
        again.delete(conversationId);
        holdTab();
        await locks().request(lockName(`send:${conversationId}`), { signal: controller.signal }, () =>
          run(conversationId, mine),
        );
      } while (again.has(conversationId) && epoch === mine);
    } catch {
      // aborted by sign-out or by the last user leaving
    } finally {
      draining.delete(conversationId);
    }
  };

  /** Sends the conversation's messages in order while this tab may; runs holding the conversation's lock. */
  const run = async (conversationId: string, mine: number) => {
    // Another tab may have sent, failed or discarded entries a moment ago: read storage, not memory.
    store.persist.refreshOutbox();
    for (;;) {
      if (epoch !== mine) return;
      const state = store.getState();
      const next = state.outbox.filter((e) => e.conversationId === conversationId).sort(byCreated)[0];
      if (!next || next.status === 'failed') return;
      if (next.owner && next.owner !== tabId && !(await ownerGone(next.owner))) return;
      const who = sender();
      if (!who || epoch !== mine) return;
      const files = store.getState().outboxFiles[next.clientId];
      if (next.attachmentNames?.length && !files) {
        // Files live in the memory of the tab that picked them: after a reload they are gone.
        state.upsertOutbox({
          ...next,
          owner: tabId,
          status: 'failed',
          error: who.ctx.t('uploadFailed', { error: who.ctx.t('errorGeneric') }),
          retryable: false,
        });
        settle(next.clientId, undefined);
        return;
      }
      const { error: _e, outcome: _o, ...rest } = next;
      const attempt: OutboxEntry = {
        ...rest,
        status: 'sending',
        owner: tabId,
        firstAttemptAt: next.firstAttemptAt ?? new Date().toISOString(),
      };
      state.upsertOutbox(attempt);
      // Written before the request leaves, so a tab taking over knows an attempt began.
      store.persist.flush();
      if (!(await deliver(who, attempt, files, next.firstAttemptAt, mine))) return;
    }
  };

  const deliver = async (
    { ctx, client }: Sender,
    entry: OutboxEntry,
    files: OutgoingFile[] | undefined,
    since: string | undefined,
    mine: number,
  ): Promise<boolean> => {
    const input: SendMessageInput = {
      conversationId: entry.conversationId,
      clientId: entry.clientId,
      ...(entry.text ? { text: entry.text } : {}),
      ...sendFields(entry),
      ...(files?.length ? { attachments: files } : {}),
      ...(since ? { resend: { since } } : {}),
      signal: controller.signal,
    };
    try {
      const message = await ctx.transport.sendMessage(input);
      // Signed out (or every user left) meanwhile: the answer belongs to a session that is over.
      if (epoch !== mine) return false;
      const confirmed: Message = { ...message, clientId: entry.clientId, status: 'sent' };
      // Cache first, then outbox: both land in the same tick, so no flicker and no duplicate.
      upsertMessage(client, ctx.scope, confirmed);
      store.getState().removeOutbox(entry.clientId);
      const conversation = findConversation(client, ctx.scope, entry.conversationId);
      if (conversation) {
        const updated = {
          ...conversation,
          lastMessage: {
            id: confirmed.id,
            text: confirmed.text,
            senderId: confirmed.senderId,
            sentAt: confirmed.sentAt,
            read: true,
            hasAttachments: confirmed.attachments.length > 0,
            kind: confirmed.kind,
          },
          updatedAt: confirmed.sentAt,
        };
        patchConversation(client, ctx.scope, entry.conversationId, () => updated);
        bumpConversation(client, ctx.scope, updated);
      }
      // A thread or inbox read already in flight was answered before this send (e.g. the outbox
      // flush right after a reload): it would drop the message from view, so read again.
      refetchStaleInFlight(client, inboxKeys.messages(ctx.scope, entry.conversationId));
      refetchStaleInFlight(client, inboxKeys.conversations(ctx.scope));
      settle(entry.clientId, confirmed);
      return true;
    } catch (e) {
      if (epoch !== mine) return false;
      const error = toError(e);
      store.getState().upsertOutbox({
        ...entry,
        status: 'failed',
        error: error.message,
        retryable: error.retryable,
        ...(error.outcome === 'unknown' ? { outcome: 'unknown' as const } : {}),
      });
      ctx.announce(ctx.t(error.outcome === 'unknown' ? 'messageMayNotBeSent' : 'messageNotSent'), {
        assertive: true,
      });
      settle(entry.clientId, undefined);
      return false;
    }
  };

  /** Ends this session of sending: later answers are dropped and pending lock requests given up. */
  const stop = () => {
    epoch++;
    lastSender = undefined;
    controller.abort();
    controller = new AbortController();
    watched.clear();
    draining.clear();
    for (const id of [...waiters.keys()]) settle(id, undefined);
  };

  store.persist.onRemoteChange((change) => {
    if (change.cleared) return stop();
    for (const id of change.outbox)
      if (!store.getState().outbox.some((e) => e.clientId === id)) settle(id, undefined);
    drainAll();
  });

  return {
    send(input, files, who) {
      lastSender = who;
      holdTab();
      // Strictly increasing, so two messages typed within a millisecond keep their order.
      const now = Math.max(Date.now(), lastCreated + 1);
      lastCreated = now;
      const entry: OutboxEntry = {
        ...input,
        createdAt: new Date(now).toISOString(),
        status: 'queued',
        owner: tabId,
      };
      store.getState().upsertOutbox(entry, files);
      const done = waitFor(entry.clientId);
      void drain(entry.conversationId);
      return done;
    },
    retry(clientId, who) {
      lastSender = who;
      const entry = store.getState().outbox.find((e) => e.clientId === clientId);
      if (!entry) return Promise.resolve(undefined);
      holdTab();
      const { error: _e, outcome: _o, ...rest } = entry;
      store.getState().upsertOutbox({ ...rest, status: 'queued', owner: tabId });
      const done = waitFor(clientId);
      void drain(entry.conversationId);
      return done;
    },
    discard(clientId) {
      const entry = store.getState().outbox.find((e) => e.clientId === clientId);
      store.getState().removeOutbox(clientId);
      settle(clientId, undefined);
      if (entry) void drain(entry.conversationId);
    },
    attach(get) {
      senders.add(get);
      holdTab();
      const resume = () => {
        if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
        // Failures this tab owns (or a closed tab left) that a retry can fix go out again.
        const state = store.getState();
        for (const e of state.outbox)
          if (e.status === 'failed' && e.retryable && (!e.owner || e.owner === tabId || gone.has(e.owner))) {
            const { error: _e, outcome: _o, ...rest } = e;
            state.upsertOutbox({ ...rest, status: 'queued', owner: tabId });
          }
        drainAll();
      };
      const onHydrated = () => {
        if (resumed) return drainAll();
        resumed = true;
        // Owners that are gone are known only after asking the lock manager: ask, then resume.
        const owners = new Set(
          store
            .getState()
            .outbox.map((e) => e.owner)
            .filter((o): o is string => !!o),
        );
        void Promise.all([...owners].map(ownerGone)).then(resume);
      };
      const unsub = store.persist.onFinishHydration(onHydrated);
      if (store.persist.hasHydrated()) onHydrated();
      const onOnline = () => resume();
      window.addEventListener('online', onOnline);
      return () => {
        unsub();
        window.removeEventListener('online', onOnline);
        senders.delete(get);
        if (senders.size > 0) return;
        // Nothing of this page uses the outbox any more: let other tabs (or the next mount) take over.
        stop();
        releaseTab?.();
        releaseTab = undefined;
      };
    },
    signOut() {
      // Clearing tells this outbox (and every other tab's) to stop: see onRemoteChange above.
      store.getState().clearPersisted();
    },
  };
}
