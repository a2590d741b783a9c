import { describe, expect, it, vi } from 'vitest';
import { TransportError } from '../core/TransportError';
import type { Message } from '../core/types';
import { createHttpClient } from './http';
import { createSendReconciler } from './reconcile';
import { createDiagnostics } from './diagnostics';

/** A server without idempotency: it stores every POST it receives and can lose the answer. */
function fakeServer() {
  const stored: Message[] = [];
  let loseNextAnswer = false;
  let failReads = false;
  const server = {
    stored,
    loseNextAnswer() {
      loseNextAnswer = true;
    },
    failReads(on: boolean) {
      failReads = on;
    },
    fetch: vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      await Promise.resolve();
      const u = new URL(url instanceof Request ? url.url : url.toString());
      if (init?.method === 'POST') {
        const body = JSON.parse(init.body as string) as { text: string };
        const message: Message = {
          id: `m${stored.length + 1}`,
          conversationId: 'c1',
          senderId: 'me',
          direction: 'outgoing',
          kind: 'text',
          text: body.text,
          attachments: [],
          sentAt: new Date().toISOString(),
        };
        stored.push(message);
        if (loseNextAnswer) {
          loseNextAnswer = false;
          throw new TypeError('Failed to fetch');
        }
        return Response.json(message, { status: 201 });
      }
      if (failReads) return new Response('', { status: 500 });
      if (u.pathname === '/messages') return Response.json(stored.slice(-25));
      return new Response('', { status: 404 });
    }),
  };
  return server;
}

function transportOn(server: ReturnType<typeof fakeServer>) {
  const http = createHttpClient({
    baseUrl: 'https://api.test',
    getToken: () => 't',
    fetch: server.fetch,
    retryDelayMs: 1,
  });
  const reconciler = createSendReconciler();
  return (text: string, resend?: { since: string }, clientId = text) =>
    reconciler.send({
      input: { conversationId: 'c1', clientId, text, ...(resend ? { resend } : {}) },
      post: () =>
        http.request({
          method: 'POST',
          path: '/messages',
          body: { text },
          idempotent: false,
        }) as Promise<Message>,
      readNewest: () => http.request({ method: 'GET', path: '/messages' }) as Promise<Message[]>,
      delayMs: 0,
    });
}

describe('sending to a server without idempotency', () => {
  it('stores a message once when the answer to its POST is lost', async () => {
    const server = fakeServer();
    const send = transportOn(server);
    server.loseNextAnswer();
    const message = await send('See you at 5');
    expect(server.stored.map((m) => m.text)).toEqual(['See you at 5']);
    expect(message.id).toBe('m1');
  });

  it('posts again when the check read shows the message absent', async () => {
    const server = fakeServer();
    const send = transportOn(server);
    // The first attempt never reached the server (a refused connection before any byte was written).
    server.fetch.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    await send('Hello');
    expect(server.stored.map((m) => m.text)).toEqual(['Hello']);
  });

  it('fails with outcome unknown, and posts nothing more, when the check read fails too', async () => {
    const server = fakeServer();
    const send = transportOn(server);
    server.loseNextAnswer();
    server.failReads(true);
    const error = await send('Hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe('unknown');
    expect(server.stored).toHaveLength(1);
  });

  it('a manual retry (resend) returns the stored copy instead of posting again', async () => {
    const server = fakeServer();
    const send = transportOn(server);
    const since = new Date().toISOString();
    server.loseNextAnswer();
    server.failReads(true);
    await send('Offer 9000').catch(() => undefined);
    server.failReads(false);
    const message = await send('Offer 9000', { since });
    expect(server.stored).toHaveLength(1);
    expect(message.text).toBe('Offer 9000');
  });

  it('two identical texts in a row are both stored: a stored copy is matched to one send only', async () => {
    const server = fakeServer();
    const send = transportOn(server);
    const first = await send('ok', undefined, 'client-a');
    server.loseNextAnswer();
    const second = await send('ok', undefined, 'client-b');
    expect(server.stored.map((m) => m.text)).toEqual(['ok', 'ok']);
    expect(second.id).not.toBe(first.id);
  });
});

describe('HTTP client retry rules', () => {
  it('never repeats a non-idempotent write after a 5xx, and marks the failure as possibly processed', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response('{"message":"boom"}', { status: 502 })));
    const http = createHttpClient({ baseUrl: 'https://a.test', getToken: () => '', fetch, retryDelayMs: 1 });
    const error = (await http
      .request({ method: 'POST', path: '/m', body: {}, idempotencyKey: 'k', idempotent: false })
      .catch((e: unknown) => e as TransportError)) as TransportError;
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error.outcome).toBe('unknown');
  });

  it('retries a 429 even for a non-idempotent write: the server refused it', async () => {
    const fetch = vi
      .fn<() => Promise<Response>>()
      .mockResolvedValueOnce(new Response('', { status: 429, headers: { 'Retry-After': '0' } }))
      .mockResolvedValueOnce(Response.json({ ok: true }));
    const http = createHttpClient({ baseUrl: 'https://a.test', getToken: () => '', fetch, retryDelayMs: 1 });
    await expect(http.request({ method: 'POST', path: '/m', body: {}, idempotent: false })).resolves.toEqual({
      ok: true,
    });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a 4xx on a write is not marked as possibly processed', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response('{"message":"bad"}', { status: 400 })));
    const http = createHttpClient({ baseUrl: 'https://a.test', getToken: () => '', fetch });
    const error = (await http
      .request({ method: 'POST', path: '/m', body: {}, idempotent: false })
      .catch((e: unknown) => e as TransportError)) as TransportError;
    expect(error.outcome).toBeUndefined();
  });
});

describe('diagnostics', () => {
  it('reports each endpoint and path once, whatever the list index, in one readable line', () => {
    const seen: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const d = createDiagnostics((x) => seen.push(x.message));
    for (const i of [3, 4, 5])
      d.report({
        kind: 'decode',
        endpoint: 'GET /api/messages',
        path: `data[${i}].listing.images[0]`,
        expected: 'string',
        received: 'object',
      });
    expect(seen).toEqual(['GET /api/messages: data[3].listing.images[0]: expected string, received object']);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
