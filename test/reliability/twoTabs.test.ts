/**
 * Two tabs of one user against the reference server (in-process msw, the real
 * marketplace transport, the real outbox): 30 sends each under 30 % failures,
 * an offline period and a reload of one tab. Each "tab" is a store of its own
 * over one shared storage, talking over a real BroadcastChannel; Web Locks are
 * replaced by the outbox's in-page locks (Node has none).
 */
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createInboxStore } from '../../src/react/store/createInboxStore';
import type { InboxStore } from '../../src/react/store/createInboxStore';
import { outboxOf } from '../../src/react/store/outbox';
import type { Sender } from '../../src/react/store/outbox';
import { makeTransport, setupMockServer } from '../harness';
import { seeded } from './support';

const mock = setupMockServer();
const CONV = 'conv_1002';
const SCOPE = 'marketplace:usr_buyer_1';

function sharedStorage() {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

async function openTab(storage: ReturnType<typeof sharedStorage>) {
  const store = createInboxStore({ persistKey: SCOPE, storage });
  const sender: Sender = {
    ctx: {
      transport: makeTransport('buyer'),
      scope: SCOPE,
      announce: () => undefined,
      t: ((k: string) => k) as Sender['ctx']['t'],
    },
    client: new QueryClient(),
  };
  const close = outboxOf(store).attach(() => sender);
  await store.persist.rehydrate();
  return { store, sender, close };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Adjacent pairs stored in the opposite order to the one they were typed in. */
const inversions = (typed: string[], stored: string[]) => {
  const at = new Map(stored.map((t, i) => [t, i]));
  let n = 0;
  for (let i = 1; i < typed.length; i++) if ((at.get(typed[i]!) ?? -1) < (at.get(typed[i - 1]!) ?? -1)) n++;
  return n;
};

describe('two tabs of one user', () => {
  it('60 typed under 30 % failures, an offline period and a reload: 60 stored once, each tab in typing order', async () => {
    mock.ctx.knobs.random = seeded(18);
    mock.ctx.knobs.failureRate = 0.3;
    mock.ctx.knobs.autoReply = false;
    const storage = sharedStorage();
    let a = await openTab(storage);
    const b = await openTab(storage);
    const typedA: string[] = [];
    const typedB: string[] = [];
    let offline = false;
    mock.use(
      http.post(`*/v1/messages/conversations/${CONV}`, () => (offline ? HttpResponse.error() : undefined)),
    );
    for (let i = 0; i < 30; i++) {
      if (i === 10) offline = true; // the network drops for five sends of each tab
      if (i === 15) offline = false;
      if (i === 20) {
        // Tab A reloads: what it left (sending, queued) is taken over by the next load.
        a.close();
        a = await openTab(storage);
      }
      typedA.push(`tab A message ${i + 1}`);
      typedB.push(`tab B message ${i + 1}`);
      void outboxOf(a.store).send(
        { clientId: `a-${i}`, conversationId: CONV, text: typedA[i]! },
        undefined,
        a.sender,
      );
      void outboxOf(b.store).send(
        { clientId: `b-${i}`, conversationId: CONV, text: typedB[i]! },
        undefined,
        b.sender,
      );
      await pause(5);
    }
    // Settled: nothing is being sent; what is left failed or waits behind a failure.
    const quiet = (s: InboxStore) => s.getState().outbox.every((e) => e.status !== 'sending');
    for (let i = 0; i < 300 && !(quiet(a.store) && quiet(b.store)); i++) await pause(10);
    const failedIn = (s: InboxStore) =>
      s
        .getState()
        .outbox.filter((e) => e.status === 'failed')
        .map((e) => e.clientId)
        .sort();
    // Every failed message is visible in both tabs.
    await vi.waitFor(() => expect(failedIn(a.store)).toEqual(failedIn(b.store)), { timeout: 2000 });
    const shownFailed = failedIn(a.store).length;
    for (let round = 0; round < 300 && a.store.getState().outbox.length > 0; round++) {
      const failed = a.store.getState().outbox.find((e) => e.status === 'failed');
      const tab = round % 2 ? a : b;
      if (failed) void outboxOf(tab.store).retry(failed.clientId, tab.sender);
      await pause(20);
    }
    const stored = (mock.ctx.db.marketplace.messages.get(CONV) ?? []).map((m) => m.content);
    const typed = [...typedA, ...typedB];
    const figures = {
      typed: typed.length,
      stored: stored.filter((t) => typed.includes(t)).length,
      lost: typed.filter((t) => !stored.includes(t)).length,
      duplicated: typed.filter((t) => stored.filter((s) => s === t).length > 1).length,
      inversionsA: inversions(typedA, stored),
      inversionsB: inversions(typedB, stored),
    };
    console.info('two tabs:', JSON.stringify(figures));
    expect(shownFailed).toBeGreaterThan(0);
    expect(figures).toMatchObject({
      typed: 60,
      stored: 60,
      lost: 0,
      duplicated: 0,
      inversionsA: 0,
      inversionsB: 0,
    });
    a.close();
    b.close();
  }, 90_000);
});
