/**
 * One relay instance for `npm run bench -- --only relay`, in a process of its
 * own so its memory is its own: `node --expose-gc --import tsx bench/relayServer.ts [redis-url]`.
 * Prints `READY <port>`. Routes: `GET /events?user=`, `POST /publish {userIds, event}`,
 * `GET /stats` (heap and RSS after a full GC, open streams).
 */
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { createMemoryBroker, createRelay, toNodeHandler } from '../src/server';
import type { RelayEvent } from '../src/server';
import { createRedisBroker } from '../src/server/redis';
import type { RedisClient } from '../src/server/redis';

const redisUrl = process.argv[2];
let client: RedisClient | undefined;
if (redisUrl) {
  client = createClient({ url: redisUrl }) as RedisClient;
  await client.connect();
}
const broker = client ? await createRedisBroker({ client }) : createMemoryBroker();
const relay = createRelay({ broker, authorize: (req) => new URL(req.url).searchParams.get('user') });
let streams = 0;
const events = toNodeHandler(async (req) => {
  const res = await relay.stream(req);
  streams += 1;
  req.signal.addEventListener('abort', () => (streams -= 1));
  return res;
});
const publish = toNodeHandler(async (req) => {
  const { userIds, event } = (await req.json()) as { userIds: string[]; event: RelayEvent };
  await relay.publish(userIds, event);
  return new Response(null, { status: 204 });
});
const gc = (globalThis as { gc?: () => void }).gc;
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/events') return events(req, res);
  if (path === '/publish') return publish(req, res);
  if (path === '/stats') {
    gc?.();
    gc?.();
    const m = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ heapUsed: m.heapUsed, rss: m.rss, external: m.external, streams }));
  }
  res.writeHead(404).end();
});
server.maxConnections = 20_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`READY ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => {
  relay.close();
  server.closeAllConnections();
  server.close();
  void (async () => {
    await broker.close();
    await client?.close();
    process.exit(0);
  })();
});
