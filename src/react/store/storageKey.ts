import type { StateStorage } from 'zustand/middleware';

/**
 * Where a user's persisted inbox state lives. Every draft, every outbox
 * entry and the dismissed suggestions have a key of their own under
 * `inbox-kit:<scope>/`, so two tabs writing at once each change only what
 * they changed (one shared value would lose the other tab's writes). Its own
 * module so that sign-out can clear storage without bundling the store.
 */
export const storageKey = (persistKey: string) => `inbox-kit:${persistKey}`;

/** The key of one piece of persisted state: `draft/<conversationId>`, `outbox/<clientId>` or `dismissed`. */
export const itemKey = (persistKey: string, item: string) => `${storageKey(persistKey)}/${item}`;

/** Key of the list of keys, kept only for a custom storage that cannot enumerate its keys. */
const indexKey = (persistKey: string) => itemKey(persistKey, 'keys');

type Enumerable = { readonly length: number; key(i: number): string | null };
const enumerable = (s: unknown): s is Enumerable =>
  !!s && typeof (s as Enumerable).key === 'function' && typeof (s as Enumerable).length === 'number';

/** Every persisted key of `persistKey` (not the index itself). */
export function listKeys(storage: StateStorage, persistKey: string): string[] {
  const prefix = `${storageKey(persistKey)}/`;
  const index = indexKey(persistKey);
  if (enumerable(storage)) {
    const out: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(prefix) && k !== index) out.push(k);
    }
    return out;
  }
  try {
    const raw = storage.getItem(index);
    return typeof raw === 'string' ? (JSON.parse(raw) as string[]) : [];
  } catch {
    return [];
  }
}

/** Records `added`/`removed` keys in the index of a storage that cannot enumerate them. */
export function updateIndex(storage: StateStorage, persistKey: string, added: string[], removed: string[]) {
  if (enumerable(storage) || (added.length === 0 && removed.length === 0)) return;
  const keys = new Set(listKeys(storage, persistKey));
  const before = keys.size;
  for (const k of added) keys.add(k);
  if (removed.length === 0 && keys.size === before) return;
  for (const k of removed) keys.delete(k);
  if (keys.size) void storage.setItem(indexKey(persistKey), JSON.stringify([...keys]));
  else void storage.removeItem(indexKey(persistKey));
}

/** Removes everything persisted for `persistKey`, including the single value older versions wrote. */
export function removeAll(storage: StateStorage, persistKey: string): void {
  for (const k of listKeys(storage, persistKey)) void storage.removeItem(k);
  void storage.removeItem(indexKey(persistKey));
  void storage.removeItem(storageKey(persistKey));
}

/** Name of the channel on which the tabs of one user announce the keys they changed. */
export const channelName = (persistKey: string) => `inbox-kit:${persistKey}`;
