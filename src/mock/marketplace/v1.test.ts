// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockServer } from '../node';
import { createMockDb } from '../server';
import type {
  V1ConversationList,
  V1ConversationThread,
  V1MarkReadResult,
  V1Report,
  V1SentMessage,
  V1StartedConversation,
  V1Template,
} from '../../transports/marketplace/wire';
import { MARKETPLACE_FIXTURES as F } from './seed';

const NOW = new Date('2026-01-15T12:00:00Z');
const mock = createMockServer({ seed: 1, now: NOW, knobs: { autoReply: false } });
const initialKnobs = { ...mock.ctx.knobs };
beforeAll(() => mock.listen());
afterEach(() => {
  mock.reset();
  Object.assign(mock.ctx.knobs, initialKnobs);
  vi.restoreAllMocks();
});
afterAll(() => mock.close());

const BASE = 'http://localhost/v1/messages';
/** The response envelope; `T` is what the test expects in `data` (checked by its assertions). */
type Json<T> = {
  success: boolean;
  code?: string;
  message?: string;
  errors?: Array<{ field: string; message: string }>;
  data: T;
};
async function call<T = unknown>(
  method: string,
  path: string,
  opts: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Json<T> }> {
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? F.buyer.token : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await fetch(path.startsWith('http') ? path : BASE + path, { method, headers, body });
  return { status: res.status, body: (await res.json()) as Json<T> };
}

describe('auth', () => {
  it('401 without a token and with an unknown one, JSON body', async () => {
    const a = await call<V1ConversationList>('GET', '/conversations', { token: null });
    expect(a.status).toBe(401);
    expect(a.body).toMatchObject({ success: false, code: 'unauthorized' });
    expect((await call<V1ConversationList>('GET', '/conversations', { token: 'nope' })).status).toBe(401);
  });
  it('unknown routes are JSON 404s', async () => {
    const r = await call('GET', '/nothing/here');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
  });
});

describe('GET /v1/messages/conversations', () => {
  it('lists the buyer inbox with doc-shaped rows, pagination and summary inside data', async () => {
    const { status, body } = await call<V1ConversationList>('GET', '/conversations');
    expect(status).toBe(200);
    const { conversations, pagination, summary } = body.data;
    expect(conversations.length).toBeGreaterThanOrEqual(6);
    const row = conversations.find((c) => c.id === F.longConversationId)!;
    expect(Object.keys(row)).toEqual(
      expect.arrayContaining([
        'id',
        'listing',
        'participant',
        'last_message',
        'unread_count',
        'created_at',
        'updated_at',
      ]),
    );
    expect(row.listing).toMatchObject({
      id: 'lst_1001',
      title: '2021 Volvo FH 500',
      price: 85000,
      status: 'active',
    });
    expect(row.listing.thumbnail).toMatch(/^data:image\/svg\+xml/);
    expect(row.participant).toMatchObject({
      id: F.seller.id,
      name: 'ABC Trucks',
      type: 'seller',
      verified: true,
    });
    expect(row.unread_count).toBe(2);
    expect(pagination).toMatchObject({ page: 1, limit: 20 });
    expect(summary.unread).toBe(4);
    // newest first, archived and deleted-by-me excluded
    const ids = conversations.map((c) => c.id);
    expect(ids).not.toContain(F.archivedConversationId);
    expect(ids).not.toContain(F.deletedByMeConversationId);
    expect(ids).toContain(F.deletedByOtherConversationId);
    const times = conversations.map((c) => c.updated_at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages without overlap', async () => {
    const p1 = (await call<V1ConversationList>('GET', '/conversations?limit=3&page=1')).body.data;
    const p2 = (await call<V1ConversationList>('GET', '/conversations?limit=3&page=2')).body.data;
    expect(p1.conversations).toHaveLength(3);
    const ids = [...p1.conversations, ...p2.conversations].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(p1.pagination.total).toBe(p2.pagination.total);
  });

  it('filters by status, role and q; rejects unknown values', async () => {
    const ids = async (q: string) =>
      (await call<V1ConversationList>('GET', `/conversations?${q}`)).body.data.conversations.map((c) => c.id);
    expect(await ids('status=unread')).toEqual(
      expect.arrayContaining([F.longConversationId, F.unreadConversationId, F.sellingConversationId]),
    );
    expect(await ids('status=archived')).toEqual([F.archivedConversationId]);
    expect(await ids('status=read')).not.toContain(F.unreadConversationId);
    expect(await ids('role=seller')).toEqual([F.sellingConversationId]);
    expect(await ids('role=buyer')).not.toContain(F.sellingConversationId);
    expect(await ids('q=scania')).toEqual([F.unreadConversationId]);
    expect(await ids('q=van%20centrum')).toEqual(expect.arrayContaining([F.readConversationId]));
    const bad = await call<V1ConversationList>('GET', '/conversations?status=nope&role=admin');
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.field)).toEqual(['status', 'role']);
  });
});

