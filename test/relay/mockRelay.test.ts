// @vitest-environment node
/**
 * `npm run mock-server -- --relay`: the reference server over HTTP sends its
 * realtime events through a relay, and a real adapter reading the relay's
 * Server-Sent Events receives them as domain events.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../src/core/types';
import { startHttpServer } from '../../src/mock/httpBridge';
import type { RunningHttpServer } from '../../src/mock/httpBridge';
import { RELAY_EVENTS_PATH, startMockRelay } from '../../src/mock/relay';
import type { MockRelay } from '../../src/mock/relay';
import { createMarketplaceTransport } from '../../src/transports/marketplace';
import { createSseEvents } from '../../src/transports/sseEvents';

let http: RunningHttpServer;
let relay: MockRelay;
beforeAll(async () => {
  http = await startHttpServer({ port: 0, seed: 1, knobs: { autoReply: false, latencyMs: [0, 0] } });
  relay = await startMockRelay(http.ctx);
});
afterAll(async () => {
  await relay.close();
  await http.close();
});

const transportOf = (token: string) =>
  createMarketplaceTransport({
    baseUrl: `${http.url}/v1`,
    getToken: () => token,
    retries: 0,
    events: createSseEvents(`${relay.url}${RELAY_EVENTS_PATH}?token=${token}`, { minDelayMs: 20 }),
  });

it('relays what the reference server pushes, to its user only', async () => {
  const buyer = transportOf('mk_buyer_1');
  const other = transportOf('mk_buyer_2');
  const seller = createMarketplaceTransport({ baseUrl: `${http.url}/v1`, getToken: () => 'mk_seller_1' });
  const got: RealtimeEvent[] = [];
  const gotOther: RealtimeEvent[] = [];
  const stop = buyer.subscribe!((e) => got.push(e));
  const stopOther = other.subscribe!((e) => gotOther.push(e));
  try {
    await expect.poll(() => got.some((e) => e.type === 'stream.status' && e.healthy)).toBe(true);
    const conversation = (await buyer.listConversations()).items.find(
      (c) => c.counterpart.id === 'usr_seller_1',
    );
    expect(conversation).toBeDefined();
    await seller.sendMessage({
      conversationId: conversation!.id,
      clientId: 'relay-1',
      text: 'Through the relay',
    });
    await expect
      .poll(() => got.find((e) => e.type === 'message.received'))
      .toMatchObject({ conversationId: conversation!.id, message: { text: 'Through the relay' } });
    expect(gotOther.filter((e) => e.type === 'message.received')).toEqual([]);
    const unauthorised = await fetch(`${relay.url}${RELAY_EVENTS_PATH}?token=nope`);
    expect(unauthorised.status).toBe(401);
  } finally {
    stop();
    stopOther();
  }
});
