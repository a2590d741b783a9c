// @vitest-environment node
/**
 * The relay over real HTTP on 127.0.0.1: one instance on the in-memory
 * broker, and two instances sharing a real redis-server (started here on a
 * free port, stopped after). Clients are `createSseEvents`, as in a browser.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/types';
import { startRedis } from './redisServer';
import type { RedisServer } from './redisServer';
import { startRelay } from './relayServer';
import type { RelayInstance } from './relayServer';
import { listen } from './sseClient';
import type { Listener } from './sseClient';

const key = randomBytes(32);
const secret = `whsec_${key.toString('base64')}`;

const message = (id: string, conversationId = 'conv_1'): Message => ({
  id,
  conversationId,
  senderId: 'usr_2',
  direction: 'incoming',
  kind: 'text',
  text: `hello ${id}`,
  attachments: [],
  sentAt: new Date().toISOString(),
  read: false,
});
const received = (id: string, conversationId = 'conv_1') => ({
  type: 'message.received' as const,
  conversationId,
  message: message(id, conversationId),
});

/** A signed Shopmonkey delivery of a customer message row. */
function webhook(init: { id: string; text?: string; tamper?: boolean; timestamp?: number }) {
  const body = JSON.stringify({
    apiVersion: 'v3',
    operation: 'INSERT',
    table: 'message',
    data: {
      id: `sm_${init.id}`,
      createdDate: new Date().toISOString(),
      text: init.text ?? 'Is my car ready?',
      authorType: 'Customer',
      customerId: 'cust_1',
      shopRead: false,
    },
  });
  const ts = init.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v1,${createHmac('sha256', key).update(`${init.id}.${ts}.${body}`).digest('base64')}`;
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': init.id,
      'webhook-timestamp': String(ts),
      'webhook-signature': signature,
    },
    body: init.tamper ? body.replace('ready', 'READY') : body,
  };
}
const webhookOptions = {
  secret,
  usersFor: () => [{ userId: 'staff_1', threadId: 'thr_1' }],
};

const listeners: Listener[] = [];
const open = (url: string, user: string) => {
  const l = listen(url, user);
  listeners.push(l);
  return l;
};
afterEach(() => {
  for (const l of listeners.splice(0)) l.stop();
});

const messageIds = (l: Listener) =>
  l
    .events()
    .filter((e) => e.type === 'message.received')
    .map((e) => (e.message as Message).id);

interface Setup {
  /** Where events and webhooks are sent. */
  a: RelayInstance;
  /** Where clients listen (the same instance with the memory broker). */
  b: RelayInstance;
}

function relaySuite(name: string, start: () => Promise<Setup>, stop: () => Promise<void>) {
  describe(name, () => {
    let s: Setup;
    beforeAll(async () => {
      s = await start();
    });
    afterAll(stop);

    it('refuses a stream without a user (401)', async () => {
      const res = await fetch(`${s.b.url}/events`);
      expect(res.status).toBe(401);
      expect(await res.text()).toMatch(/sign in/i);
    });

    it('delivers a published event to the user within a second, with an id on every event', async () => {
      const l = open(s.b.url, 'usr_pub');
      await l.until(() => l.statuses().includes(true));
      const started = Date.now();
      await s.a.relay.publish(['usr_pub'], received('m_pub'));
      await l.until(() => messageIds(l).includes('m_pub'), 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(l.events()).toEqual(
        [received('m_pub')].map((e) => ({
          ...e,
          message: expect.objectContaining({ id: 'm_pub' }) as unknown,
        })),
      );

      const res = await fetch(`${s.b.url}/events?user=usr_pub`, { headers: { 'last-event-id': '0-0' } });
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('m_pub')) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      expect(text).toMatch(/^id: \d+-\d+\ndata: \{"type":"message.received"/m);
    });

    it('never gives one user another user’s events', async () => {
      const alice = open(s.b.url, 'usr_alice');
      const bob = open(s.b.url, 'usr_bob');
      await alice.until(() => alice.statuses().includes(true));
      await bob.until(() => bob.statuses().includes(true));
      await s.a.relay.publish(['usr_bob'], received('m_for_bob', 'conv_bob'));
      await s.a.relay.publish(['usr_alice'], received('m_for_alice', 'conv_alice'));
      await s.a.relay.publish(['usr_alice', 'usr_bob'], received('m_both', 'conv_both'));
      await alice.until(() => messageIds(alice).includes('m_both'));
      await bob.until(() => messageIds(bob).includes('m_both'));
      expect(messageIds(alice)).toEqual(['m_for_alice', 'm_both']);
      expect(messageIds(bob)).toEqual(['m_for_bob', 'm_both']);
    });

    it('after a dropped connection, 20 events published meanwhile arrive exactly once and in order', async () => {
      const l = open(s.b.url, 'usr_drop');
      await l.until(() => l.statuses().includes(true));
      await s.a.relay.publish(['usr_drop'], received('before'));
      await l.until(() => messageIds(l).includes('before'));
      const connects = l.connects;
      // The connection drops (instance B closes its streams) and cannot come back yet.
      l.gate.closed = true;
      s.b.relay.close();
      await l.until(() => l.statuses().at(-1) === false);
      const ids = Array.from({ length: 20 }, (_, i) => `gap_${i}`);
      for (const id of ids) await s.a.relay.publish(['usr_drop'], received(id));
      l.gate.closed = false;
      await l.until(() => messageIds(l).length >= 21);
      await s.a.relay.publish(['usr_drop'], received('after'));
      await l.until(() => messageIds(l).includes('after'));
      expect(l.connects).toBe(connects + 1);
      expect(messageIds(l)).toEqual(['before', ...ids, 'after']);
      expect(l.events().some((e) => e.type === 'resync')).toBe(false);
    });

    it('sends resync when the log no longer reaches back to the last id, then carries on', async () => {
      const l = open(s.b.url, 'usr_old');
      await l.until(() => l.statuses().includes(true));
      await s.a.relay.publish(['usr_old'], received('seen'));
      await l.until(() => messageIds(l).includes('seen'));
      l.gate.closed = true;
      s.b.relay.close();
      await l.until(() => l.statuses().at(-1) === false);
      // The log keeps 50 per user.
      for (let i = 0; i < 60; i++) await s.a.relay.publish(['usr_old'], received(`lost_${i}`));
      l.gate.closed = false;
      await l.until(() => l.events().some((e) => e.type === 'resync'));
      await s.a.relay.publish(['usr_old'], received('next'));
      await l.until(() => messageIds(l).includes('next'));
      expect(messageIds(l)).toEqual(['seen', 'next']);
    });

    it('a client that saw nothing before dropping still gets what was published meanwhile', async () => {
      const l = open(s.b.url, 'usr_quiet');
      await l.until(() => l.statuses().includes(true));
      l.gate.closed = true;
      s.b.relay.close();
      await l.until(() => l.statuses().at(-1) === false);
      await s.a.relay.publish(['usr_quiet'], received('while_away'));
      l.gate.closed = false;
      await l.until(() => messageIds(l).includes('while_away'));
      expect(l.events().some((e) => e.type === 'resync')).toBe(false);
    });

    it('relays a signed Shopmonkey webhook to the staff user, refuses a tampered one, publishes a replay once', async () => {
      const l = open(s.b.url, 'staff_1');
      await l.until(() => l.statuses().includes(true));

      const tampered = await fetch(`${s.a.url}/webhooks/shopmonkey`, webhook({ id: 'wh_t', tamper: true }));
      expect(tampered.status).toBe(401);
      const stale = await fetch(
        `${s.a.url}/webhooks/shopmonkey`,
        webhook({ id: 'wh_s', timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      );
      expect(stale.status).toBe(401);

      const first = await fetch(`${s.a.url}/webhooks/shopmonkey`, webhook({ id: 'wh_1' }));
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ duplicate: false, published: 1 });
      // The retry reaches the other instance: still a duplicate.
      const replay = await fetch(`${s.b.url}/webhooks/shopmonkey`, webhook({ id: 'wh_1' }));
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual({ duplicate: true, published: 0 });

      await l.until(() => messageIds(l).includes('sm_wh_1'));
      await s.a.relay.publish(['staff_1'], received('marker'));
      await l.until(() => messageIds(l).includes('marker'));
      expect(messageIds(l)).toEqual(['sm_wh_1', 'marker']);
      expect(l.events()[0]).toMatchObject({
        type: 'message.received',
        conversationId: 'thr_1~cust_1',
        message: { text: 'Is my car ready?', direction: 'incoming' },
      });
    });
  });
}

let memory: RelayInstance | undefined;
relaySuite(
  'relay, one instance, in-memory broker',
  async () => {
    memory = await startRelay({ webhook: webhookOptions });
    return { a: memory, b: memory };
  },
  async () => {
    await memory?.stop();
  },
);

let redis: RedisServer | undefined;
let pair: RelayInstance[] = [];
relaySuite(
  'relay, two instances on Redis',
  async () => {
    redis = await startRedis();
    pair = [
      await startRelay({ redisUrl: redis.url, webhook: webhookOptions }),
      await startRelay({ redisUrl: redis.url, webhook: webhookOptions }),
    ];
    return { a: pair[0]!, b: pair[1]! };
  },
  async () => {
    for (const r of pair) await r.stop();
    await redis?.stop();
  },
);

describe('relay stream details', () => {
  it('sends heartbeats while idle and stops the subscription when the client leaves', async () => {
    const r = await startRelay({ heartbeatMs: 50 });
    try {
      const aborter = new AbortController();
      const res = await fetch(`${r.url}/events?user=u`, { signal: aborter.signal });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body!.getReader();
      let text = '';
      while ((text.match(/: heartbeat/g) ?? []).length < 2)
        text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toMatch(/^retry: \d+\n\nevent: ready\nid: 0-0\n/);
      expect(r.openStreams()).toBe(1);
      aborter.abort();
      await expect.poll(() => r.openStreams()).toBe(0);
    } finally {
      await r.stop();
    }
  });

  it('answers an id it never issued with resync', async () => {
    const r = await startRelay();
    try {
      const res = await fetch(`${r.url}/events?user=u`, { headers: { 'last-event-id': 'bogus' } });
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('resync')) text += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
      expect(text).toMatch(/event: resync\nid: 0-0\ndata: \{"type":"resync"\}/);
    } finally {
      await r.stop();
    }
  });
});
