import type { StateStorage } from 'zustand/middleware';
import type { StoreApi } from 'zustand/vanilla';
import type { InboxState, OutboxEntry } from './createInboxStore';
import { channelName, itemKey, listKeys, removeAll, storageKey, updateIndex } from './storageKey';

/** Format version of the single value older versions wrote; it is read once and split into keys. */
const LEGACY_VERSION = 1;

const DRAFT = 'draft/';
const OUTBOX = 'outbox/';
const DISMISSED = 'dismissed';

/** What another tab changed, for the outbox sender. */
export interface RemoteChange {
  /** clientIds of outbox entries another tab added, changed or removed. */
  outbox: string[];
  /** Another tab signed this user out. */
  cleared: boolean;
}

/** Control over persistence, for `createInboxStore` and the outbox. */
export interface PersistControl {
  /** Writes changes waiting for the next paint now (page hidden or unloading, provider unmount, before a send). */
  flush(): void;
  /** Sign-out: forgets waiting changes, removes every key of this user, and tells the other tabs. */
  clear(): void;
  /** Reads the outbox entries storage holds now (another tab may have changed them a moment ago). */
  refreshOutbox(): void;
  /** Called when another tab changed this user's state. Returns an unsubscribe. */
  onRemoteChange(listener: (change: RemoteChange) => void): () => void;
}

type Message = { keys?: string[]; cleared?: boolean };

