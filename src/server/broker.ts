import { START_ID, compareIds } from './ids';
import type { EventId } from './ids';

/** One event in a user's log: its id and its JSON text. */
export interface RelayEntry {
  id: EventId;
  data: string;
}

/**
 * A user's events after a given id, or `gone` when the log no longer holds
 * all of them (the client must refetch). `head` is the newest id in the log
 * (`0-0` when it is empty): a client that has seen nothing resumes from it.
 */
export type RelayBacklog =
  { gone: false; entries: RelayEntry[]; head: EventId } | { gone: true; head: EventId };

/**
 * Where a relay keeps and fans out events. The relay itself holds only open
 * connections; ids, logs and seen webhook ids live here, so any instance
 * sharing a broker can resume any client.
 */
export interface RelayBroker {
  /** Appends an event to the user's bounded log, tells every subscriber, and resolves with its id. */
  append(userId: string, data: string): Promise<EventId>;
  /** Calls `listener` with each event appended for the user from now on, in id order. */
  subscribe(userId: string, listener: (entry: RelayEntry) => void): Promise<() => Promise<void>>;
  /** The user's events after `lastId` (none, with the head, when `lastId` is undefined). */
  read(userId: string, lastId?: EventId): Promise<RelayBacklog>;
  /** Records a key (a webhook id); resolves `true` when it was not recorded within `ttlSeconds`. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Forgets a claimed key. */
  release(key: string): Promise<void>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** Options of {@link createMemoryBroker}. */
export interface MemoryBrokerOptions {
  /** Events kept per user for resume. @defaultValue 500 */
  maxLen?: number;
  /** A user's log is dropped this long after its last event. @defaultValue 24 h */
  ttlMs?: number;
}

interface Log {
  entries: RelayEntry[];
  /** Entries ever appended (to tell an untrimmed log from a trimmed one). */
  added: number;
  expires: number;
}

/**
 * A broker in this process's memory, for a single server instance. Same
 * semantics as the Redis broker: bounded logs, stream-style ids.
 */
export function createMemoryBroker(options: MemoryBrokerOptions = {}): RelayBroker {
  const maxLen = options.maxLen ?? 500;
  const ttlMs = options.ttlMs ?? 24 * 3600_000;
  const logs = new Map<string, Log>();
  const listeners = new Map<string, Set<(entry: RelayEntry) => void>>();
  const claims = new Map<string, number>();
  let lastMs = 0;
  let seq = 0;

  const nextId = (): EventId => {
    const ms = Date.now();
    if (ms > lastMs) {
      lastMs = ms;
      seq = 0;
    } else seq += 1;
    return `${lastMs}-${seq}`;
  };
  const live = (userId: string): Log | undefined => {
    const log = logs.get(userId);
    if (log && log.expires <= Date.now()) logs.delete(userId);
    return logs.get(userId);
  };

  return {
    append(userId, data) {
      let log = live(userId);
      if (!log) logs.set(userId, (log = { entries: [], added: 0, expires: 0 }));
      const entry = { id: nextId(), data };
      log.entries.push(entry);
      log.added += 1;
      log.expires = Date.now() + ttlMs;
      if (log.entries.length > maxLen) log.entries.splice(0, log.entries.length - maxLen);
      for (const l of listeners.get(userId) ?? []) l(entry);
      return Promise.resolve(entry.id);
    },
    subscribe(userId, listener) {
      let set = listeners.get(userId);
      if (!set) listeners.set(userId, (set = new Set()));
      set.add(listener);
      return Promise.resolve(() => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId);
        return Promise.resolve();
      });
    },
    read(userId, lastId) {
      const log = live(userId);
      const head = log?.entries.at(-1)?.id ?? START_ID;
      if (lastId === undefined) return Promise.resolve({ gone: false, entries: [], head });
      return Promise.resolve(backlogOf(log?.entries ?? [], log ? log.added : 0, head, lastId));
    },
    claim(key, ttlSeconds) {
      const now = Date.now();
      const until = claims.get(key);
      if (until !== undefined && until > now) return Promise.resolve(false);
      claims.delete(key);
      claims.set(key, now + ttlSeconds * 1000);
      // Expired claims leave from the oldest end; a cap keeps a flood bounded.
      for (const [k, t] of claims) {
        if (t > now && claims.size <= 100_000) break;
        claims.delete(k);
      }
      return Promise.resolve(true);
    },
    release(key) {
      claims.delete(key);
      return Promise.resolve();
    },
    close() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}

/**
 * The resume rule both brokers share: a client whose last id is still in the
 * log (or not older than its first entry) gets what follows; a client that
 * has seen nothing (`0-0`) gets the whole log when nothing was ever trimmed;
 * anything else is `gone`.
 */
export function backlogOf(
  entries: RelayEntry[],
  added: number,
  head: EventId,
  lastId: EventId,
): RelayBacklog {
  const first = entries[0];
  if (!first) return lastId === START_ID ? { gone: false, entries: [], head } : { gone: true, head };
  if (compareIds(lastId, first.id) >= 0)
    return { gone: false, entries: entries.filter((e) => compareIds(e.id, lastId) > 0), head };
  if (lastId === START_ID && added === entries.length) return { gone: false, entries, head };
  return { gone: true, head };
}
