/**
 * `npm run mock-server -- --port 4010 [--size large] [--seed 1] [--latency 0]`
 * serves the reference server over real HTTP on 127.0.0.1, through msw's
 * public `getResponse(handlers, request)`.
 */
import { createServer } from 'node:http';
import { getResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { createHandlers, createMockContext, listIdentities } from './server';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const port = Number(arg('port', process.env.PORT ?? '4010'));
const size = arg('size', 'small') === 'large' ? 'large' : 'small';
const seed = Number(arg('seed', '1'));
const latency = Number(arg('latency', '0'));
const ctx = createMockContext({ seed, size, knobs: { latencyMs: [latency, latency] } });
// WebSocket handlers cannot answer plain HTTP; keep the request handlers only.
const handlers = createHandlers(ctx, { seed, size }).filter((h): h is RequestHandler => 'resolver' in h && !('kind' in h && (h as { kind?: string }).kind === 'websocket'));

const server = createServer(async (req, res) => {
  try {
    const url = `http://127.0.0.1:${port}${req.url ?? '/'}`;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v); else if (Array.isArray(v)) headers.set(k, v.join(', '));
    const request = new Request(url, { method: req.method, headers, body });
    const response = (await getResponse(handlers, request)) ?? new Response(JSON.stringify({ success: false, code: 'not_found', message: `No route for ${req.method} ${req.url}.` }), { status: 404, headers: { 'Content-Type': 'application/json' } });
    res.statusCode = response.status;
    response.headers.forEach((v, k) => res.setHeader(k, v));
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    res.statusCode = 500;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ success: false, code: 'internal', message: String(e) }));
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`inbox-kit reference server on http://127.0.0.1:${port}  (size ${size}, seed ${seed})`);
  console.log('  marketplace: /v1/messages/*, /api/messages/*, /api/notifications/*   shopmonkey: /v3/*');
  console.log('  control: GET /__mock/identities, POST /__mock/reset, GET|PATCH /__mock/knobs');
  console.log('\nIdentities (use as "Authorization: Bearer <token>"):');
  for (const i of listIdentities(ctx.db)) console.log(`  ${i.api.padEnd(11)} ${i.role.padEnd(6)} ${i.id.padEnd(28)} ${i.name.padEnd(22)} ${i.token}`);
});
