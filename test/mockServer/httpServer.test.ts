/**
 * The HTTP reference server is safe to run on a laptop: only local Host names,
 * CORS for configured origins only, control routes as JSON POSTs, validated
 * knobs, 405 for unknown methods, 413 for oversized bodies without reading them
 * whole, and Idempotency-Key reuse answered as the IETF draft says.
 */
// @vitest-environment node
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../src/mock/httpBridge';
import type { RunningHttpServer } from '../../src/mock/httpBridge';

let srv: RunningHttpServer;
beforeAll(async () => {
  srv = await startHttpServer({ port: 0, seed: 1, knobs: { autoReply: false } });
});
afterAll(() => srv.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: { success?: boolean; code?: string; message?: string; data?: unknown; errors?: unknown } | undefined;
}

/** A raw request (fetch would not let a test set Host). */
function raw(
  method: string,
  path: string,
  opts: {
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: () => AsyncIterable<Buffer>;
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: srv.port,
        method,
        path,
        headers: { Host: `localhost:${srv.port}`, ...opts.headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString();
          let json: Answer['json'];
          try {
            json = text ? (JSON.parse(text) as Answer['json']) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      },
    );
    req.on('error', reject);
    if (opts.chunks) {
      void (async () => {
        try {
          for await (const c of opts.chunks!())
            if (!req.write(c)) await new Promise((r) => req.once('drain', r));
          req.end();
        } catch {
          // the server closed the connection: expected after a 413
        }
      })();
    } else req.end(opts.body);
  });
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const control = (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  raw('POST', `/__mock/${path}`, json(body, headers));

let buyerToken = '';
beforeEach(async () => {
  await control('reset');
  const ids = (await control('identities')).json!.data as Array<{ id: string; token: string }>;
  buyerToken = ids.find((i) => i.id === 'usr_buyer_1')!.token;
});

describe('HTTP reference server: who may talk to it', () => {
  it('binds 127.0.0.1', () => {
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers only local Host names (DNS rebinding)', async () => {
    for (const host of ['localhost', `localhost:${srv.port}`, `127.0.0.1:${srv.port}`, `[::1]:${srv.port}`])
      expect((await raw('POST', '/__mock/identities', json({}, { Host: host }))).status).toBe(200);
    const rebound = await raw('POST', '/__mock/reset', json({}, { Host: `attacker.example:${srv.port}` }));
    expect(rebound.status).toBe(403);
    expect(rebound.json?.message).toContain('attacker.example');
  });

  it('CORS only for configured origins: the playground and Storybook by default', async () => {
    const ok = await raw('OPTIONS', '/v1/messages/unread', {
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const story = await raw('GET', '/v1/messages/unread', {
      headers: { Origin: 'http://localhost:6006', Authorization: `Bearer ${buyerToken}` },
    });
    expect(story.status).toBe(200);
    expect(story.headers['access-control-allow-origin']).toBe('http://localhost:6006');
    const foreign = await raw('GET', '/v1/messages/unread', {
      headers: { Origin: 'https://evil.example', Authorization: `Bearer ${buyerToken}` },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    // No wildcard anywhere.
    const plain = await raw('GET', '/v1/messages/unread', {
      headers: { Authorization: `Bearer ${buyerToken}` },
    });
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('control routes need a JSON POST from an allowed origin; identities with tokens are not readable cross-origin', async () => {
    expect((await raw('GET', '/__mock/identities')).status).toBe(405);
    expect((await raw('GET', '/__mock/knobs')).status).toBe(405);
    // A form post (no preflight in a browser) is refused.
    const form = await raw('POST', '/__mock/reset', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    const evil = await control('identities', {}, { Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(JSON.stringify(evil.json)).not.toContain(buyerToken);
    const mine = await control('identities', {}, { Origin: 'http://127.0.0.1:5173' });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.json)).toContain(buyerToken);
  });
});

describe('HTTP reference server: knobs', () => {
  it('refuses bad values with 400 naming the field and its range, and applies nothing', async () => {
    const bad = await control('knobs', { latencyMs: 5, failureRate: 2 });
    expect(bad.status).toBe(400);
    expect(bad.json?.message).toContain('latencyMs must be [a, b] with integers from 0 to 60000 and a ≤ b');
    expect(bad.json?.message).toContain('failureRate must be a number from 0 to 1');
    expect(bad.json?.errors).toEqual([
      expect.objectContaining({ field: 'latencyMs' }),
      expect.objectContaining({ field: 'failureRate' }),
    ]);
    const unknown = await control('knobs', { now: 'yesterday' });
    expect(unknown.status).toBe(400);
    expect(unknown.json?.message).toContain('Unknown knob "now"');
    // Nothing was applied, and the server keeps answering.
    const knobs = (await control('knobs')).json!.data as { latencyMs: unknown; failureRate: number };
    expect(knobs).toMatchObject({ latencyMs: [0, 0], failureRate: 0 });
    expect(
      (await raw('GET', '/v1/messages/unread', { headers: { Authorization: `Bearer ${buyerToken}` } }))
        .status,
    ).toBe(200);
  });

  it('a reset restores the knobs the server started with', async () => {
    expect((await control('knobs', { failureRate: 1, autoReply: true, latencyMs: [1, 2] })).status).toBe(200);
    expect(
      (await raw('GET', '/v1/messages/unread', { headers: { Authorization: `Bearer ${buyerToken}` } }))
        .status,
    ).toBe(500); // the 5xx a knob asked for
    await control('reset');
    expect((await control('knobs')).json!.data).toMatchObject({
      failureRate: 0,
      autoReply: false,
      latencyMs: [0, 0],
    });
  });
});

describe('HTTP reference server: methods and bodies', () => {
  it('unknown methods get 405 with Allow, not 500', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'PURGE']) {
      const r = await raw(method, '/v1/messages/unread');
      expect(r.status).toBe(405);
      expect(r.headers.allow).toContain('GET');
    }
  });

  it('a JSON body over 1 MB gets 413 from its Content-Length, before it is read', async () => {
    const r = await raw('POST', '/v1/messages/conversations/conv_1002', {
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${buyerToken}`,
        'Content-Length': String(50 * 1024 * 1024),
      },
      chunks: async function* () {
        yield await Promise.resolve(Buffer.from('{"content":"'));
      },
    });
    expect(r.status).toBe(413);
  });

  it('a streamed body without a length is cut off at the limit with 413 (50 MB are never buffered)', async () => {
    let sent = 0;
    const r = await raw('POST', '/v1/messages/conversations/conv_1002', {
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${buyerToken}`,
        'Transfer-Encoding': 'chunked',
      },
      chunks: async function* () {
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          yield await Promise.resolve(chunk);
        }
      },
    });
    expect(r.status).toBe(413);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('HTTP reference server: Idempotency-Key reuse (IETF draft)', () => {
  const send = (conversation: string, content: string, key: string) =>
    raw(
      'POST',
      `/v1/messages/conversations/${conversation}`,
      json({ content }, { Authorization: `Bearer ${buyerToken}`, 'Idempotency-Key': key }),
    );

  it('the same key and body returns the stored message; another body or conversation gets 422', async () => {
    const first = await send('conv_1002', 'hello once', 'key-1');
    expect(first.status).toBe(201);
    const again = await send('conv_1002', 'hello once', 'key-1');
    expect(again.status).toBe(200);
    expect(again.json?.data).toEqual(first.json?.data);
    const otherBody = await send('conv_1002', 'something else', 'key-1');
    expect(otherBody.status).toBe(422);
    const otherConversation = await send('conv_1003', 'hello once', 'key-1');
    expect(otherConversation.status).toBe(422);
    expect(JSON.stringify(otherConversation.json)).not.toContain('hello once');
  });

  it('409 while the first request with the key is still in flight', async () => {
    await control('knobs', { latencyMs: [300, 300] });
    const [a, b] = await Promise.all([
      send('conv_1002', 'concurrent', 'key-2'),
      new Promise((r) => setTimeout(r, 50)).then(() => send('conv_1002', 'concurrent', 'key-2')),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(409);
  });
});
