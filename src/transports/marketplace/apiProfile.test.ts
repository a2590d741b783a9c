// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockServer } from '../../mock/node';
import { MARKETPLACE_FIXTURES as F } from '../../mock/marketplace/seed';
import type { TransportError } from '../../core/TransportError';
import type { TransportDiagnostic } from '../diagnostics';
import { createMarketplaceTransport } from './createMarketplaceTransport';

const mock = createMockServer({ seed: 1, knobs: { autoReply: false } });
beforeAll(() => mock.listen());
afterEach(() => {
  mock.reset();
  mock.ctx.knobs.storeThenFail = false;
  mock.ctx.knobs.apiIdempotency = false;
  vi.restoreAllMocks();
});
afterAll(() => mock.close());

const uuid = (id: string) => mock.ctx.db.marketplace.uuid(id);

/** An `/api` transport for a seeded user, with every diagnostic collected. */
function api(token: string = F.buyer.token) {
  const diagnostics: TransportDiagnostic[] = [];
  const transport = createMarketplaceTransport({
    baseUrl: 'http://localhost',
    profile: 'api',
    getToken: () => token,
    retryDelayMs: 1,
    reconcileDelayMs: 0,
    onDiagnostic: (d) => diagnostics.push(d),
  });
  return { transport, diagnostics };
}

/** Counts requests by `METHOD /path` (query stripped). */
function countRequests() {
  const counts = new Map<string, number>();
  const onStart = ({ request }: { request: Request }) => {
    const key = `${request.method} ${new URL(request.url).pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  mock.server.events.on('request:start', onStart);
  return {
    get: (key: string) => counts.get(key) ?? 0,
    stop: () => mock.server.events.removeListener('request:start', onStart),
  };
}

const row = {
  id: '00000000-0000-4000-8000-000000000001',
  lastMessageAt: '2026-01-15T10:00:00Z',
  createdAt: '2026-01-15T09:00:00Z',
  listing: {
    id: '00000000-0000-4000-8000-000000000002',
    title: 'DAF XF',
    slug: 'daf-xf',
    price: 1,
    priceCurrency: 'EUR',
    images: [] as unknown[],
  },
  otherParty: { id: '00000000-0000-4000-8000-000000000003', name: 'Piet', avatarUrl: null },
  lastMessage: null,
  unreadCount: 0,
};
const page = (data: unknown[]) => ({
  success: true,
  data,
  pagination: { page: 1, limit: 20, total: data.length, totalPages: 1 },
});
const serve = (body: unknown) =>
  mock.server.use(http.get('*/api/messages', () => HttpResponse.json(body as Record<string, unknown>)));

describe('marketplace api profile: the shapes a real server sends', () => {
  it('reads the reference server in its real-server shape without a single diagnostic', async () => {
    const { transport, diagnostics } = api();
    const list = await transport.listConversations();
    const volvo = list.items.find((c) => c.id === uuid(F.longConversationId))!;
    // images as objects with relative URLs, resolved against the API origin; a decimal price as a string
    expect(volvo.subject).toMatchObject({
      title: '2021 Volvo FH 500',
      price: { amount: 85000, currency: 'EUR' },
      thumbnailUrl: `http://localhost/placeholder/listings/${uuid('lst_1001')}/thumb`,
    });
    const image = await fetch(volvo.subject!.thumbnailUrl!);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    const messages = await transport.listMessages({ conversationId: volvo.id, limit: 100 });
    // `attachments: null` on text messages
    expect(messages.items.filter((m) => m.kind === 'text').every((m) => m.attachments.length === 0)).toBe(
      true,
    );
    expect(diagnostics).toEqual([]);
  });

  it('accepts string images, string prices, null avatars and unknown fields', async () => {
    serve(
      page([
        {
          ...row,
          extra: { nested: true },
          listing: { ...row.listing, price: '12500.50', images: ['/img/a.jpg', 'https://cdn.example/b.jpg'] },
          otherParty: { ...row.otherParty, avatarUrl: null, isOnline: true },
        },
      ]),
    );
    const { transport, diagnostics } = api();
    const [c] = (await transport.listConversations()).items;
    expect(c!.subject).toMatchObject({
      price: { amount: 12500.5, currency: 'EUR' },
      thumbnailUrl: 'http://localhost/img/a.jpg',
    });
    expect(c!.counterpart.avatarUrl).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('drops a malformed optional field, reports it once per endpoint and path, and warns in development', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const odd = { ...row, listing: { ...row.listing, images: [42], price: 'call us' } };
    serve(page([odd, { ...odd, id: '00000000-0000-4000-8000-000000000009' }]));
    const { transport, diagnostics } = api();
    const { items } = await transport.listConversations();
    await transport.listConversations();
    expect(items).toHaveLength(2);
    expect(items[0]!.subject).toEqual({ kind: 'listing', id: row.listing.id, title: 'DAF XF' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      'GET /api/messages: data[0].listing.images[0]: expected string or object, received number',
      'GET /api/messages: data[0].listing.price: expected number, received string',
    ]);
    expect(diagnostics[0]).toMatchObject({
      kind: 'decode',
      endpoint: 'GET /api/messages',
      expected: 'string or object',
    });
    expect(warn).toHaveBeenCalledWith(
      '[inbox-kit] GET /api/messages: data[0].listing.images[0]: expected string or object, received number',
    );
  });

  it('skips a malformed item and keeps the page', async () => {
    serve(page([{ ...row, otherParty: { id: 'x' } }, { ...row, id: 'ok' }, 'junk']));
    const { transport, diagnostics } = api();
    const { items } = await transport.listConversations();
    expect(items.map((c) => c.id)).toEqual(['ok']);
    expect(diagnostics.map((d) => [d.kind, d.path])).toEqual([
      ['dropped_item', 'data[0].otherParty.name'],
      ['dropped_item', 'data[2]'],
    ]);
  });

  it('fails a request only when the envelope is unusable, naming the request and why', async () => {
    serve({ success: true, data: { threads: [] } });
    const { transport, diagnostics } = api();
    const error = await transport.listConversations().catch((e: unknown) => e as TransportError);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as TransportError).message).toContain(
      'GET /api/messages: data: expected array, received object',
    );
    expect(diagnostics).toHaveLength(1);
  });

  it('subscribeDiagnostics hears what the transport did not understand', async () => {
    serve(page([{ ...row, lastMessage: 'hi' }]));
    const { transport } = api();
    const heard: string[] = [];
    const off = transport.subscribeDiagnostics!((d) => heard.push(d.path));
    await transport.listConversations();
    off();
    expect(heard).toEqual(['data[0].lastMessage']);
  });

  it('filters notifications client-side when the server ignores unreadOnly', async () => {
    const { transport, diagnostics } = api();
    const all = await transport.listNotifications();
    expect(all.items.some((n) => n.read)).toBe(true);
    const unread = await transport.listNotifications({ unreadOnly: true });
    expect(unread.items.length).toBeGreaterThan(0);
    expect(unread.items.every((n) => !n.read)).toBe(true);
    expect(diagnostics.map((d) => d.kind)).toContain('ignored_filter');
  });
});