describe('GET /v1/messages/conversations/:id', () => {
  it('returns the newest page oldest-first with has_more, and pages back with before', async () => {
    const p1 = (await call<V1ConversationThread>('GET', `/conversations/${F.longConversationId}?limit=10`))
      .body.data;
    expect(p1.conversation.participant).toMatchObject({ id: F.seller.id, online: true });
    expect(p1.messages).toHaveLength(10);
    expect(p1.pagination).toMatchObject({ page: 1, limit: 10, total: 30, has_more: true });
    const sent = p1.messages.map((m) => m.sent_at);
    expect([...sent].sort()).toEqual(sent);
    const p3 = (
      await call<V1ConversationThread>('GET', `/conversations/${F.longConversationId}?limit=10&page=3`)
    ).body.data;
    expect(p3.pagination.has_more).toBe(false);
    const before = (
      await call<V1ConversationThread>(
        'GET',
        `/conversations/${F.longConversationId}?limit=5&before=${encodeURIComponent(p1.messages[0]!.sent_at)}`,
      )
    ).body.data;
    expect(before.messages.at(-1)!.sent_at < p1.messages[0]!.sent_at).toBe(true);
    expect(before.pagination.total).toBe(20);
    expect(
      (await call<V1ConversationThread>('GET', `/conversations/${F.longConversationId}?before=yesterday`))
        .status,
    ).toBe(400);
  });

  it('has every message type, attachments and a reported flag', async () => {
    const all = (await call<V1ConversationThread>('GET', `/conversations/${F.longConversationId}?limit=100`))
      .body.data.messages;
    expect(new Set(all.map((m) => m.type))).toEqual(new Set(['text', 'image', 'document', 'quick_reply']));
    const img = all.find((m) => m.type === 'image')!;
    expect(img.attachments![0]).toMatchObject({ mime_type: 'image/svg+xml' });
    expect(img.attachments![0]!.url).toMatch(/^data:image\/svg/);
    const reported = (
      await call<V1ConversationThread>('GET', `/conversations/${F.reportedConversationId}`)
    ).body.data.messages.find((m) => m.id === F.reportedMessageId)!;
    expect(reported.reported).toBe(true);
  });

  it('403 for a non-participant, 404 for unknown or deleted-by-me', async () => {
    expect(
      (await call<V1ConversationThread>('GET', `/conversations/${F.foreignConversationId}`)).status,
    ).toBe(403);
    expect((await call('GET', '/conversations/conv_nope')).status).toBe(404);
    expect(
      (await call<V1ConversationThread>('GET', `/conversations/${F.deletedByMeConversationId}`)).status,
    ).toBe(404);
    expect(
      (
        await call<V1ConversationThread>('GET', `/conversations/${F.deletedByMeConversationId}`, {
          token: 'mk_seller_2',
        })
      ).status,
    ).toBe(200);
  });
});

