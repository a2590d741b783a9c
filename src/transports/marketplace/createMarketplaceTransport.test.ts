// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mock/node';
import { MARKETPLACE_FIXTURES as F } from '../../mock/marketplace/seed';
import type { RealtimeEvent } from '../../core/types';
import type { RealtimeSource } from '../types';
import { createMarketplaceTransport } from './createMarketplaceTransport';

const mock = createMockServer({ seed: 1, knobs: { autoReply: false } });
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

/** A realtime source fed by the mock's hub (no WebSocket needed). */
function hubEvents(userId: string): RealtimeSource {
  return (onRaw) => {
    const original = mock.ctx.realtime.publish;
    mock.ctx.realtime.publish = (key, payload) => {
      if (key === `marketplace:${userId}`) onRaw(payload);
      original(key, payload);
    };
    return () => {
      mock.ctx.realtime.publish = original;
    };
  };
}

const buyer = (extra = {}) =>
  createMarketplaceTransport({
    baseUrl: 'http://localhost/v1',
    getToken: () => F.buyer.token,
    retryDelayMs: 1,
    ...extra,
  });

describe('createMarketplaceTransport', () => {
  it('maps a conversation fully', async () => {
    const c = await buyer().getConversation(F.longConversationId);
    expect(c).toMatchObject({
      subject: {
        kind: 'listing',
        id: 'lst_1001',
        title: '2021 Volvo FH 500',
        price: { amount: 85000, currency: 'EUR' },
        status: 'active',
      },
      counterpart: { id: F.seller.id, role: 'seller', verified: true, online: true },
      myRole: 'buyer',
      unreadCount: 2,
      archived: false,
    });
    expect(c.lastMessage?.senderId).toBe(F.seller.id);
    const selling = await buyer().getConversation(F.sellingConversationId);
    expect(selling).toMatchObject({ myRole: 'seller', counterpart: { role: 'buyer', name: 'Jan Bakker' } });
  });

  it('maps message kinds, attachments and direction', async () => {
    const page = await buyer().listMessages({ conversationId: F.longConversationId, limit: 100 });
    expect(new Set(page.items.map((m) => m.kind))).toEqual(
      new Set(['text', 'image', 'document', 'quick_reply']),
    );
    const doc = page.items.find((m) => m.kind === 'document')!;
    expect(doc.attachments[0]).toMatchObject({ name: 'service-records.pdf', mimeType: 'application/pdf' });
    expect(page.items.filter((m) => m.direction === 'outgoing').every((m) => m.senderId === F.buyer.id)).toBe(
      true,
    );
  });

  it('sends attachments as multipart and reports progress', async () => {
    const progress: number[] = [];
    const file = Object.assign(new Blob(['hello'], { type: 'text/plain' }), { name: 'notes.txt' });
    const m = await buyer().sendMessage({
      conversationId: F.unreadConversationId,
      clientId: 'att-1',
      text: 'See notes',
      attachments: [{ file, onProgress: (f) => progress.push(f) }],
    });
    expect(m).toMatchObject({ kind: 'document', text: 'See notes', clientId: 'att-1', status: 'sent' });
    expect(m.attachments[0]).toMatchObject({ name: 'notes.txt', size: 5, mimeType: 'text/plain' });
    expect(progress).toEqual([0, 1]);
    const exe = Object.assign(new Blob(['MZ'], { type: 'application/x-msdownload' }), { name: 'a.exe' });
    await expect(
      buyer().sendMessage({
        conversationId: F.unreadConversationId,
        clientId: 'att-2',
        attachments: [{ file: exe }],
      }),
    ).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });

  it('sends templates and surfaces missing variables as field errors', async () => {
    const m = await buyer().sendMessage({
      conversationId: F.unreadConversationId,
      clientId: 'tpl-1',
      template: { id: 'tpl_6', variables: { seller_name: 'ABC Trucks', vehicle_title: '2019 Scania R450' } },
    });
    expect(m.kind).toBe('quick_reply');
    expect(m.text).toBe('Hello ABC Trucks, is the 2019 Scania R450 still available?');
    await expect(
      buyer().sendMessage({
        conversationId: F.unreadConversationId,
        clientId: 'tpl-2',
        template: { id: 'tpl_6', variables: {} },
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ field: 'variables.seller_name' }, { field: 'variables.vehicle_title' }],
    });
  });

  it('searches and filters by role', async () => {
    expect((await buyer().listConversations({ search: 'scania' })).items.map((c) => c.id)).toEqual([
      F.unreadConversationId,
    ]);
    expect((await buyer().listConversations({ role: 'seller' })).items.map((c) => c.id)).toEqual([
      F.sellingConversationId,
    ]);
  });

  it('includes unread notifications in the summary; preferences are unsupported', async () => {
    expect(await buyer().getUnreadSummary()).toEqual({ messages: 4, conversations: 3, notifications: 3 });
    await expect(buyer().getPreferences()).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('maps realtime payloads and ignores malformed ones', async () => {
    const events: RealtimeEvent[] = [];
    const t = buyer({ events: hubEvents(F.buyer.id), userId: F.buyer.id });
    expect(t.capabilities.realtime).toBe(true);
    const off = t.subscribe!((e) => events.push(e));
    const seller = createMarketplaceTransport({
      baseUrl: 'http://localhost/v1',
      getToken: () => F.seller.token,
    });
    await seller.sendMessage({
      conversationId: F.unreadConversationId,
      clientId: 'rt-1',
      text: 'Price is firm',
    });
    await seller.markRead(F.unreadConversationId);
    mock.ctx.realtime.publish(`marketplace:${F.buyer.id}`, {
      type: 'message.received',
      data: { nope: true },
    });
    // Payloads are mapped after the mapper has loaded (a promise): let that run before judging what arrived.
    await new Promise((r) => setTimeout(r, 0));
    off();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'message.received',
      conversationId: F.unreadConversationId,
      message: { text: 'Price is firm', direction: 'incoming' },
    });
    const own = buyer({ events: hubEvents(F.seller.id) });
    const sellerEvents: RealtimeEvent[] = [];
    const off2 = own.subscribe!((e) => sellerEvents.push(e));
    await buyer().markRead(F.unreadConversationId);
    await buyer().startConversation({ subjectId: F.startListingId, text: 'Hi', clientId: 'rt-2' });
    off2();
    expect(sellerEvents.map((e) => e.type)).toEqual([
      'message.read',
      'conversation.created',
      'message.received',
    ]);
  });

  it('api profile: notifications live beside the messages; un-archive is unsupported', async () => {
    const t = createMarketplaceTransport({
      baseUrl: 'http://localhost',
      profile: 'api',
      getToken: () => F.buyer.token,
    });
    expect(t.capabilities).toMatchObject({
      unarchive: false,
      delete: false,
      templates: false,
      filters: ['all', 'archived'],
    });
    expect((await t.listNotifications()).items).toHaveLength(6);
    await expect(t.unarchive('x')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(t.listConversations({ filter: 'unread' })).rejects.toMatchObject({ code: 'unsupported' });
  });
});