describe('marketplace api profile: roles', () => {
  it('shows no role until a thread tells, then derives it from who opened the thread', async () => {
    const seller = api(F.seller.token).transport;
    const listed = (await seller.listConversations()).items.find((c) => c.id === uuid(F.longConversationId))!;
    expect(listed.counterpart.role).toBeUndefined();
    expect(listed.myRole).toBeUndefined();
    await seller.listMessages({ conversationId: listed.id });
    const again = await seller.getConversation(listed.id);
    expect(again).toMatchObject({ myRole: 'seller', counterpart: { role: 'buyer', name: 'Anna de Vries' } });

    const anna = api().transport;
    await anna.listMessages({ conversationId: uuid(F.sellingConversationId) });
    expect(await anna.getConversation(uuid(F.sellingConversationId))).toMatchObject({
      myRole: 'seller',
      counterpart: { role: 'buyer' },
    });
  });
});

describe('marketplace api profile: no duplicate sends without server idempotency', () => {
  const stored = (conversationId: string, text: string) =>
    mock.ctx.db.marketplace.messages.get(conversationId)!.filter((m) => m.content === text);

  it('declares sends as not idempotent, and the reference server ignores Idempotency-Key by default', async () => {
    const { transport } = api();
    expect(transport.capabilities.idempotentSends).toBe(false);
    const post = () =>
      fetch('http://localhost/api/messages', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${F.buyer.token}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'k1',
        },
        body: JSON.stringify({ threadId: uuid(F.unreadConversationId), body: 'twice' }),
      });
    await post();
    await post();
    expect(stored(F.unreadConversationId, 'twice')).toHaveLength(2);
    mock.ctx.knobs.apiIdempotency = true;
    await post();
    await post();
    expect(stored(F.unreadConversationId, 'twice')).toHaveLength(3);
  });

  it('store-then-fail: the send resolves with the stored message, and exactly one is stored', async () => {
    mock.ctx.knobs.storeThenFail = true;
    const requests = countRequests();
    const { transport } = api();
    const conversationId = uuid(F.unreadConversationId);
    const sent = await transport.sendMessage({ conversationId, clientId: 'c-stf', text: 'Lost answer' });
    requests.stop();
    expect(sent).toMatchObject({
      text: 'Lost answer',
      status: 'sent',
      clientId: 'c-stf',
      direction: 'outgoing',
    });
    expect(sent.id).toBe(uuid(stored(F.unreadConversationId, 'Lost answer')[0]!.id));
    expect(stored(F.unreadConversationId, 'Lost answer')).toHaveLength(1);
    expect(requests.get('POST /api/messages')).toBe(1);
  });

  it('a manual retry (resend.since) looks first and does not post a message the server has', async () => {
    mock.ctx.knobs.storeThenFail = true;
    const conversationId = uuid(F.unreadConversationId);
    const since = new Date().toISOString();
    // another tab (or the page before a reload) sent it; its answer was lost
    await api()
      .transport.sendMessage({ conversationId, clientId: 'c-r', text: 'Retry me' })
      .catch(() => undefined);
    mock.ctx.knobs.storeThenFail = false;
    const requests = countRequests();
    const again = await api().transport.sendMessage({
      conversationId,
      clientId: 'c-r',
      text: 'Retry me',
      resend: { since },
    });
    requests.stop();
    expect(requests.get('POST /api/messages')).toBe(0);
    expect(again.text).toBe('Retry me');
    expect(stored(F.unreadConversationId, 'Retry me')).toHaveLength(1);
  });

  it('posts again only when the check read shows the message absent', async () => {
    let fail = true;
    mock.server.use(
      http.post('*/api/messages', () => {
        if (!fail) return undefined;
        fail = false;
        return HttpResponse.json({ success: false, message: 'down' }, { status: 502 });
      }),
    );
    const { transport } = api();
    const sent = await transport.sendMessage({
      conversationId: uuid(F.unreadConversationId),
      clientId: 'c-absent',
      text: 'Absent first',
    });
    expect(sent.status).toBe('sent');
    expect(stored(F.unreadConversationId, 'Absent first')).toHaveLength(1);
  });

  it('two identical texts in a row are two messages', async () => {
    const { transport } = api();
    const conversationId = uuid(F.unreadConversationId);
    const a = await transport.sendMessage({ conversationId, clientId: 'ok-1', text: 'ok' });
    mock.ctx.knobs.storeThenFail = true;
    const b = await transport.sendMessage({ conversationId, clientId: 'ok-2', text: 'ok' });
    expect(b.id).not.toBe(a.id);
    expect(stored(F.unreadConversationId, 'ok')).toHaveLength(2);
  });
});

