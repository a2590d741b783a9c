import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createClient } from 'redis';
import { createMemoryBroker, createRelay, toNodeHandler } from '../../src/server';
import type { Relay, RelayBroker, RelayEvent, ShopmonkeyWebhookOptions } from '../../src/server';
import { createRedisBroker } from '../../src/server/redis';
import type { RedisClient } from '../../src/server/redis';

/** One relay instance on real HTTP (127.0.0.1), as a host would mount it. */
export interface RelayInstance {
  url: string;
  relay: Relay;
  broker: RelayBroker;
  /** How many event streams are open on this instance. */
  openStreams(): number;
  stop(): Promise<void>;
}

/**
 * Starts a relay behind `node:http`: `GET /events` (user from
 * `Authorization: Bearer <user>`, `?user=` or a mapped `?token=`; also at
 * `/__relay/events`, where the playground looks), `POST /webhooks/shopmonkey`,
 * `POST /publish` (`{userIds, event}` or the playground's `{userKey, payload}`).
 */
export async function startRelay(
  options: {
    redisUrl?: string;
    broker?: RelayBroker;
    heartbeatMs?: number;
    webhook?: Omit<ShopmonkeyWebhookOptions, 'secret'> & { secret: string };
    /** `?token=` → user key, as the reference server's relay authorises (src/mock/relay.ts). */
    tokens?: Record<string, string>;
  } = {},
): Promise<RelayInstance> {
  let client: RedisClient | undefined;
  let broker = options.broker;
  if (!broker && options.redisUrl) {
    client = createClient({ url: options.redisUrl }) as RedisClient;
    await client.connect();
    broker = await createRedisBroker({ client, maxLen: 50 });
  }
  broker ??= createMemoryBroker({ maxLen: 50 });
  const relay = createRelay({
    broker,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    authorize: (req) => {
      const auth = req.headers.get('authorization');
      const query = new URL(req.url).searchParams;
      const token = query.get('token');
      if (token) return options.tokens?.[token] ?? null;
      return auth?.startsWith('Bearer ') ? auth.slice(7) : query.get('user');
    },
  });
  let streams = 0;
  const events = toNodeHandler(async (req) => {
    const res = await relay.stream(req);
    if (res.status === 200) {
      streams += 1;
      req.signal.addEventListener('abort', () => (streams -= 1));
    }
    return res;
  });
  const webhook = toNodeHandler((req) =>
    options.webhook ? relay.shopmonkeyWebhook(req, options.webhook) : new Response(null, { status: 404 }),
  );
  const publish = toNodeHandler(async (req) => {
    const body = (await req.json()) as
      { userIds: string[]; event: RelayEvent } | { userKey: string; payload: RelayEvent };
    const [userIds, event] = 'userKey' in body ? [[body.userKey], body.payload] : [body.userIds, body.event];
    return Response.json({ ids: await relay.publish(userIds, event) });
  });
  const server: Server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, last-event-id, content-type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/events' || path === '/__relay/events') return events(req, res);
    if (path === '/webhooks/shopmonkey') return webhook(req, res);
    if ((path === '/publish' || path === '/__relay/publish') && req.method === 'POST')
      return publish(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    relay,
    broker,
    openStreams: () => streams,
    async stop() {
      relay.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      if (client) {
        await broker.close();
        await client.close();
      }
    },
  };
}
