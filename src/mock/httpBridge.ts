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

/** Origins allowed by default: the playground's and Storybook's dev servers. */
export const DEFAULT_ALLOWED_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:6006',
  'http://127.0.0.1:6006',
];
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Largest JSON body read. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** Largest multipart body read: the advertised 5 attachments of 10 MB, plus the form's own bytes. */
export const MAX_UPLOAD_BYTES = 5 * 10 * 1024 * 1024 + 1024 * 1024;

/** Options for {@link startHttpServer}. */
export interface HttpServerOptions extends MockContextOptions {
  /** `Host` names accepted besides `localhost`, `127.0.0.1` and `[::1]` (DNS rebinding protection). */
  allowedHosts?: string[];
  /** Origins that may call the server from a browser (CORS). @defaultValue {@link DEFAULT_ALLOWED_ORIGINS} */
  allowedOrigins?: string[];
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
  const hosts = new Set([...LOCAL_HOSTS, ...(options.allowedHosts ?? [])].map((h) => h.toLowerCase()));
  const origins = new Set(options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
  const server = createServer((req, res) => void handle(req, res));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify({ success: false, code, message }));
    };
    try {
      // DNS rebinding: a foreign name resolving to 127.0.0.1 must not reach the server.
      const host = hostName(req.headers.host);
      if (!host || !hosts.has(host))
        return fail(
          403,
          'forbidden',
          `Host "${req.headers.host ?? ''}" is not allowed. Allowed: ${[...hosts].join(', ')}.`,
        );
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && !origins.has(requestOrigin))
        return fail(403, 'forbidden', `Origin "${requestOrigin}" is not allowed.`);
      const cors: Record<string, string> = requestOrigin
        ? {
            'Access-Control-Allow-Origin': requestOrigin,
            Vary: 'Origin',
            'Access-Control-Expose-Headers':
              'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After',
          }
        : {};
      const method = (req.method ?? 'GET').toUpperCase();
      if (!METHODS.includes(method))
        return fail(405, 'method_not_allowed', `Method ${method} is not allowed.`, {
          Allow: METHODS.join(', '),
          ...cors,
        });
      if (method === 'OPTIONS') {
        res.writeHead(204, {
          ...cors,
          'Access-Control-Allow-Methods': METHODS.join(', '),
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, X-Request-Id',
          'Access-Control-Max-Age': '600',
        });
        return res.end();
      }
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      // Control routes change or reveal the whole server (tokens included): a JSON POST, which a
      // foreign page cannot send without a CORS preflight that the origin check above refuses.
      if (path.startsWith('/__mock/') && path !== '/__mock/realtime') {
        if (method !== 'POST')
          return fail(405, 'method_not_allowed', `Control routes take POST with a JSON body.`, {
            Allow: 'POST',
            ...cors,
          });
        if (!type.startsWith('application/json'))
          return fail(
            415,
            'unsupported_media_type',
            'Control routes take a JSON body (Content-Type: application/json).',
            cors,
          );
      }
      const limit = type.startsWith('multipart/form-data') ? MAX_UPLOAD_BYTES : MAX_JSON_BYTES;
      const declared = Number(req.headers['content-length'] ?? 0);
      const tooLarge = () => {
        // Answer now and stop reading: the rest of the body is never buffered.
        fail(413, 'payload_too_large', `The body is larger than ${limit} bytes.`, {
          Connection: 'close',
          ...cors,
        });
        req.destroy();
      };
      if (declared > limit) return tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > limit) return tooLarge();
        chunks.push(c as Buffer);
      }
      const body = chunks.length && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string') headers.set(k, v);
        else if (Array.isArray(v)) headers.set(k, v.join(', '));
      const request = new Request(`${origin}${req.url ?? '/'}`, { method, headers, body });
      const response =
        (await getResponse(handlers, request)) ??
        new Response(
          JSON.stringify({
            success: false,
            code: 'not_found',
            message: `No route for ${method} ${path}.`,
          }),
          { status: 404, headers: { 'Content-Type': 'application/json' } },
        );
      res.statusCode = response.status;
      response.headers.forEach((v, k) => res.setHeader(k, v));
      for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      if (res.headersSent) return void res.end();
      fail(500, 'internal', String(e));
    }
  };
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

/** The host name of a `Host` header, lower-cased, without the port (`[::1]` keeps its brackets). */
function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : undefined;
  }
  return h.split(':')[0] || undefined;
}