describe('marketplace api profile: startConversation never creates twice', () => {
  it('continues the existing thread of a listing instead of posting by listing', async () => {
    const requests = countRequests();
    const { transport } = api();
    const listingId = uuid('lst_1001');
    const { conversation } = await transport.startConversation({
      subjectId: listingId,
      clientId: 's-1',
      text: 'Still for sale?',
    });
    requests.stop();
    expect(conversation.id).toBe(uuid(F.longConversationId));
    expect(stored(F.longConversationId, 'Still for sale?')).toHaveLength(1);
    function stored(id: string, text: string) {
      return mock.ctx.db.marketplace.messages.get(id)!.filter((m) => m.content === text);
    }
  });

  it('after a lost answer and a failed look, the retry looks before it posts into the new thread', async () => {
    mock.ctx.knobs.storeThenFail = true;
    const { transport } = api();
    let reads = 0;
    mock.server.use(
      http.get('*/api/messages', () => {
        reads += 1;
        return reads >= 3 && reads <= 5
          ? HttpResponse.json({ success: false, message: 'down' }, { status: 500 })
          : undefined;
      }),
    );
    const input = { subjectId: uuid(F.startListingId), clientId: 's-3', text: 'Is it available?' };
    await expect(transport.startConversation(input)).rejects.toMatchObject({
      code: 'internal',
      outcome: 'unknown',
    });
    mock.ctx.knobs.storeThenFail = false;
    const requests = countRequests();
    const again = await transport.startConversation(input);
    requests.stop();
    expect(requests.get('POST /api/messages')).toBe(0);
    expect(again.message.text).toBe('Is it available?');
    const thread = [...mock.ctx.db.marketplace.conversations.values()].find(
      (c) => c.listingId === F.startListingId && c.buyerId === F.buyer.id,
    )!;
    expect(
      mock.ctx.db.marketplace.messages.get(thread.id)!.filter((m) => m.content === 'Is it available?'),
    ).toHaveLength(1);
  });

  it('after a 201 whose follow-up read failed, the retry only looks', async () => {
    const { transport } = api();
    const listingId = uuid(F.startListingId);
    let reads = 0;
    mock.server.use(
      http.get('*/api/messages', () => {
        reads += 1;
        // the existence check (2 reads: open and archived threads) works; the follow-up after the 201 fails, retries included
        return reads >= 3 && reads <= 5
          ? HttpResponse.json({ success: false, message: 'down' }, { status: 500 })
          : undefined;
      }),
    );
    const requests = countRequests();
    const first = await transport
      .startConversation({ subjectId: listingId, clientId: 's-2', text: 'Hello' })
      .catch((e: unknown) => e);
    expect(first).toMatchObject({ code: 'internal' });
    const second = await transport.startConversation({
      subjectId: listingId,
      clientId: 's-2',
      text: 'Hello',
    });
    requests.stop();
    expect(requests.get('POST /api/messages')).toBe(1);
    const threads = [...mock.ctx.db.marketplace.conversations.values()].filter(
      (c) => c.listingId === F.startListingId && c.buyerId === F.buyer.id,
    );
    expect(threads).toHaveLength(1);
    expect(second.conversation.id).toBe(uuid(threads[0]!.id));
    expect(second.message.text).toBe('Hello');
  });
});
