import type { StateStorage } from 'zustand/middleware';
import type { StoreApi } from 'zustand/vanilla';
import type { InboxState } from './createInboxStore';

/** What survives a reload. */
type Persisted = Pick<InboxState, 'drafts' | 'outbox' | 'dismissedSuggestions'>;

/** Format version; the value is `{ state, version }` JSON, as zustand's `persist` middleware wrote it before. */
const VERSION = 1;

const pick = ({ drafts, outbox, dismissedSuggestions }: InboxState): Persisted => ({ drafts, outbox, dismissedSuggestions });

/** Saved entries first, then what changed in memory before they were read (which wins per conversation / clientId). */
function merge(saved: Partial<Persisted>, now: InboxState): Persisted {
  const mine = new Set(now.outbox.map((e) => e.clientId));
  return {
    drafts: { ...saved.drafts, ...now.drafts },
    outbox: [...(saved.outbox ?? []).filter((e) => !mine.has(e.clientId)), ...now.outbox],
    dismissedSuggestions: [...new Set([...(saved.dismissedSuggestions ?? []), ...now.dismissedSuggestions])],
  };
}

/**
 * Reads the persisted drafts, outbox and dismissed suggestions into the store,
 * then saves them whenever they change. `createInboxStore` loads this module
 * on `persist.rehydrate()`, which `MessagingProvider` calls after mount: server
 * and client render alike, and the first paint does not carry it. Storage
 * failures (blocked, full, unreadable) never reach the UI; the state then
 * lives in memory only.
 */
export async function persistInboxStore(store: StoreApi<InboxState>, storage: StateStorage, name: string): Promise<void> {
  let saved: Partial<Persisted> | undefined;
  try {
    const raw = await storage.getItem(name);
    const value = raw ? (JSON.parse(raw) as { state?: Partial<Persisted>; version?: unknown }) : undefined;
    if (value?.version === VERSION) saved = value.state;
  } catch {
    // unreadable: start from memory
  }
  const before = store.getState();
  const dirty = Object.keys(before.drafts).length > 0 || before.outbox.length > 0 || before.dismissedSuggestions.length > 0;
  if (saved) store.setState(merge(saved, before));
  const save = (state: Persisted) => {
    try {
      void Promise.resolve(storage.setItem(name, JSON.stringify({ state, version: VERSION }))).catch(() => undefined);
    } catch {
      // full or blocked
    }
  };
  let last = pick(store.getState());
  if (dirty) save(last);
  store.subscribe((s) => {
    if (s.drafts === last.drafts && s.outbox === last.outbox && s.dismissedSuggestions === last.dismissedSuggestions) return;
    last = pick(s);
    save(last);
  });
}
