import { createInboxStore, storageKey } from './createInboxStore';
import type { OutboxEntry } from './createInboxStore';

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
    store.getState().setDraft('c2', 'more');
    // Not inside the keystroke: after the next paint.
    expect(map.has(`${key}/draft/c2`)).toBe(false);
    await vi.waitFor(() => expect(map.get(`${key}/draft/c2`)).toBe('more'));
    // One key per draft and entry; the old single value is gone once split.
    expect(map.has(key)).toBe(false);
    expect(map.get(`${key}/draft/c1`)).toBe('draft');
    expect(JSON.parse(map.get(`${key}/outbox/a`)!)).toEqual(entry('a'));
    expect(JSON.parse(map.get(`${key}/dismissed`)!)).toEqual(['m1']);
    store.getState().select('c2'); // not persisted: no write needed
    store.getState().clearPersisted();
    expect([...map.keys()].filter((k) => k.startsWith(key))).toEqual([]);
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
    const writes = setItem.mock.calls.length;
    expect(map.get(`${key}/draft/c1`)).toBe('ab');
    expect(JSON.parse(map.get(`${key}/outbox/x`)!)).toEqual(entry('x'));
    store.persist.flush(); // nothing new: no write
    await new Promise((r) => setTimeout(r, 50));
    expect(setItem).toHaveBeenCalledTimes(writes);
    store.getState().setDraft('c1', 'abc');
    store.getState().clearPersisted();
    await new Promise((r) => setTimeout(r, 50));
    expect([...map.keys()].filter((k) => k.startsWith(key))).toEqual([]);
  });

  it('keeps what changed before the saved state was read, and never writes before that', async () => {
    const { map, storage } = memory();
    const key = storageKey('s');
    map.set(`${key}/draft/c1`, 'old');
    map.set(`${key}/draft/c3`, 'kept');
    map.set(`${key}/outbox/a`, JSON.stringify(entry('a')));
    map.set(`${key}/keys`, JSON.stringify([`${key}/draft/c1`, `${key}/draft/c3`, `${key}/outbox/a`]));
    const store = createInboxStore({ persistKey: 's', storage });
    store.getState().setDraft('c1', 'typed');
    store.getState().upsertOutbox(entry('b'));
    expect(map.get(`${key}/draft/c1`)).toBe('old');
    await store.persist.rehydrate();
    expect(store.getState().drafts).toEqual({ c1: 'typed', c3: 'kept' });
    expect(store.getState().outbox.map((e) => e.clientId)).toEqual(['a', 'b']);
    expect(map.get(`${key}/draft/c1`)).toBe('typed');
    expect(map.get(`${key}/draft/c3`)).toBe('kept');
    expect(JSON.parse(map.get(`${key}/outbox/b`)!)).toEqual(entry('b'));
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
