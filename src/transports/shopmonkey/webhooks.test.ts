// @vitest-environment node
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ShopmonkeyWebhookError,
  createShopmonkeyWebhookDecoder,
  memorySeenStore,
  toShopmonkeyRealtimeEvents,
} from './webhooks';

const key = randomBytes(32);
const secret = `whsec_${key.toString('base64')}`;
const now = () => Math.floor(Date.now() / 1000);

/** Signs as the Standard Webhooks spec says, independently of the package under test. */
function sign(id: string, timestamp: number, body: string, k: Buffer = key): string {
  return `v1,${createHmac('sha256', k).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

function delivery(body: unknown, init: { id?: string; timestamp?: number; k?: Buffer } = {}) {
  const text = JSON.stringify(body);
  const id = init.id ?? `msg_${randomBytes(6).toString('hex')}`;
  const timestamp = init.timestamp ?? now();
  return {
    text,
    headers: new Headers({
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': sign(id, timestamp, text, init.k),
      'webhook-version': '3',
    }),
  };
}

const messageRow = {
  id: 'm1',
  createdDate: '2026-12-06T10:00:00.000Z',
  text: 'Is my car ready?',
  authorType: 'Customer',
  customerId: 'c1',
  shopRead: false,
};
const insertMessage = { apiVersion: 'v3', operation: 'INSERT', table: 'message', data: messageRow };

async function refusal(p: Promise<unknown>): Promise<ShopmonkeyWebhookError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ShopmonkeyWebhookError);
  return e as ShopmonkeyWebhookError;
}

describe('Shopmonkey webhook decoder', () => {
  it('accepts a delivery signed with the secret and returns its row change', async () => {
    const decoder = createShopmonkeyWebhookDecoder({ secret });
    const { text, headers } = delivery({ ...insertMessage, diff: ['text'] }, { id: 'wh_1' });
    headers.set('x-attempt', '2');
    const d = await decoder.decode(text, headers);
    expect(d).toMatchObject({
      id: 'wh_1',
      attempt: 2,
      apiVersion: 'v3',
      operation: 'INSERT',
      table: 'message',
      data: messageRow,
      duplicate: false,
    });
    // diff is UPDATE-only
    expect(d.diff).toBeUndefined();
  });

  it('accepts Node-style header records and a second signature entry after a rotated one', async () => {
    const decoder = createShopmonkeyWebhookDecoder({ secret });
    const { text, headers } = delivery({ ...insertMessage, operation: 'UPDATE', diff: ['smsStatus'] });
    const record = Object.fromEntries(headers);
    record['webhook-signature'] = `v1,${Buffer.alloc(32).toString('base64')} ${record['webhook-signature']}`;
    const d = await decoder.decode(text, record);
    expect(d.diff).toEqual(['smsStatus']);
  });

  it('refuses a tampered body, a wrong secret and missing headers as signature errors (401)', async () => {
    const decoder = createShopmonkeyWebhookDecoder({ secret });
    const { text, headers } = delivery(insertMessage);
    const tampered = await refusal(decoder.decode(text.replace('ready', 'READY'), headers));
    expect(tampered).toMatchObject({ code: 'signature', status: 401 });
    expect(tampered.message).toMatch(/signature does not match/i);

    const other = delivery(insertMessage, { k: randomBytes(32) });
    expect(await refusal(decoder.decode(other.text, other.headers))).toMatchObject({ code: 'signature' });

    const bare = new Headers(headers);
    bare.delete('webhook-signature');
    expect((await refusal(decoder.decode(text, bare))).message).toMatch(/missing/);
  });

  it('refuses a timestamp older than the tolerance even with a valid signature', async () => {
    const decoder = createShopmonkeyWebhookDecoder({ secret, toleranceSeconds: 60 });
    const old = delivery(insertMessage, { timestamp: now() - 61 });
    const e = await refusal(decoder.decode(old.text, old.headers));
    expect(e).toMatchObject({ code: 'stale_timestamp', status: 401 });
    const recent = delivery(insertMessage, { timestamp: now() - 30 });
    await expect(decoder.decode(recent.text, recent.headers)).resolves.toMatchObject({ duplicate: false });
  });

  it('marks a retried delivery (same webhook-id) as a duplicate, and handles it again once released', async () => {
    const decoder = createShopmonkeyWebhookDecoder({ secret, seen: memorySeenStore() });
    const first = delivery(insertMessage, { id: 'wh_retry' });
    const retry = delivery(insertMessage, { id: 'wh_retry', timestamp: now() + 1 });
    expect((await decoder.decode(first.text, first.headers)).duplicate).toBe(false);
    expect((await decoder.decode(retry.text, retry.headers)).duplicate).toBe(true);
    await decoder.release('wh_retry');
    expect((await decoder.decode(retry.text, retry.headers)).duplicate).toBe(false);
  });

  it('gives malformed errors (400) for a signed body that is not a row change', async () => {
    const decoder = createShopmonkeyWebhookDecoder({ secret });
    const notJson = delivery(null);
    const e1 = await refusal(decoder.decode('{oops', new Headers(notJson.headers)));
    // the signature covers "null", so the tampered text fails the signature first
    expect(e1.code).toBe('signature');
    const id = 'wh_bad';
    const ts = now();
    const raw = '{oops';
    const e2 = await refusal(
      decoder.decode(
        raw,
        new Headers({
          'webhook-id': id,
          'webhook-timestamp': String(ts),
          'webhook-signature': sign(id, ts, raw),
        }),
      ),
    );
    expect(e2).toMatchObject({ code: 'malformed', status: 400 });
    const noTable = delivery({ operation: 'INSERT', data: {} });
    const e3 = await refusal(decoder.decode(noTable.text, noTable.headers));
    expect(e3.code).toBe('malformed');
    expect(e3.message).toMatch(/table/);
  });
});

describe('toShopmonkeyRealtimeEvents', () => {
  const base = { id: 'wh', timestamp: now() } as const;
  const ctx = { userId: 'u1', threadFor: (c: string) => (c === 'c1' ? 't1' : undefined) };

  it('maps a message row to message.received in the user thread, with the transport mapper', async () => {
    const events = await toShopmonkeyRealtimeEvents({ ...base, ...insertMessage } as never, ctx);
    expect(events).toEqual([
      {
        type: 'message.received',
        conversationId: 't1~c1',
        message: expect.objectContaining({
          id: 'm1',
          conversationId: 't1~c1',
          direction: 'incoming',
          text: 'Is my car ready?',
          read: false,
        }) as unknown,
      },
    ]);
  });

  it('gives nothing for a customer the user has no thread with, for deletes and other tables', async () => {
    const foreign = { ...insertMessage, data: { ...messageRow, customerId: 'c2' } };
    expect(await toShopmonkeyRealtimeEvents({ ...base, ...foreign } as never, ctx)).toEqual([]);
    expect(
      await toShopmonkeyRealtimeEvents({ ...base, ...insertMessage, operation: 'DELETE' } as never, ctx),
    ).toEqual([]);
    expect(
      await toShopmonkeyRealtimeEvents({ ...base, ...insertMessage, table: 'order' } as never, ctx),
    ).toEqual([]);
  });

  it('maps a thread read elsewhere to message.read, only for its own user and when the count changed', async () => {
    const thread = {
      id: 't1',
      createdDate: '2026-12-01T00:00:00.000Z',
      updatedDate: '2026-12-06T10:05:00.000Z',
      unreadMessagesCount: 0,
      userId: 'u1',
      customerId: 'c1',
    };
    const update = { ...base, operation: 'UPDATE', table: 'message_thread_metadata', data: thread } as const;
    expect(await toShopmonkeyRealtimeEvents({ ...update, diff: ['unreadMessagesCount'] }, ctx)).toEqual([
      { type: 'message.read', conversationId: 't1~c1', readAt: '2026-12-06T10:05:00.000Z' },
    ]);
    expect(await toShopmonkeyRealtimeEvents({ ...update, diff: ['important'] }, ctx)).toEqual([]);
    expect(await toShopmonkeyRealtimeEvents({ ...update, data: { ...thread, userId: 'u2' } }, ctx)).toEqual(
      [],
    );
  });

  it('maps a new thread to conversation.created when the host can look the conversation up', async () => {
    const thread = { id: 't9', createdDate: '2026-12-06T10:00:00.000Z', userId: 'u1', customerId: 'c9' };
    const insert = { ...base, operation: 'INSERT', table: 'message_thread_metadata', data: thread } as const;
    const conversation = { id: 't9~c9' } as never;
    const events = await toShopmonkeyRealtimeEvents(insert, {
      ...ctx,
      conversationFor: (id) => Promise.resolve(id === 't9~c9' ? conversation : undefined),
    });
    expect(events).toEqual([{ type: 'conversation.created', conversation }]);
    expect(await toShopmonkeyRealtimeEvents(insert, ctx)).toEqual([]);
  });

  it('rejects a message row that is not a Message as malformed', async () => {
    const bad = { ...base, ...insertMessage, data: { id: 'm2', customerId: 'c1' } } as never;
    const e = await refusal(toShopmonkeyRealtimeEvents(bad, ctx));
    expect(e).toMatchObject({ code: 'malformed', status: 400 });
  });
});
