/**
 * Serves the reference server over real HTTP (node:http), through msw's
 * public `getResponse(handlers, request)`. Used by `npm run mock-server`
 * (src/mock/cli.ts) and the load test.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { createHandlers, createMockContext } from './server';
import type { MockContextOptions } from './server';
import type { MockContext } from './context';

/** Options for {@link startHttpServer}. */
export interface HttpServerOptions extends MockContextOptions {
  /** `0` picks a free port. @defaultValue 4010 */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** Reuse an existing context instead of creating one from the options. */
  ctx?: MockContext;
}

/** A running HTTP reference server. */
export interface RunningHttpServer {
  server: Server;
  ctx: MockContext;
  port: number;
  /** `http://<host>:<port>` */
  url: string;
  close(): Promise<void>;
}

/** Starts the reference server on `host:port` and resolves once it listens. */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const ctx = options.ctx ?? createMockContext(options);
  // WebSocket handlers cannot answer plain HTTP; keep the request handlers only.
  const handlers = createHandlers(ctx, options).filter(
    (h): h is RequestHandler =>
      'resolver' in h && !('kind' in h && (h as { kind?: string }).kind === 'websocket'),
  );
  let origin = '';
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body =
        chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string') headers.set(k, v);
        else if (Array.isArray(v)) headers.set(k, v.join(', '));
      const request = new Request(`${origin}${req.url ?? '/'}`, { method: req.method, headers, body });
      const response =
        (await getResponse(handlers, request)) ??
        new Response(
          JSON.stringify({
            success: false,
            code: 'not_found',
            message: `No route for ${req.method} ${req.url}.`,
          }),
          { status: 404, headers: { 'Content-Type': 'application/json' } },
        );
      res.statusCode = response.status;
      response.headers.forEach((v, k) => res.setHeader(k, v));
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ success: false, code: 'internal', message: String(e) }));
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  return {
    server,
    ctx,
    port,
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        ctx.clearTimers();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
