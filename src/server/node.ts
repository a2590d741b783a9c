/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** A Fetch-style handler: what `relay.stream` and friends are. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** A Node request, possibly with a body Express middleware already read (use `express.raw()` for webhooks). */
type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/**
 * Adapts a Fetch-style handler to `node:http` and Express:
 * `app.get('/events', toNodeHandler((req) => relay.stream(req)))`. The
 * request's `signal` aborts when the client goes away, which closes its
 * stream. Webhook signatures cover the raw body: with Express, mount the
 * webhook route with `express.raw({ type: '*\/*' })` (or no body parser).
 */
export function toNodeHandler(
  handler: FetchHandler,
): (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void {
  return (req, res, next) => {
    void run(handler, req as NodeRequest, res).catch((err: unknown) => {
      if (next) return next(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  };
}

async function run(handler: FetchHandler, req: NodeRequest, res: ServerResponse): Promise<void> {
  const aborter = new AbortController();
  // 'close' on the response fires when the client disconnects (or the answer is done).
  res.on('close', () => aborter.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${host}`);
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: aborter.signal };
  if (method !== 'GET' && method !== 'HEAD') {
    if (typeof req.body === 'string' || req.body instanceof Uint8Array) init.body = req.body as BodyInit;
    else if (req.body === undefined && !req.readableEnded) {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  const response = await handler(new Request(url, init));
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => (outHeaders[name] = value));
  res.writeHead(response.status, outHeaders);
  if (!response.body) {
    res.end();
    return;
  }
  // Headers go out now: an event stream's first bytes may be a while away.
  res.flushHeaders();
  const reader = response.body.getReader();
  aborter.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((r) => res.once('drain', r));
    }
  } catch {
    // the client went away mid-stream
  }
  res.end();
}
