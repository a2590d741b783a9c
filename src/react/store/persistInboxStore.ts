import type { StateStorage } from 'zustand/middleware';
import type { StoreApi } from 'zustand/vanilla';
import type { InboxState } from './createInboxStore';

/** What survives a reload. */
type Persisted = Pick<InboxState, 'drafts' | 'outbox' | 'dismissedSuggestions'>;

/** Format version; the value is `{ state, version }` JSON, as zustand's `persist` middleware wrote it before. */
const VERSION = 1;

const pick = ({ drafts, outbox, dismissedSuggestions }: InboxState): Persisted => ({
  drafts,
  outbox,
  dismissedSuggestions,
});

/** Saved entries first, then what changed in memory before they were read (which wins per conversation / clientId). */
function merge(saved: Partial<Persisted>, now: InboxState): Persisted {
  const mine = new Set(now.outbox.map((e) => e.clientId));
  return {
    drafts: { ...saved.drafts, ...now.drafts },
    outbox: [...(saved.outbox ?? []).filter((e) => !mine.has(e.clientId)), ...now.outbox],
    dismissedSuggestions: [...new Set([...(saved.dismissedSuggestions ?? []), ...now.dismissedSuggestions])],
  };
}

/** Control over the pending write, for `createInboxStore`. */
export interface PersistControl {
  /** Writes a change that is waiting for the next paint now (page hidden or unloading, provider unmount). */
  flush(): void;
  /** Forgets a waiting change (sign-out removes the key instead). */
  cancel(): void;
}

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

/**
 * Reads the persisted drafts, outbox and dismissed suggestions into the store,
 * then saves them whenever they change. `createInboxStore` loads this module
 * on `persist.rehydrate()`, which `useInboxStoreApi` calls after mount: server
 * and client render alike, and the first paint does not carry it. Storage
 * failures (blocked, full, unreadable) never reach the UI; the state then
 * lives in memory only.
 *
 * Saving serializes all drafts and the outbox, so it is not done inside the
 * keystroke or the send that changed them: changes are written together once
 * the next frame has been painted. `useInboxStoreApi` flushes them when the
 * page is hidden or unloaded (`pagehide`, `visibilitychange`) and when the
 * store's last user unmounts.
 */
export async function persistInboxStore(
  store: StoreApi<InboxState>,
  storage: StateStorage,
  name: string,
): Promise<PersistControl> {
  let saved: Partial<Persisted> | undefined;
  try {
    const raw = await storage.getItem(name);
    const value = raw ? (JSON.parse(raw) as { state?: Partial<Persisted>; version?: unknown }) : undefined;
    if (value?.version === VERSION) saved = value.state;
  } catch {
    // unreadable: start from memory
  }
  const before = store.getState();
  const dirty =
    Object.keys(before.drafts).length > 0 ||
    before.outbox.length > 0 ||
    before.dismissedSuggestions.length > 0;
  if (saved) store.setState(merge(saved, before));
  const save = (state: Persisted) => {
    try {
      void Promise.resolve(storage.setItem(name, JSON.stringify({ state, version: VERSION }))).catch(
        () => undefined,
      );
    } catch {
      // full or blocked
    }
  };
  let last = pick(store.getState());
  // What storage holds (as far as this store knows): changes made before it was read still need writing.
  let written: Persisted | undefined = dirty ? undefined : last;
  let cancelWrite: (() => void) | undefined;
  const flush = () => {
    cancelWrite?.();
    cancelWrite = undefined;
    if (written === last) return;
    written = last;
    save(last);
  };
  flush();
  store.subscribe((s) => {
    if (
      s.drafts === last.drafts &&
      s.outbox === last.outbox &&
      s.dismissedSuggestions === last.dismissedSuggestions
    )
      return;
    last = pick(s);
    cancelWrite ??= afterNextPaint(flush);
  });
  return {
    flush,
    cancel: () => {
      cancelWrite?.();
      cancelWrite = undefined;
      written = last;
    },
  };
}