describe('POST /v1/messages/conversations (start)', () => {
  it('starts a conversation, tells the seller, and re-uses it for the same listing', async () => {
    const publish = vi.spyOn(mock.ctx.realtime, 'publish');
    const r = await call<V1StartedConversation>('POST', '/conversations', {
      body: { listing_id: F.startListingId, message: 'Is it still available?' },
    });
    expect(r.status).toBe(201);
    expect(r.body.data.conversation).toMatchObject({
      listing: { id: F.startListingId, title: '2020 MAN TGX 18.510' },
      participant: { id: F.seller.id, name: 'ABC Trucks' },
    });
    expect(r.body.data.message).toMatchObject({ content: 'Is it still available?' });
    expect(publish).toHaveBeenCalledWith(
      `marketplace:${F.seller.id}`,
      expect.objectContaining({ type: 'conversation.created' }),
    );
    const again = await call<V1StartedConversation>('POST', '/conversations', {
      body: { listing_id: F.startListingId, message: 'Hello again' },
    });
    expect(again.status).toBe(200);
    expect(again.body.data.conversation.id).toBe(r.body.data.conversation.id);
  });

  it('400 for unknown listing, own listing, empty or too long message', async () => {
    const unknown = await call<V1StartedConversation>('POST', '/conversations', {
      body: { listing_id: 'lst_nope', message: 'hi' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0]!.field).toBe('listing_id');
    const own = await call<V1StartedConversation>('POST', '/conversations', {
      body: { listing_id: F.ownListingId, message: 'hi' },
    });
    expect(own.status).toBe(400);
    expect(own.body.errors![0]!.message).toMatch(/own listing/);
    const empty = await call<V1StartedConversation>('POST', '/conversations', {
      body: { listing_id: F.startListingId, message: '   ' },
    });
    expect(empty.body.errors![0]!.field).toBe('message');
    expect(
      (
        await call<V1StartedConversation>('POST', '/conversations', {
          body: { listing_id: F.startListingId, message: 'x'.repeat(5001) },
        })
      ).status,
    ).toBe(400);
  });
});

describe('POST /v1/messages/conversations/:id (send)', () => {
  it('sends text; the recipient gets message.received', async () => {
    const publish = vi.spyOn(mock.ctx.realtime, 'publish');
    const r = await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
      body: { content: '  Thanks!  ', type: 'text' },
    });
    expect(r.status).toBe(201);
    expect(r.body.data.message).toMatchObject({ content: 'Thanks!', type: 'text', sender_id: F.buyer.id });
    expect(publish).toHaveBeenCalledWith(
      `marketplace:${F.seller.id}`,
      expect.objectContaining({
        type: 'message.received',
        data: expect.objectContaining({ conversation_id: F.unreadConversationId }) as unknown,
      }),
    );
  });

  it('stores an idempotent send once', async () => {
    const headers = { 'Idempotency-Key': 'k-1' };
    const a = await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
      body: { content: 'Once' },
      headers,
    });
    const b = await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
      body: { content: 'Once' },
      headers,
    });
    expect(b.status).toBe(200);
    expect(b.body.data.message.id).toBe(a.body.data.message.id);
    const all = (
      await call<V1ConversationThread>('GET', `/conversations/${F.unreadConversationId}?limit=100`)
    ).body.data.messages;
    expect(all.filter((m) => m.content === 'Once')).toHaveLength(1);
  });

  it('renders templates and names missing variables', async () => {
    const ok = await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
      body: { template_id: 'tpl_1', variables: { vehicle_title: '2019 Scania R450', price: 'EUR 62,500' } },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data.message).toMatchObject({ type: 'quick_reply', template_id: 'tpl_1' });
    expect(ok.body.data.message.content).toContain('2019 Scania R450');
    const missing = await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
      body: { template_id: 'tpl_2', variables: { price: '1' } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/seller_name.*vehicle_title.*buyer_name/);
    expect(missing.body.errors!.map((e) => e.field)).toEqual([
      'variables.seller_name',
      'variables.vehicle_title',
      'variables.buyer_name',
    ]);
    expect(
      (
        await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
          body: { template_id: 'tpl_7', variables: {} },
        })
      ).status,
    ).toBe(400); // ABC Trucks' own template
  });

  it('validates text and ownership', async () => {
    const empty = await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
      body: { content: ' \n ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors![0]!.field).toBe('content');
    expect(
      (
        await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
          body: { content: 'x'.repeat(5001) },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call<V1SentMessage>('POST', `/conversations/${F.foreignConversationId}`, {
          body: { content: 'hi' },
        })
      ).status,
    ).toBe(403);
    expect((await call('POST', '/conversations/conv_nope', { body: { content: 'hi' } })).status).toBe(404);
  });

  it('accepts multipart attachments and serves them back; 400/413/415 on bad files', async () => {
    const form = new FormData();
    form.set('content', 'Here are the service records');
    form.set('type', 'document');
    form.append('attachment', new File(['%PDF-1.4'], 'records.pdf', { type: 'application/pdf' }));
    form.append('attachment', new File([new Uint8Array(10)], 'cab.png', { type: 'image/png' }));
    const r = await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, { body: form });
    expect(r.status).toBe(201);
    expect(r.body.data.message.type).toBe('document');
    expect(r.body.data.message.attachments).toHaveLength(2);
    const served = await fetch(r.body.data.message.attachments![0]!.url);
    expect(await served.text()).toBe('%PDF-1.4');

    const none = new FormData();
    none.set('type', 'image');
    expect(
      (await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, { body: none })).status,
    ).toBe(400);
    const six = new FormData();
    six.set('type', 'image');
    for (let i = 0; i < 6; i++) six.append('attachment', new File(['x'], `${i}.png`, { type: 'image/png' }));
    expect(
      (await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, { body: six })).status,
    ).toBe(400);
    const big = new FormData();
    big.set('type', 'document');
    big.append(
      'attachment',
      new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.pdf', { type: 'application/pdf' }),
    );
    const tooBig = await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
      body: big,
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('payload_too_large');
    const exe = new FormData();
    exe.set('type', 'document');
    exe.append('attachment', new File(['MZ'], 'virus.exe', { type: 'application/x-msdownload' }));
    expect(
      (await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, { body: exe })).status,
    ).toBe(415);
    const pdfAsImage = new FormData();
    pdfAsImage.set('type', 'image');
    pdfAsImage.append('attachment', new File(['%PDF'], 'a.pdf', { type: 'application/pdf' }));
    expect(
      (await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, { body: pdfAsImage }))
        .status,
    ).toBe(415);
  });

  it('auto-replies from the counterpart after the delay and pushes it', async () => {
    mock.ctx.knobs.autoReply = true;
    mock.ctx.knobs.autoReplyDelayMs = 20;
    const publish = vi.spyOn(mock.ctx.realtime, 'publish');
    await call<V1SentMessage>('POST', `/conversations/${F.unreadConversationId}`, {
      body: { content: 'Ping' },
    });
    await new Promise((r) => setTimeout(r, 80));
    const last = (
      await call<V1ConversationThread>('GET', `/conversations/${F.unreadConversationId}`)
    ).body.data.messages.at(-1)!;
    expect(last.sender_id).toBe(F.seller.id);
    expect(publish).toHaveBeenCalledWith(
      `marketplace:${F.buyer.id}`,
      expect.objectContaining({
        type: 'message.received',
        data: expect.objectContaining({
          message: expect.objectContaining({ id: last.id }) as unknown,
        }) as unknown,
      }),
    );
  });
});