/**
 * Calls `fn` once the next frame has been painted (a frame callback, then a task),
 * or in a task where there are no frames (hidden page, no DOM). Returns a cancel.
 */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
  if (!visible || typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

const read = (storage: StateStorage, key: string): string | null => {
  try {
    const v = storage.getItem(key);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
};

function parseEntry(raw: string | null): OutboxEntry | undefined {
  if (!raw) return undefined;
  try {
    const e = JSON.parse(raw) as OutboxEntry;
    return typeof e?.clientId === 'string' &&
      typeof e.conversationId === 'string' &&
      typeof e.text === 'string'
      ? e
      : undefined;
  } catch {
    return undefined;
  }
}

function parseList(raw: string | null): string[] {
  try {
    const v: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
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

/**
 * Reads the persisted drafts, outbox and dismissed suggestions into the store,
 * keeps them saved, and keeps every tab of the same user in step.
 *
 * Each draft and each outbox entry is a key of its own, so a write changes
 * only what this tab changed, and tabs never overwrite each other's work.
 * After writing, a tab names the keys it changed on a `BroadcastChannel`;
 * the other tabs read those keys and apply them. An outbox entry that this
 * tab knew and that has vanished from storage was sent or discarded by
 * another tab: it is dropped here rather than written back.
 *
 * Writes happen after the next paint, never inside a keystroke or a send;
 * `flush()` writes at once (page hidden or unloading, and before a send, so
 * another tab that takes over knows that an attempt began). Storage failures
 * (blocked, full, unreadable) never reach the UI; the state then lives in
 * memory only. `storage` must answer synchronously (as `localStorage` does).
 */
export function persistInboxStore(
  store: StoreApi<InboxState>,
  storage: StateStorage,
  persistKey: string,
): PersistControl {
  const prefix = `${storageKey(persistKey)}/`;
  // What storage holds, as far as this tab knows: the values last read or written, per key.
  const seenDrafts = new Map<string, string>();
  const seenOutbox = new Map<string, OutboxEntry>();
  let seenDismissed: string[] = [];
  const listeners = new Set<(change: RemoteChange) => void>();
  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName(persistKey)) : undefined;

  // Hydrate: storage first, then what changed in memory before it was read (which wins per key).
  const before = store.getState();
  const savedDrafts: Record<string, string> = {};
  const savedOutbox: OutboxEntry[] = [];
  let savedDismissed: string[] = [];
  for (const key of listKeys(storage, persistKey)) {
    const item = key.slice(prefix.length);
    const raw = read(storage, key);
    if (raw === null) continue;
    if (item.startsWith(DRAFT)) {
      savedDrafts[item.slice(DRAFT.length)] = raw;
      seenDrafts.set(item.slice(DRAFT.length), raw);
    } else if (item.startsWith(OUTBOX)) {
      const e = parseEntry(raw);
      if (e) {
        savedOutbox.push(e);
        seenOutbox.set(e.clientId, e);
      }
    } else if (item === DISMISSED) seenDismissed = savedDismissed = parseList(raw);
  }
  // The single value older versions wrote: read once, written back as keys below, then removed.
  const legacyRaw = read(storage, storageKey(persistKey));
  if (legacyRaw !== null) {
    try {
      const legacy = JSON.parse(legacyRaw) as {
        version?: unknown;
        state?: Partial<Pick<InboxState, 'drafts' | 'outbox' | 'dismissedSuggestions'>>;
      };
      if (legacy?.version === LEGACY_VERSION && legacy.state) {
        for (const [c, t] of Object.entries(legacy.state.drafts ?? {})) savedDrafts[c] ??= t;
        for (const e of legacy.state.outbox ?? [])
          if (!savedOutbox.some((s) => s.clientId === e.clientId)) savedOutbox.push(e);
        savedDismissed = [...new Set([...savedDismissed, ...(legacy.state.dismissedSuggestions ?? [])])];
      }
    } catch {
      // unreadable: dropped
    }
  }
  const mine = new Set(before.outbox.map((e) => e.clientId));
  store.setState({
    drafts: { ...savedDrafts, ...before.drafts },
    outbox: [...savedOutbox.filter((e) => !mine.has(e.clientId)), ...before.outbox].sort(byCreated),
    dismissedSuggestions: [...new Set([...savedDismissed, ...before.dismissedSuggestions])],
  });
  // Nothing to write for suggestions unless memory added some, or they came from the old single value.
  if (store.getState().dismissedSuggestions.length === seenDismissed.length)
    seenDismissed = store.getState().dismissedSuggestions;

  const post = (message: Message) => {
    try {
      channel?.postMessage(message);
    } catch {
      // closed channel: the other tabs read storage on their next load
    }
  };
  const write = (key: string, value: string | null) => {
    try {
      if (value === null) void storage.removeItem(key);
      else void storage.setItem(key, value);
    } catch {
      // full or blocked: kept in memory
    }
  };

  let cancelWrite: (() => void) | undefined;
  const flush = () => {
    cancelWrite?.();
    cancelWrite = undefined;
    const s = store.getState();
    const changed: string[] = [];
    const added: string[] = [];
    const removed: string[] = [];
    const put = (key: string, value: string | null) => {
      write(key, value);
      changed.push(key);
      (value === null ? removed : added).push(key);
    };
    for (const [c, text] of Object.entries(s.drafts)) {
      if (seenDrafts.get(c) === text) continue;
      put(itemKey(persistKey, DRAFT + c), text);
      seenDrafts.set(c, text);
    }
    for (const c of [...seenDrafts.keys()])
      if (!(c in s.drafts)) {
        put(itemKey(persistKey, DRAFT + c), null);
        seenDrafts.delete(c);
      }
    const present = new Set<string>();
    const finishedElsewhere: string[] = [];
    for (const e of s.outbox) {
      present.add(e.clientId);
      const seen = seenOutbox.get(e.clientId);
      if (seen === e) continue;
      const key = itemKey(persistKey, OUTBOX + e.clientId);
      if (seen && read(storage, key) === null) {
        // Known here, gone from storage: another tab sent or discarded it. Never write it back.
        seenOutbox.delete(e.clientId);
        finishedElsewhere.push(e.clientId);
        continue;
      }
      put(key, JSON.stringify(e));
      seenOutbox.set(e.clientId, e);
    }
    for (const id of [...seenOutbox.keys()])
      if (!present.has(id)) {
        put(itemKey(persistKey, OUTBOX + id), null);
        seenOutbox.delete(id);
      }
    if (s.dismissedSuggestions !== seenDismissed) {
      const merged = [
        ...new Set([...parseList(read(storage, itemKey(persistKey, DISMISSED))), ...s.dismissedSuggestions]),
      ].slice(-200);
      put(itemKey(persistKey, DISMISSED), JSON.stringify(merged));
      seenDismissed = s.dismissedSuggestions;
    }
    if (legacyWaiting) {
      legacyWaiting = false;
      write(storageKey(persistKey), null);
    }
    updateIndex(storage, persistKey, added, removed);
    if (changed.length) post({ keys: changed });
    if (finishedElsewhere.length) dropLocally(finishedElsewhere);
  };

  const dropLocally = (ids: string[]) => {
    const gone = new Set(ids);
    store.setState((s) => {
      const outboxFiles = { ...s.outboxFiles };
      for (const id of ids) delete outboxFiles[id];
      return { outbox: s.outbox.filter((e) => !gone.has(e.clientId)), outboxFiles };
    });
  };

  /** Applies what storage holds for `keys` (another tab changed them). Returns the outbox ids touched. */
  const apply = (keys: string[]): string[] => {
    const drafts: Record<string, string | null> = {};
    const upserts = new Map<string, OutboxEntry>();
    const removals: string[] = [];
    let dismissed: string[] | undefined;
    for (const key of keys) {
      if (!key.startsWith(prefix)) continue;
      const item = key.slice(prefix.length);
      const raw = read(storage, key);
      if (item.startsWith(DRAFT)) {
        const c = item.slice(DRAFT.length);
        if (raw === null) seenDrafts.delete(c);
        else seenDrafts.set(c, raw);
        drafts[c] = raw;
      } else if (item.startsWith(OUTBOX)) {
        const id = item.slice(OUTBOX.length);
        const e = parseEntry(raw);
        if (e) {
          seenOutbox.set(id, e);
          upserts.set(id, e);
        } else {
          seenOutbox.delete(id);
          removals.push(id);
        }
      } else if (item === DISMISSED) dismissed = parseList(raw);
    }
    store.setState((s) => {
      const next: Partial<InboxState> = {};
      if (Object.keys(drafts).length) {
        const d = { ...s.drafts };
        for (const [c, t] of Object.entries(drafts))
          if (t === null) delete d[c];
          else d[c] = t;
        next.drafts = d;
      }
      if (upserts.size || removals.length) {
        const gone = new Set(removals);
        const outbox = s.outbox.filter((e) => !gone.has(e.clientId)).map((e) => upserts.get(e.clientId) ?? e);
        for (const [id, e] of upserts) if (!outbox.some((o) => o.clientId === id)) outbox.push(e);
        next.outbox = outbox.sort(byCreated);
        if (removals.length) {
          const files = { ...s.outboxFiles };
          for (const id of removals) delete files[id];
          next.outboxFiles = files;
        }
      }
      if (dismissed) {
        const merged = [...new Set([...s.dismissedSuggestions, ...dismissed])];
        next.dismissedSuggestions = merged;
        seenDismissed = merged;
      }
      return next;
    });
    return [...upserts.keys(), ...removals];
  };

  const clearMemory = () => {
    cancelWrite?.();
    cancelWrite = undefined;
    seenDrafts.clear();
    seenOutbox.clear();
    seenDismissed = [];
    store.setState({ drafts: {}, outbox: [], outboxFiles: {}, dismissedSuggestions: [] });
    seenDismissed = store.getState().dismissedSuggestions;
  };

  if (channel)
    channel.onmessage = (ev: MessageEvent<Message>) => {
      const data = ev.data;
      if (data?.cleared) {
        clearMemory();
        for (const l of listeners) l({ outbox: [], cleared: true });
        return;
      }
      const ids = apply(Array.isArray(data?.keys) ? data.keys : []);
      if (ids.length) for (const l of listeners) l({ outbox: ids, cleared: false });
    };

  let legacyWaiting = legacyRaw !== null;
  flush();
  store.subscribe((s, prev) => {
    if (
      s.drafts === prev.drafts &&
      s.outbox === prev.outbox &&
      s.dismissedSuggestions === prev.dismissedSuggestions
    )
      return;
    cancelWrite ??= afterNextPaint(flush);
  });

  return {
    flush,
    clear: () => {
      clearMemory();
      removeAll(storage, persistKey);
      post({ cleared: true });
    },
    refreshOutbox: () => {
      const keys = listKeys(storage, persistKey).filter((k) => k.startsWith(prefix + OUTBOX));
      const known = [...seenOutbox.keys()].map((id) => itemKey(persistKey, OUTBOX + id));
      const fresh = keys.filter((k) => {
        const e = seenOutbox.get(k.slice((prefix + OUTBOX).length));
        return !e || JSON.stringify(e) !== read(storage, k);
      });
      apply([...new Set([...fresh, ...known.filter((k) => !keys.includes(k))])]);
    },
    onRemoteChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
