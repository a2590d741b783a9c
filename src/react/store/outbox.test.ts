import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransportError } from '../../core/TransportError';
import type { Message } from '../../core/types';
import type { MessagingTransport, SendMessageInput } from '../../transports/types';
import { createInboxStore } from './createInboxStore';
import type { InboxStore } from './createInboxStore';
import { outboxOf } from './outbox';
import type { Sender } from './outbox';

/** One `localStorage` shared by the "tabs" of a test (each tab is a store of its own). */
let users = 0;
function sharedStorage() {
  const data = new Map<string, string>();
  return {
    // A user of its own per test: tabs of earlier tests (same process) never share its channel or locks.
    scope: `marketplace:u${++users}`,
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

type Pending = { input: SendMessageInput; resolve: (m: Message) => void; reject: (e: unknown) => void };

/** A server that stores by clientId once, and lets the test answer each request. */
function fakeServer() {
  const stored: Message[] = [];
  const requests: Pending[] = [];
  let auto: ((input: SendMessageInput) => 'ok' | TransportError) | undefined;
  const store = (input: SendMessageInput): Message => {
    const found = stored.find((m) => m.clientId === input.clientId);
    if (found) return found;
    const m: Message = {
      id: `m${stored.length + 1}`,
      clientId: input.clientId,
      conversationId: input.conversationId,
      senderId: 'me',
      direction: 'outgoing',
      kind: 'text',
      text: input.text ?? '',
      attachments: [],
      sentAt: new Date().toISOString(),
    };
    stored.push(m);
    return m;
  };
  const transport = {
    sendMessage: (input: SendMessageInput) =>
      new Promise<Message>((resolve, reject) => {
        // As fetch does: an aborted request rejects.
        input.signal?.addEventListener('abort', () => reject(new TransportError('aborted')));
        const verdict = auto?.(input);
        requests.push({ input, resolve: (m) => resolve(m), reject });
        if (verdict === 'ok') resolve(store(input));
        else if (verdict) reject(verdict);
      }),
  } as unknown as MessagingTransport;
  return {
    stored,
    requests,
    transport,
    store,
    answerAll(fn: (input: SendMessageInput) => 'ok' | TransportError) {
      auto = fn;
    },
  };
}

const tabs: Array<() => void> = [];
afterEach(() => {
  while (tabs.length) tabs.pop()!();
});

async function openTab(storage: ReturnType<typeof sharedStorage>, transport: MessagingTransport) {
  const store = createInboxStore({ persistKey: storage.scope, storage });
  const sender: Sender = {
    ctx: {
      transport,
      scope: 'marketplace:u1',
      announce: vi.fn(),
      t: ((k: string) => k) as Sender['ctx']['t'],
    },
    client: new QueryClient(),
  };
  const release = outboxOf(store).attach(() => sender);
  tabs.push(release);
  await store.persist.rehydrate();
  return { store, sender, close: release };
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });
const texts = (store: InboxStore) => store.getState().outbox.map((e) => `${e.text}:${e.status}`);

describe('outbox across tabs', () => {
  it('two tabs writing at once lose nothing: every draft and outbox entry is a key of its own', async () => {
    const storage = sharedStorage();
    const server = fakeServer(); // never answers: entries stay in the outbox
    const a = await openTab(storage, server.transport);
    const b = await openTab(storage, server.transport);
    for (let i = 0; i < 5; i++) {
      void outboxOf(a.store).send(
        { clientId: `a${i}`, conversationId: 'c1', text: `A${i}` },
        undefined,
        a.sender,
      );
      void outboxOf(b.store).send(
        { clientId: `b${i}`, conversationId: 'c2', text: `B${i}` },
        undefined,
        b.sender,
      );
    }
    a.store.getState().setDraft('c3', 'draft from A');
    b.store.getState().setDraft('c4', 'draft from B');
    a.store.persist.flush();
    b.store.persist.flush();
    const keys = [...storage.data.keys()];
    expect(keys.filter((k) => k.includes('/outbox/'))).toHaveLength(10);
    // Each tab shows the other's entries and drafts, without either tab's drafts landing elsewhere.
    await until(() => expect(a.store.getState().outbox).toHaveLength(10));
    await until(() => expect(b.store.getState().outbox).toHaveLength(10));
    expect(a.store.getState().drafts).toEqual({ c3: 'draft from A', c4: 'draft from B' });
    expect(b.store.getState().drafts).toEqual({ c3: 'draft from A', c4: 'draft from B' });
  });

  it('sends one conversation in typing order; a failure holds the later ones until Retry, which resends with since', async () => {
    const storage = sharedStorage();
    const server = fakeServer();
    let failOnce = true;
    server.answerAll((input) => {
      if (input.text === 'two' && failOnce) {
        failOnce = false;
        return new TransportError('internal', 'Server down', { status: 500 });
      }
      return 'ok';
    });
    const a = await openTab(storage, server.transport);
    const outbox = outboxOf(a.store);
    const results = ['one', 'two', 'three', 'four'].map((text) =>
      outbox.send({ clientId: text, conversationId: 'c1', text }, undefined, a.sender),
    );
    await until(() => expect(texts(a.store)).toEqual(['two:failed', 'three:queued', 'four:queued']));
    expect((await results[0])?.text).toBe('one');
    expect(await results[1]).toBeUndefined();
    // Held: neither later message was sent while "two" is failed.
    expect(server.requests.map((r) => r.input.text)).toEqual(['one', 'two']);
    const firstAttempt = server.requests[1]!.input;
    expect(firstAttempt.resend).toBeUndefined();
    const first = a.store.getState().outbox[0]!.firstAttemptAt!;
    await outbox.retry('two', a.sender);
    await until(() => expect(a.store.getState().outbox).toEqual([]));
    expect(server.stored.map((m) => m.text)).toEqual(['one', 'two', 'three', 'four']);
    expect(server.requests[2]!.input).toMatchObject({ text: 'two', resend: { since: first } });
    expect(server.requests[3]!.input.resend).toBeUndefined();
  });

  it('keeps outcome "unknown" of a failed send, and discarding it lets the held ones go', async () => {
    const storage = sharedStorage();
    const server = fakeServer();
    server.answerAll((input) =>
      input.text === 'lost?' ? new TransportError('network', undefined, { outcome: 'unknown' }) : 'ok',
    );
    const a = await openTab(storage, server.transport);
    const outbox = outboxOf(a.store);
    void outbox.send({ clientId: 'x', conversationId: 'c1', text: 'lost?' }, undefined, a.sender);
    void outbox.send({ clientId: 'y', conversationId: 'c1', text: 'after' }, undefined, a.sender);
    await until(() =>
      expect(a.store.getState().outbox[0]).toMatchObject({ status: 'failed', outcome: 'unknown' }),
    );
    expect(a.sender.ctx.announce).toHaveBeenCalledWith('messageMayNotBeSent', { assertive: true });
    outbox.discard('x');
    await until(() => expect(server.stored.map((m) => m.text)).toEqual(['after']));
  });

  it('a tab closed mid-send: another tab takes over, resending with since, and the message is stored once', async () => {
    const storage = sharedStorage();
    const server = fakeServer();
    const a = await openTab(storage, server.transport);
    const b = await openTab(storage, server.transport);
    void outboxOf(a.store).send(
      { clientId: 'k', conversationId: 'c1', text: 'mid-send' },
      undefined,
      a.sender,
    );
    void outboxOf(a.store).send(
      { clientId: 'l', conversationId: 'c1', text: 'typed next' },
      undefined,
      a.sender,
    );
    await until(() => expect(server.requests).toHaveLength(1));
    // The request reached the server, which stored it; the answer never came back (tab closed).
    server.store(server.requests[0]!.input);
    await until(() => expect(b.store.getState().outbox).toHaveLength(2));
    expect(server.requests.length).toBe(1); // B does not send what a live tab owns
    // A wrote that its attempt began before the request left: B knows to look before posting again.
    const firstAttemptAt = b.store.getState().outbox.find((e) => e.clientId === 'k')?.firstAttemptAt;
    expect(firstAttemptAt).toBeDefined();
    server.answerAll(() => 'ok');
    a.close();
    await until(() => expect(b.store.getState().outbox).toEqual([]));
    expect(server.stored.map((m) => m.text)).toEqual(['mid-send', 'typed next']);
    const byB = server.requests.slice(1).map((r) => r.input);
    expect(byB[0]).toMatchObject({ clientId: 'k', resend: { since: firstAttemptAt } });
    expect(byB[1]!.resend).toBeUndefined();
  });

  it('sign-out mid-send: the late answer is dropped, nothing is written back, nothing more is sent', async () => {
    const storage = sharedStorage();
    const server = fakeServer();
    const a = await openTab(storage, server.transport);
    const b = await openTab(storage, server.transport);
    void outboxOf(a.store).send(
      { clientId: 's1', conversationId: 'c1', text: 'in flight' },
      undefined,
      a.sender,
    );
    void outboxOf(a.store).send(
      { clientId: 's2', conversationId: 'c1', text: 'queued' },
      undefined,
      a.sender,
    );
    a.store.getState().setDraft('c1', 'secret draft');
    a.store.persist.flush();
    await until(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]!.input.signal?.aborted).toBe(false);
    outboxOf(a.store).signOut();
    expect(server.requests[0]!.input.signal?.aborted).toBe(true);
    server.requests[0]!.resolve(server.store(server.requests[0]!.input));
    await new Promise((r) => setTimeout(r, 30));
    expect([...storage.data.keys()]).toEqual([]);
    expect(a.store.getState().outbox).toEqual([]);
    // The other tab forgot it too, and neither sends the queued message with the old token.
    await until(() => expect(b.store.getState()).toMatchObject({ outbox: [], drafts: {} }));
    expect(server.requests).toHaveLength(1);
    a.store.persist.flush();
    b.store.persist.flush();
    expect([...storage.data.keys()]).toEqual([]);
  });

  it('reads the single value older versions wrote, then keeps it as keys', async () => {
    const storage = sharedStorage();
    storage.setItem(
      `inbox-kit:${storage.scope}`,
      JSON.stringify({
        version: 1,
        state: {
          drafts: { c1: 'old draft' },
          outbox: [
            {
              clientId: 'o1',
              conversationId: 'c1',
              text: 'old failure',
              createdAt: '2026-01-01T00:00:00Z',
              status: 'failed',
              retryable: false,
            },
          ],
          dismissedSuggestions: ['m1'],
        },
      }),
    );
    const a = await openTab(storage, fakeServer().transport);
    expect(a.store.getState()).toMatchObject({ drafts: { c1: 'old draft' }, dismissedSuggestions: ['m1'] });
    expect(texts(a.store)).toEqual(['old failure:failed']);
    expect(storage.getItem(`inbox-kit:${storage.scope}`)).toBeNull();
    expect(storage.getItem(`inbox-kit:${storage.scope}/draft/c1`)).toBe('old draft');
  });
});