describe('PUT …/:id/read', () => {
  it('marks the whole conversation read, returns counts, and sends a read receipt', async () => {
    const publish = vi.spyOn(mock.ctx.realtime, 'publish');
    const r = await call<V1MarkReadResult>('PUT', `/conversations/${F.longConversationId}/read`);
    expect(r.body.data).toMatchObject({
      unread_count: 2,
      conversations_with_unread: 2,
      conversation_unread_count: 0,
      marked: 2,
    });
    expect(publish).toHaveBeenCalledWith(
      `marketplace:${F.seller.id}`,
      expect.objectContaining({ type: 'message.read' }),
    );
    expect((await call('GET', '/unread')).body.data).toEqual({
      unread_count: 2,
      conversations_with_unread: 2,
    });
  });

  it('marks single messages; ids outside the conversation are 400', async () => {
    const unread = (
      await call<V1ConversationThread>('GET', `/conversations/${F.longConversationId}`)
    ).body.data.messages.filter((m) => !m.read && m.sender_id !== F.buyer.id);
    const r = await call<V1MarkReadResult>('PUT', `/conversations/${F.longConversationId}/read`, {
      body: { message_ids: [unread[0]!.id] },
    });
    expect(r.body.data).toMatchObject({ conversation_unread_count: 1, marked: 1 });
    const bad = await call<V1MarkReadResult>('PUT', `/conversations/${F.longConversationId}/read`, {
      body: { message_ids: ['msg_1002_001'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors![0]).toMatchObject({ field: 'message_ids' });
    expect(
      (
        await call<V1MarkReadResult>('PUT', `/conversations/${F.longConversationId}/read`, {
          body: { message_ids: 'x' },
        })
      ).status,
    ).toBe(400);
  });
});

describe('archive and delete are per participant', () => {
  it('archives and unarchives for the caller only', async () => {
    expect(
      (await call<{ archived: boolean }>('PUT', `/conversations/${F.unreadConversationId}/archive`)).body.data
        .archived,
    ).toBe(true);
    const mine = (
      await call<V1ConversationList>('GET', '/conversations?status=archived')
    ).body.data.conversations.map((c) => c.id);
    expect(mine).toContain(F.unreadConversationId);
    const theirs = (
      await call<V1ConversationList>('GET', '/conversations?limit=100', { token: F.seller.token })
    ).body.data.conversations.map((c) => c.id);
    expect(theirs).toContain(F.unreadConversationId);
    await call('DELETE', `/conversations/${F.unreadConversationId}/archive`);
    expect(
      (await call<V1ConversationList>('GET', '/conversations?status=archived')).body.data.conversations.map(
        (c) => c.id,
      ),
    ).not.toContain(F.unreadConversationId);
    expect(
      (await call<{ archived: boolean }>('PUT', `/conversations/${F.foreignConversationId}/archive`)).status,
    ).toBe(403);
  });

  it('deletes permanently for the caller; the other side keeps it', async () => {
    expect((await call('DELETE', `/conversations/${F.unreadConversationId}`)).status).toBe(200);
    expect((await call<V1ConversationThread>('GET', `/conversations/${F.unreadConversationId}`)).status).toBe(
      404,
    );
    expect(
      (
        await call<V1ConversationThread>('GET', `/conversations/${F.unreadConversationId}`, {
          token: F.seller.token,
        })
      ).status,
    ).toBe(200);
    expect((await call('DELETE', `/conversations/${F.unreadConversationId}`)).status).toBe(404);
  });
});

describe('templates', () => {
  it('lists shared and own templates in every category, with variables', async () => {
    const buyer = (await call<{ templates: V1Template[] }>('GET', '/templates')).body.data.templates;
    expect(new Set(buyer.map((t) => t.category))).toEqual(
      new Set(['inquiry', 'offer', 'viewing', 'after_sale', 'other']),
    );
    expect(buyer[0]).toMatchObject({
      id: 'tpl_1',
      name: 'Vehicle Available',
      category: 'inquiry',
      variables: ['vehicle_title', 'price'],
    });
    const vars = new Set(buyer.flatMap((t) => t.variables));
    for (const name of ['vehicle_title', 'price', 'buyer_name', 'seller_name', 'listing_url'])
      expect(vars).toContain(name);
    const seller = (await call<{ templates: V1Template[] }>('GET', '/templates', { token: F.seller.token }))
      .body.data.templates;
    expect(seller.length).toBe(buyer.length + 2);
  });

  it('creates a template and validates name, category, content and variable names', async () => {
    const r = await call<{ template: V1Template }>('POST', '/templates', {
      body: {
        name: 'Quick Response',
        category: 'inquiry',
        content: 'Hi {{buyer_name}}, thanks for asking about {{vehicle_title}}.',
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.data.template).toMatchObject({
      name: 'Quick Response',
      variables: ['buyer_name', 'vehicle_title'],
    });
    const bad = await call<{ template: V1Template }>('POST', '/templates', {
      body: { name: ' ', category: 'nope', content: '' },
    });
    expect(bad.body.errors!.map((e) => e.field)).toEqual(['name', 'category', 'content']);
    const badVar = await call<{ template: V1Template }>('POST', '/templates', {
      body: { name: 'x', category: 'other', content: 'Hi {{Buyer Name}}' },
    });
    expect(badVar.status).toBe(400);
    expect(badVar.body.errors![0]!.message).toMatch(/Buyer Name/);
  });
});

describe('POST /v1/messages/:messageId/report', () => {
  it('reports once (409 after), needs details for other, and checks access', async () => {
    const r = await call<V1Report>('POST', `/${F.reportableMessageId}/report`, {
      body: { reason: 'spam', details: 'Promotional' },
    });
    expect(r.status).toBe(201);
    expect(r.body.data.report).toMatchObject({
      message_id: F.reportableMessageId,
      reason: 'spam',
      status: 'pending',
    });
    expect(
      (await call<V1Report>('POST', `/${F.reportableMessageId}/report`, { body: { reason: 'spam' } })).status,
    ).toBe(409);
    expect(
      (await call<V1Report>('POST', `/${F.reportedMessageId}/report`, { body: { reason: 'fraud' } })).status,
    ).toBe(409);
    const other = await call<V1Report>('POST', '/msg_1001_006/report', { body: { reason: 'other' } });
    expect(other.status).toBe(400);
    expect(other.body.errors![0]!.field).toBe('details');
    expect((await call<V1Report>('POST', '/msg_1001_006/report', { body: { reason: 'rude' } })).status).toBe(
      400,
    );
    expect((await call<V1Report>('POST', '/msg_1001_001/report', { body: { reason: 'spam' } })).status).toBe(
      400,
    ); // own message
    expect((await call<V1Report>('POST', '/msg_2001_001/report', { body: { reason: 'spam' } })).status).toBe(
      403,
    );
    expect((await call<V1Report>('POST', '/msg_nope/report', { body: { reason: 'spam' } })).status).toBe(404);
  });
});

describe('simulation knobs', () => {
  it('rate limits with RateLimit headers and 429 + Retry-After', async () => {
    mock.ctx.knobs.rateLimit = 2;
    mock.ctx.knobs.rateLimitWindowMs = 60_000;
    const res = [];
    for (let i = 0; i < 3; i++)
      res.push(await fetch(`${BASE}/unread`, { headers: { Authorization: 'Bearer mk_buyer_2' } }));
    expect(res[0]!.headers.get('RateLimit-Limit')).toBe('2');
    expect(res[2]!.status).toBe(429);
    expect(Number(res[2]!.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

describe('seed data', () => {
  it('is deterministic for a seed and time', () => {
    const a = createMockDb({ seed: 7, now: NOW }).marketplace;
    const b = createMockDb({ seed: 7, now: NOW }).marketplace;
    const dump = (db: typeof a) =>
      JSON.stringify({
        l: [...db.listings.values()],
        m: [...db.messages.values()],
        u: [...db.users.values()],
      });
    expect(dump(a)).toBe(dump(b));
    expect(dump(createMockDb({ seed: 8, now: NOW }).marketplace)).not.toBe(dump(a));
  });

  it('has the fixed identities', () => {
    const ids = mock.ctx.db.marketplace.identities();
    expect(ids).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'usr_buyer_1',
          name: 'Anna de Vries',
          token: 'mk_buyer_1',
          api: 'marketplace',
        }),
        expect.objectContaining({ id: 'usr_seller_1', name: 'ABC Trucks', token: 'mk_seller_1' }),
        expect.objectContaining({ id: 'usr_buyer_2', name: 'Jan Bakker', token: 'mk_buyer_2' }),
      ]),
    );
  });

  // How fast it builds is the bench's to measure (a timed assertion fails on a busy machine, not on a regression).
  it('builds the large size: 5,000 conversations and a 10,000-message thread', () => {
    const db = createMockDb({ size: 'large', now: NOW }).marketplace;
    expect(db.conversationsOf(F.buyer.id).length).toBeGreaterThanOrEqual(5000);
    expect(db.messages.get(F.longConversationId)).toHaveLength(10_000);
  });

  it('gives the bulk listings of the large size raster thumbnails; the hand-written ones keep their SVGs', () => {
    const db = createMockDb({ size: 'large', now: NOW }).marketplace;
    const bulk = [...db.listings.values()].filter((l) => l.id.startsWith('lst_l'));
    expect(bulk.length).toBeGreaterThan(4900);
    expect(bulk.every((l) => l.thumbnail.startsWith('data:image/png;base64,'))).toBe(true);
    expect(new Set(bulk.map((l) => l.thumbnail)).size).toBeGreaterThan(500);
    expect(db.listings.get('lst_1001')!.thumbnail).toMatch(/^data:image\/svg\+xml/);
  });
});
