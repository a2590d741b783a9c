/**
 * Realtime via relay in a real browser: a real redis-server on a free port,
 * two relay instances (A and B) on it over HTTP on 127.0.0.1, and the built
 * playground connected to instance B (`?relay=`). What is published or
 * webhooked on instance A shows within a second in the open thread, the
 * inbox and the header badge.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Message } from '../src/core/types';
import { startRedis } from '../test/relay/redisServer';
import type { RedisServer } from '../test/relay/redisServer';
import { startRelay } from '../test/relay/relayServer';
import type { RelayInstance } from '../test/relay/relayServer';
import { launchBrowser } from './support/browser';
import type { E2EBrowser } from './support/browser';
import { feed, grid, headerUnread, openPlayground, shot, until } from './support/playground';

const baseUrl = inject('playgroundUrl');
const key = randomBytes(32);
const secret = `whsec_${key.toString('base64')}`;
const tokens = { mk_buyer_1: 'marketplace:usr_buyer_1', sm_staff_1: 'shopmonkey:sm_user_1' };

let redis: RedisServer | undefined;
let a: RelayInstance;
let b: RelayInstance;
let browser: E2EBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

/** Conversations of the signed-in identity in the page's reference server. */
type Seeded = Array<{ id: string; counterpartId: string; customerId?: string; threadId?: string }>;

beforeAll(async () => {
  if (!baseUrl) return;
  redis = await startRedis();
  const webhook = {
    secret,
    // The staff user with a thread with the row's customer, as a host would look it up.
    usersFor: async (delivery: { data: unknown }) => {
      const customerId = (delivery.data as { customerId?: string }).customerId;
      const threads = (await page.evaluate(() =>
        [
          ...(
            window as unknown as {
              __inboxKitMock: {
                ctx: {
                  db: {
                    shopmonkey: { threads: Map<string, { id: string; userId: string; customerId: string }> };
                  };
                };
              };
            }
          ).__inboxKitMock.ctx.db.shopmonkey.threads.values(),
        ].map((t) => ({ id: t.id, userId: t.userId, customerId: t.customerId })),
      )) as Array<{ id: string; userId: string; customerId: string }>;
      return threads
        .filter((t) => t.customerId === customerId)
        .map((t) => ({ userId: `shopmonkey:${t.userId}`, threadId: t.id }));
    },
  };
  a = await startRelay({ redisUrl: redis.url, webhook, tokens });
  b = await startRelay({ redisUrl: redis.url, webhook, tokens });
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await redis?.stop();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  pageErrors.length = 0;
});

async function openWithRelay(as: string): Promise<void> {
  browser = await launchBrowser({ viewport: { width: 1280, height: 860 } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openPlayground(page, baseUrl, `as=${as}&relay=${encodeURIComponent(b.url)}`);
  await grid(page).getByRole('row').first().waitFor();
  // The page's stream is open on instance B.
  await until(
    () => Promise.resolve(b.openStreams()),
    (n) => n >= 1,
    'the playground to open its event stream on instance B',
  );
}

const incoming = (id: string, conversationId: string, senderId: string, text: string): Message => ({
  id,
  conversationId,
  senderId,
  direction: 'incoming',
  kind: 'text',
  text,
  attachments: [],
  sentAt: new Date().toISOString(),
  read: false,
});

describe.skipIf(!baseUrl)('realtime via relay (two instances on Redis)', () => {
  it('an event published on instance A shows within 1 s in the open thread, the inbox and the badge', async () => {
    await openWithRelay('buyer');
    const seeded = (await page.evaluate(() => {
      const db = (
        window as unknown as {
          __inboxKitMock: {
            ctx: {
              db: {
                marketplace: {
                  conversationsOf(u: string): Array<{ id: string; sellerId: string; updatedAt: string }>;
                };
              };
            };
          };
        }
      ).__inboxKitMock.ctx.db.marketplace;
      return db.conversationsOf('usr_buyer_1').map((c) => ({ id: c.id, counterpartId: c.sellerId }));
    })) as Seeded;
    const [open, other] = seeded;
    expect(other, 'two seeded conversations').toBeDefined();
    await page.goto(
      page
        .url()
        .replace(/([?&])c=[^&]*/, '$1')
        .concat(`&c=${open!.id}`),
    );
    await feed(page).getByRole('article').first().waitFor();
    await until(
      () => Promise.resolve(b.openStreams()),
      (n) => n >= 1,
      'the reloaded page to open its event stream on instance B',
    );
    // The open thread marks what it shows read a moment after it opens: read the badge once it has settled.
    let before = await headerUnread(page);
    for (let settled = 0; settled < 3;) {
      await page.waitForTimeout(300);
      const now = await headerUnread(page);
      settled = now === before ? settled + 1 : 0;
      before = now;
    }

    // Another conversation: its inbox row and the badge.
    let started = Date.now();
    await a.relay.publish(['marketplace:usr_buyer_1'], {
      type: 'message.received',
      conversationId: other!.id,
      message: incoming('relay_m2', other!.id, other!.counterpartId, 'Relayed into another conversation'),
    });
    await grid(page).getByText('Relayed into another conversation').waitFor({ timeout: 1000 });
    await until(
      () => headerUnread(page),
      (n) => n === before + 1,
      `the header badge to go from ${before} to ${before + 1}`,
      1000,
    );
    expect(Date.now() - started).toBeLessThan(1000);

    // The open conversation: its thread and its inbox row.
    started = Date.now();
    await a.relay.publish(['marketplace:usr_buyer_1'], {
      type: 'message.received',
      conversationId: open!.id,
      message: incoming('relay_m1', open!.id, open!.counterpartId, 'Relayed into the open thread'),
    });
    await feed(page).getByText('Relayed into the open thread').waitFor({ timeout: 1000 });
    await grid(page).getByText('Relayed into the open thread').waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    await shot(page, 'relay-published');
  });

  it('a signed Shopmonkey webhook on instance A shows within 1 s in the staff user’s open thread; a tampered one does not', async () => {
    await openWithRelay('staff');
    await grid(page).getByRole('row').first().getByRole('button').first().click();
    await feed(page).getByRole('article').first().waitFor();
    const conversationId = new URL(page.url()).searchParams.get('c');
    const [threadId, customerId] = (conversationId ?? '').split('~');
    expect(customerId, `conversation id ${conversationId}`).toBeTruthy();
    expect(threadId).toBeTruthy();

    const send = (text: string, tamper = false) => {
      const id = `wh_${randomBytes(4).toString('hex')}`;
      const body = JSON.stringify({
        apiVersion: 'v3',
        operation: 'INSERT',
        table: 'message',
        data: {
          id: `sm_${id}`,
          createdDate: new Date().toISOString(),
          text,
          authorType: 'Customer',
          customerId,
          shopRead: false,
          origin: 'SMS',
        },
      });
      const ts = Math.floor(Date.now() / 1000);
      const signature = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;
      return fetch(`${a.url}/webhooks/shopmonkey`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(ts),
          'webhook-signature': signature,
        },
        body: tamper ? body.replace('ready', 'gone') : body,
      });
    };

    const tampered = await send('Is my truck ready?', true);
    expect(tampered.status).toBe(401);
    const started = Date.now();
    const res = await send('Webhooked: is my van ready?');
    expect(res.status).toBe(200);
    await feed(page).getByText('Webhooked: is my van ready?').waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await feed(page).getByText('Is my truck').count()).toBe(0);
    expect(await feed(page).getByText('Is my truck gone?').count()).toBe(0);
    await shot(page, 'relay-webhook');
  });
});
