// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../node';
import { ACCESS_TOKEN_TTL_MS } from './handlers/auth';
import type {
  ApiAuthTokens,
  ApiMessage,
  ApiNotification,
  ApiPagination,
  ApiThread,
  ApiThreadDetail,
  V1ConversationList,
} from '../../transports/marketplace/wire';
import { MARKETPLACE_FIXTURES as F } from './seed';

const NOW = new Date('2026-01-15T12:00:00Z');
let clock = NOW.getTime();
const mock = createMockServer({ seed: 1, now: NOW, knobs: { autoReply: false, now: () => new Date(clock) } });
beforeAll(() => mock.listen());
afterEach(() => {
  mock.reset();
  clock = NOW.getTime();
});
afterAll(() => mock.close());

/** The response envelope; `T` is what the test expects in `data` (checked by its assertions). */
type Json<T> = {
  success: boolean;
  code?: string;
  message?: string;
  errors?: Array<{ field: string }>;
  data: T;
  pagination: ApiPagination;
};
async function call<T = unknown>(
  method: string,
  path: string,
  opts: { token?: string | null; body?: unknown } = {},
): Promise<{ status: number; body: Json<T> }> {
  const headers: Record<string, string> = {};
  const token = opts.token === undefined ? F.buyer.token : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`http://localhost${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return { status: res.status, body: (await res.json()) as Json<T> };
}
const uuid = (id: string) => mock.ctx.db.marketplace.uuid(id);

describe('/api/messages', () => {
  it('lists threads in camelCase with UUIDs and pagination beside data', async () => {
    const { status, body } = await call<ApiThread[]>('GET', '/api/messages?limit=3');
    expect(status).toBe(200);
    expect(body.pagination).toMatchObject({
      page: 1,
      limit: 3,
      totalPages: Math.ceil(body.pagination.total / 3),
    });
    const t = body.data[0]!;
    expect(Object.keys(t).sort()).toEqual(
      ['createdAt', 'id', 'lastMessage', 'lastMessageAt', 'listing', 'otherParty', 'unreadCount'].sort(),
    );
    expect(t.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Object.keys(t.listing).sort()).toEqual([
      'id',
      'images',
      'price',
      'priceCurrency',
      'slug',
      'title',
    ]);
    expect(t.listing.priceCurrency).toBe('EUR');
    const archived = (await call<ApiThread[]>('GET', '/api/messages?archived=true')).body.data.map(
      (x) => x.id,
    );
    expect(archived).toEqual([uuid(F.archivedConversationId)]);
    expect((await call('GET', '/api/messages?archived=maybe')).status).toBe(400);
  });

  it('shows the same data as /v1 under deterministic UUIDs', async () => {
    const v1 = (await call<V1ConversationList>('GET', '/v1/messages/conversations?limit=100')).body.data
      .conversations;
    const api = (await call<ApiThread[]>('GET', '/api/messages?limit=100')).body.data;
    expect(api.map((t) => t.id).sort()).toEqual(v1.map((c) => uuid(c.id)).sort());
    const row = api.find((t) => t.id === uuid(F.longConversationId));
    expect(row).toMatchObject({ unreadCount: 2, otherParty: { id: uuid(F.seller.id), name: 'ABC Trucks' } });
  });

  it('GET /api/messages/unread counts archived threads too', async () => {
    await call('PUT', `/v1/messages/conversations/${F.unreadConversationId}/archive`);
    expect((await call('GET', '/api/messages/unread')).body.data).toEqual({ count: 4 });
  });

  it('reads a thread oldest first and marks it read after answering', async () => {
    const id = uuid(F.longConversationId);
    const first = await call<ApiThreadDetail>('GET', `/api/messages/${id}?limit=100`);
    expect(first.status).toBe(200);
    expect(first.body.data.thread).toMatchObject({
      id,
      listing: { title: '2021 Volvo FH 500' },
      otherParty: { name: 'ABC Trucks' },
    });
    const msgs = first.body.data.messages;
    expect(Object.keys(msgs[0]!).sort()).toEqual(
      ['attachments', 'body', 'createdAt', 'id', 'isRead', 'readAt', 'sender', 'senderId'].sort(),
    );
    expect(msgs.filter((m) => !m.isRead)).toHaveLength(2); // the first fetch still shows them unread
    expect(msgs.map((m) => m.createdAt)).toEqual([...msgs.map((m) => m.createdAt)].sort());
    const second = await call<ApiThreadDetail>('GET', `/api/messages/${id}?limit=100`);
    expect(
      second.body.data.messages.filter((m) => !m.isRead && m.senderId !== uuid(F.buyer.id)),
    ).toHaveLength(0);
  });

  it('400 for a malformed id, 404 for unknown, 403 for a non-participant', async () => {
    expect((await call('GET', '/api/messages/conv_1001')).status).toBe(400);
    expect((await call('GET', '/api/messages/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call('GET', `/api/messages/${uuid(F.foreignConversationId)}`)).status).toBe(403);
  });

  it('sends into a thread (201) and by listing, re-using and un-archiving the thread', async () => {
    const r = await call<ApiMessage>('POST', '/api/messages', {
      body: { threadId: uuid(F.unreadConversationId), body: ' Hello ' },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ body: 'Hello', senderId: uuid(F.buyer.id), isRead: false });
    const archivedListing = uuid('lst_1005');
    const again = await call('POST', '/api/messages', {
      body: { listingId: archivedListing, body: 'Is the DAF still there?' },
    });
    expect(again.status).toBe(201);
    expect((await call<ApiThread[]>('GET', '/api/messages?archived=true')).body.data).toHaveLength(0);
    const created = await call('POST', '/api/messages', {
      body: { listingId: uuid(F.startListingId), body: 'New thread' },
    });
    expect(created.status).toBe(201);
    const threads = (await call<ApiThread[]>('GET', '/api/messages?limit=100')).body.data;
    expect(threads.filter((t) => t.listing.id === uuid(F.startListingId))).toHaveLength(1);
  });

  it('validates sends: body length, own listing, threadId xor listingId', async () => {
    expect(
      (await call('POST', '/api/messages', { body: { threadId: uuid(F.unreadConversationId), body: '   ' } }))
        .body.errors![0]!.field,
    ).toBe('body');
    expect(
      (
        await call('POST', '/api/messages', {
          body: { threadId: uuid(F.unreadConversationId), body: 'x'.repeat(5001) },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call('POST', '/api/messages', { body: { listingId: uuid(F.ownListingId), body: 'hi' } })).status,
    ).toBe(400);
    expect((await call('POST', '/api/messages', { body: { body: 'hi' } })).status).toBe(400);
    expect(
      (await call('POST', '/api/messages', { body: { threadId: uuid(F.foreignConversationId), body: 'hi' } }))
        .status,
    ).toBe(403);
  });

  it('archives per participant; there is no un-archive route', async () => {
    const id = uuid(F.unreadConversationId);
    const r = await call('PATCH', `/api/messages/${id}/archive`);
    expect(r.body.data).toEqual({ archived: true });
    expect(
      (await call<ApiThread[]>('GET', '/api/messages?archived=true')).body.data.map((t) => t.id),
    ).toContain(id);
    expect(
      (
        await call<ApiThread[]>('GET', '/api/messages?archived=true', { token: F.seller.token })
      ).body.data.map((t) => t.id),
    ).not.toContain(id);
    expect((await call('DELETE', `/api/messages/${id}/archive`)).status).toBe(404);
  });
});

describe('/api/notifications', () => {
  it('lists newest first, counts unread, marks one and all read', async () => {
    const list = (await call<ApiNotification[]>('GET', '/api/notifications')).body;
    expect(list.data.length).toBe(6);
    expect(new Set(list.data.map((n) => n.type))).toEqual(
      new Set([
        'NEW_MESSAGE',
        'LISTING_APPROVED',
        'LISTING_EXPIRING',
        'FAVORITE_PRICE_DROP',
        'NEW_REVIEW',
        'LISTING_SOLD',
      ]),
    );
    const times = list.data.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await call('GET', '/api/notifications/unread-count')).body.data).toEqual({ count: 3 });
    const unread = list.data.find((n) => !n.isRead)!;
    const one = await call<ApiNotification>('PATCH', `/api/notifications/${unread.id}/read`);
    expect(one.body.data).toMatchObject({ id: unread.id, isRead: true });
    expect(one.body.data.readAt).toBeTruthy();
    expect((await call('PATCH', '/api/notifications/read-all')).body.data).toEqual({ updatedCount: 2 });
    expect((await call('GET', '/api/notifications/unread-count')).body.data).toEqual({ count: 0 });
    expect((await call('PATCH', '/api/notifications/nope/read')).status).toBe(400);
    expect(
      (await call('PATCH', `/api/notifications/${unread.id}/read`, { token: F.seller.token })).status,
    ).toBe(404);
  });
});

describe('/api/auth', () => {
  it('logs in, uses the access token on both families, expires after 15 minutes, and refreshes with rotation', async () => {
    const bad = await call('POST', '/api/auth/login', {
      token: null,
      body: { email: F.buyer.email, password: 'wrong' },
    });
    expect(bad.status).toBe(401);
    expect((await call('POST', '/api/auth/login', { token: null, body: {} })).status).toBe(400);
    const login = await call<ApiAuthTokens>('POST', '/api/auth/login', {
      token: null,
      body: { email: F.buyer.email, password: F.password },
    });
    expect(login.status).toBe(200);
    const { user, accessToken, refreshToken } = login.body.data;
    expect(user).toMatchObject({ id: uuid(F.buyer.id), name: 'Anna de Vries' });
    expect(accessToken.split('.')).toHaveLength(3);
    expect((await call('GET', '/api/messages/unread', { token: accessToken })).status).toBe(200);
    expect((await call('GET', '/v1/messages/unread', { token: accessToken })).status).toBe(200);
    clock += ACCESS_TOKEN_TTL_MS;
    const expired = await call('GET', '/api/messages/unread', { token: accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/i);
    const refreshed = await call<ApiAuthTokens>('POST', '/api/auth/refresh', {
      token: null,
      body: { refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(
      (await call('GET', '/api/messages/unread', { token: refreshed.body.data.accessToken })).status,
    ).toBe(200);
    expect((await call('POST', '/api/auth/refresh', { token: null, body: { refreshToken } })).status).toBe(
      401,
    ); // rotated
  });
});
