/**
 * The reference server's events through a realtime relay (`inbox-kit/server`),
 * for `npm run mock-server -- --relay` and the playground's "realtime via
 * relay" (`?relay=<url>`). Node only: reached from cli.ts, never from the
 * browser entries.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryBroker, createRelay, toNodeHandler } from '../server';
import type { Relay, RelayBroker, RelayEvent } from '../server';
import type { MockContext } from './context';
import { listIdentities } from './server';

/** Paths of the mock relay. Streams authorise with `?token=<identity token>`. */
export const RELAY_EVENTS_PATH = '/__relay/events';
/** Where a reference server in a browser page forwards its events: `POST {userKey, payload}`. */
export const RELAY_PUBLISH_PATH = '/__relay/publish';

/** A running mock relay. */
export interface MockRelay {
  relay: Relay;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a relay on its own port: every event the reference server `ctx`
 * pushes (the `realtime` knob on) is also published to the relay under the
 * same user key (`marketplace:usr_…`, `shopmonkey:…`), and browsers read it
 * with `createSseEvents(url + RELAY_EVENTS_PATH + '?token=…')`.
 */
export async function startMockRelay(
  ctx: MockContext,
  options: { port?: number; host?: string; broker?: RelayBroker } = {},
): Promise<MockRelay> {
  const relay = createRelay({
    broker: options.broker ?? createMemoryBroker(),
    authorize: (request) => {
      const token = new URL(request.url).searchParams.get('token');
      const who = listIdentities(ctx.db).find((i) => i.token === token);
      return who ? `${who.api}:${who.id}` : null;
    },
  });
  const publish = ctx.realtime.publish.bind(ctx.realtime);
  ctx.realtime.publish = (userKey, payload) => {
    publish(userKey, payload);
    if (ctx.knobs.realtime) void relay.publish([userKey], payload as RelayEvent);
  };
  const stream = toNodeHandler((request) => relay.stream(request));
  const forward = toNodeHandler(async (request) => {
    const { userKey, payload } = (await request.json()) as { userKey?: unknown; payload?: unknown };
    if (typeof userKey !== 'string' || typeof payload !== 'object' || payload === null)
      return new Response('Expected {userKey, payload}.', { status: 400 });
    return Response.json({ ids: await relay.publish([userKey], payload as RelayEvent) });
  });
  const server = createServer((req, res) => {
    // A development relay for pages on any local origin (the playground's dev server, a build).
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type, last-event-id');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const path = new URL(req.url ?? '/', 'http://relay').pathname;
    if (path === RELAY_EVENTS_PATH && req.method === 'GET') return stream(req, res);
    if (path === RELAY_PUBLISH_PATH && req.method === 'POST') return forward(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((r) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', r));
  const { port, address } = server.address() as AddressInfo;
  return {
    relay,
    url: `http://${address}:${port}`,
    async close() {
      ctx.realtime.publish = publish;
      relay.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
