import { createInboxStore, storageKey } from './createInboxStore';
import type { InboxState, OutboxEntry } from './createInboxStore';

function memory() {
  const m = new Map<string, string>();
  return {
    map: m,
    storage: {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    },
  };
}
const entry = (clientId: string): OutboxEntry => ({
  clientId,
  conversationId: 'c1',
  text: 'hi',
  createdAt: '2026-01-01T00:00:00Z',
  status: 'failed',
  retryable: true,
});

describe('createInboxStore persistence', () => {
  it('reads drafts, outbox and dismissed suggestions after rehydrate (zustand persist format), then saves changes', async () => {
    const { map, storage } = memory();
    const key = storageKey('marketplace:u1');
    map.set(
      key,
      JSON.stringify({
        state: { drafts: { c1: 'draft' }, outbox: [entry('a')], dismissedSuggestions: ['m1'] },
        version: 1,
      }),
    );
    const store = createInboxStore({ persistKey: 'marketplace:u1', storage });
    expect(store.getState().drafts).toEqual({});
    expect(store.persist.hasHydrated()).toBe(false);
    const finished = vi.fn();
    store.persist.onFinishHydration(finished);
    await store.persist.rehydrate();
    expect(store.persist.hasHydrated()).toBe(true);
    expect(finished).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({
      drafts: { c1: 'draft' },
      outbox: [entry('a')],
      dismissedSuggestions: ['m1'],
    });
    const saved = map.get(key);
    store.getState().setDraft('c2', 'more');
    // Not inside the keystroke: after the next paint.
    expect(map.get(key)).toBe(saved);
    await vi.waitFor(() =>
      expect(JSON.parse(map.get(key)!)).toEqual({
        state: { drafts: { c1: 'draft', c2: 'more' }, outbox: [entry('a')], dismissedSuggestions: ['m1'] },
        version: 1,
      }),
    );
    store.getState().select('c2'); // not persisted: no write needed
    store.getState().clearPersisted();
    expect(map.has(key)).toBe(false);
  });

  it('writes changes together after the next paint, or at once on flush; sign-out drops a waiting write', async () => {
    const { map, storage } = memory();
    const key = storageKey('f');
    const setItem = vi.spyOn(storage, 'setItem');
    const store = createInboxStore({ persistKey: 'f', storage });
    await store.persist.rehydrate();
    store.getState().setDraft('c1', 'a');
    store.getState().setDraft('c1', 'ab');
    store.getState().upsertOutbox(entry('x'));
    expect(setItem).not.toHaveBeenCalled();
    store.persist.flush();
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(persisted(map.get(key)).state).toMatchObject({ drafts: { c1: 'ab' }, outbox: [entry('x')] });
    store.persist.flush(); // nothing new: no write
    await new Promise((r) => setTimeout(r, 50));
    expect(setItem).toHaveBeenCalledTimes(1);
    store.getState().setDraft('c1', 'abc');
    store.getState().clearPersisted();
    await new Promise((r) => setTimeout(r, 50));
    expect(map.has(key)).toBe(false);
  });

  it('keeps what changed before the saved state was read, and never writes before that', async () => {
    const { map, storage } = memory();
    const key = storageKey('s');
    const saved = JSON.stringify({
      state: { drafts: { c1: 'old', c3: 'kept' }, outbox: [entry('a')], dismissedSuggestions: [] },
      version: 1,
    });
    map.set(key, saved);
    const store = createInboxStore({ persistKey: 's', storage });
    store.getState().setDraft('c1', 'typed');
    store.getState().upsertOutbox(entry('b'));
    expect(map.get(key)).toBe(saved);
    await store.persist.rehydrate();
    expect(store.getState().drafts).toEqual({ c1: 'typed', c3: 'kept' });
    expect(store.getState().outbox.map((e) => e.clientId)).toEqual(['a', 'b']);
    expect(persisted(map.get(key)).state.drafts).toEqual({ c1: 'typed', c3: 'kept' });
  });

  it('ignores another format version and unreadable values', async () => {
    const { map, storage } = memory();
    map.set(storageKey('v'), JSON.stringify({ state: { drafts: { c1: 'x' } }, version: 0 }));
    map.set(storageKey('bad'), '{not json');
    const a = createInboxStore({ persistKey: 'v', storage });
    const b = createInboxStore({ persistKey: 'bad', storage });
    await Promise.all([a.persist.rehydrate(), b.persist.rehydrate()]);
    expect(a.getState().drafts).toEqual({});
    expect(b.getState().drafts).toEqual({});
    expect(b.persist.hasHydrated()).toBe(true);
  });
});

/** What the store wrote to storage. */
function persisted(raw: string | undefined): { state: Partial<InboxState> } {
  return JSON.parse(raw ?? 'null') as { state: Partial<InboxState> };
}
