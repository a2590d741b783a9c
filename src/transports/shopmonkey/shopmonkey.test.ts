// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockServer } from '../../mock/node';
import type { Message, RealtimeEvent } from '../../core/types';
import type { RealtimeSource } from '../types';
import { rejection } from '../../../test/contract/transportContract';
import { createShopmonkeyTransport } from './createShopmonkeyTransport';
import type { ShopmonkeyTransportOptions } from './createShopmonkeyTransport';

const NOW = new Date(2026, 0, 15, 12, 0, 0);
const mock = createMockServer({
  seed: 1,
  now: NOW,
  knobs: { autoReply: false, deliveryDelayMs: 5, now: () => NOW },
});
const initialKnobs = { ...mock.ctx.knobs };
beforeAll(() => mock.listen());
afterEach(() => {
  mock.reset();
  Object.assign(mock.ctx.knobs, initialKnobs);
});
afterAll(() => mock.close());

const JAMIE = 'sm_mtm_1~sm_cust_1';
const PRIYA = 'sm_mtm_2~sm_cust_2';
const NORTHWIND = 'sm_mtm_3~sm_cust_3';
const DANIEL = 'sm_mtm_4~sm_cust_4';

/** Taps the mock's realtime hub directly (Node 20 has no global WebSocket). */
function tapEvents(userId = 'sm_user_1'): RealtimeSource {
  const hub = mock.ctx.realtime;
  return (onRaw) => {
    const original = hub.publish;
    hub.publish = (key, payload) => {
      if (key === `shopmonkey:${userId}`) onRaw(JSON.parse(JSON.stringify(payload)));
      original.call(hub, key, payload);
    };
    return () => {
      hub.publish = original;
    };
  };
}

const make = (overrides: Partial<ShopmonkeyTransportOptions> = {}) =>
  createShopmonkeyTransport({
    baseUrl: 'http://localhost/v3',
    userId: 'sm_user_1',
    getToken: () => 'sm_staff_1',
    retryDelayMs: 1,
    reconcileDelayMs: 5,
    ...overrides,
  });

const waitFor = async <T>(get: () => T | undefined | Promise<T | undefined>, ms = 2000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('capabilities', () => {
  it('declares what Shopmonkey has', () => {
    const t = make();
    expect(t.id).toBe('shopmonkey');
    expect(t.capabilities).toMatchObject({
      templates: true,
      createTemplates: true,
      idempotentSends: false,
      archive: false,
      delete: false,
      report: false,
      notifications: false,
      startConversation: false,
      perMessageRead: false,
      internalNotes: true,
      deliveryChannels: ['sms', 'email'],
      preferences: true,
      preferenceCategories: [],
      preferenceChannels: ['email', 'sms', 'inApp'],
      suggestedReplies: true,
      orderShare: true,
      quietHours: true,
      maxTextLength: 5000,
      realtime: false,
      search: true,
      attachments: { maxCount: 5, maxBytes: 10 * 1024 * 1024 },
    });
    expect(t).not.toHaveProperty('subscribe');
    const rt = make({ events: () => () => {} });
    expect(rt.capabilities.realtime).toBe(true);
    expect(typeof rt.subscribe).toBe('function');
  });
  it('rejects missing features with unsupported', async () => {
    const t = make();
    for (const p of [
      t.archive(JAMIE),
      t.unarchive(JAMIE),
      t.deleteConversation(JAMIE),
      t.reportMessage('x', 'spam'),
      t.listNotifications(),
      t.markNotificationRead('n'),
      t.markAllNotificationsRead(),
      t.startConversation({ subjectId: 's', text: 't', clientId: 'c' }),
      make({ notes: false }).sendMessage({ conversationId: JAMIE, clientId: 'c', text: 'n', kind: 'note' }),
    ]) {
      expect((await rejection(p)).code).toBe('unsupported');
    }
  });
});

describe('conversations', () => {
  it('maps inbox rows: counterpart, reachability, order subject, unread, archived', async () => {
    const page = await make().listConversations({ limit: 100 });
    expect(page.items).toHaveLength(5); // 'all' hides the archived thread
    const jamie = page.items.find((c) => c.id === JAMIE)!;
    expect(jamie).toMatchObject({
      counterpart: {
        id: 'sm_cust_1',
        name: 'Jamie Rivera',
        role: 'customer',
        hasPhone: true,
        hasEmail: true,
      },
      subject: { kind: 'order', id: 'sm_order_1', title: 'Order #1042', number: '1042' },
      unreadCount: 2,
      archived: false,
      important: true,
      myRole: 'staff',
      lastMessage: { text: 'Also, can I pick it up after 5pm?', read: false, senderId: 'sm_cust_1' },
    });
    expect(page.items.find((c) => c.id === DANIEL)!.counterpart).toMatchObject({
      hasPhone: false,
      hasEmail: true,
    });
    expect(page.items.find((c) => c.id === PRIYA)!.counterpart).toMatchObject({
      hasPhone: true,
      hasEmail: false,
    });
    expect(page.items.find((c) => c.id === PRIYA)!.subject).toBeUndefined();
    expect(page.items.find((c) => c.id === NORTHWIND)!.counterpart.name).toBe('Northwind Logistics');
    const archived = await make().listConversations({ filter: 'archived' });
    expect(archived.items.map((c) => c.counterpart.name)).toEqual(['Sofia Marino']);
    const found = await make().listConversations({ search: '1038' });
    expect(found.items.map((c) => c.id)).toEqual([DANIEL]);
  });
  it('pages a 5,000-thread inbox and a 10,000-message thread without duplicates', async () => {
    const big = createMockServer({ size: 'large', seed: 1, now: NOW, knobs: { autoReply: false } });
    mock.close();
    big.listen();
    try {
      const t = make();
      const ids = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await t.listConversations({ filter: 'all', limit: 100, cursor });
        for (const c of page.items) ids.add(c.id);
        cursor = page.next;
      } while (cursor);
      expect(ids.size).toBe(4999); // 5,000 threads, one archived
      const long = [...ids].find((id) => id.endsWith('~sm_cust_big'))!;
      const seen = new Set<string>();
      let prevOldest = '9999';
      cursor = undefined;
      let first = true;
      do {
        const page = await t.listMessages({ conversationId: long, limit: 100, cursor });
        expect(page.items[page.items.length - 1]!.sentAt <= prevOldest).toBe(true);
        prevOldest = page.items[0]!.sentAt;
        for (const m of page.items) seen.add(m.id);
        if (first) {
          // a message arriving while paging back does not shift the pages
          await t.sendMessage({ conversationId: long, clientId: 'mid-paging', text: 'new while paging' });
          first = false;
        }
        cursor = page.next;
      } while (cursor);
      expect(seen.size).toBe(10_000);
    } finally {
      big.close();
      mock.listen();
    }
  }, 40_000);
  it('rejects malformed ids and cursors', async () => {
    expect((await rejection(make().getConversation('nonsense'))).code).toBe('not_found');
    expect((await rejection(make().listConversations({ cursor: 'x' }))).code).toBe('validation_failed');
  });
});

describe('messages', () => {
  const byText = (items: Message[], part: string) => items.find((m) => m.text.includes(part))!;
  it('maps every Message feature onto the domain', async () => {
    const t = make();
    const jamie = (await t.listMessages({ conversationId: JAMIE, limit: 100 })).items;
    expect(jamie.map((m) => m.sentAt)).toEqual([...jamie.map((m) => m.sentAt)].sort());
    expect(byText(jamie, 'Rotors are below')).toMatchObject({
      kind: 'note',
      senderId: 'sm_user_2',
      direction: 'outgoing',
      extras: { authorColor: '#b45309', origin: 'mobile' },
    });
    expect(byText(jamie, 'estimate for front brake')).toMatchObject({
      direction: 'outgoing',
      senderId: 'sm_user_1',
      status: 'sent',
      delivery: { sms: { status: 'delivered' }, email: { status: 'delivered' } },
      extras: {
        orderShare: { orderId: 'sm_order_1', orderNumber: '1042', type: 'Estimate' },
        emailSubject: 'Estimate #1042 from Lopez Auto Repair',
        vehicleId: 'sm_veh_1',
        authorColor: '#1d4ed8',
      },
    });
    expect(byText(jamie, 'Reply YES')).toMatchObject({
      extras: { appointment: { id: 'sm_appt_1', event: 'Scheduled', confirmationRequested: true } },
      delivery: { email: { status: 'read' } },
      read: true,
    });
    expect(byText(jamie, 'pick it up after 5pm')).toMatchObject({
      direction: 'incoming',
      read: false,
      senderId: 'sm_cust_1',
      extras: { origin: 'sms', suggestedReply: { text: 'Yes, we are open until 6pm — see you then!' } },
    });
    const northwind = (await t.listMessages({ conversationId: NORTHWIND })).items;
    expect(byText(northwind, 'rescheduled')).toMatchObject({
      kind: 'system',
      senderId: 'system',
      extras: { appointment: { event: 'Rescheduled' } },
    });
    expect(byText(northwind, 'invoice is attached')).toMatchObject({
      kind: 'document',
      attachments: [
        { id: 'sm_file_1', name: 'invoice-1043.pdf', mimeType: 'application/pdf', size: 182_344 },
      ],
    });
    const daniel = (await t.listMessages({ conversationId: DANIEL })).items;
    const photos = byText(daniel, 'photos from the inspection');
    expect(photos.kind).toBe('image');
    expect(photos.attachments.map((a) => a.name)).toEqual(['inspection-front.jpg', 'inspection-rear.png']);
    expect(photos.delivery?.sms).toEqual({
      status: 'error',
      error: expect.stringMatching(/no mobile phone/) as string,
    });
    expect(byText(daniel, 'ready for pickup')).toMatchObject({
      deleted: true,
      extras: { deletedBy: 'sm_user_1', deletedReason: 'Sent to the wrong customer' },
    });
    const priya = (await t.listMessages({ conversationId: PRIYA })).items;
    expect(byText(priya, 'We close at 6pm').delivery?.email).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/no email/) as string,
    });
  });
  it('sends on channels with subject, order share, suggested reply state and quiet-hours flag', async () => {
    const m = await make().sendMessage({
      conversationId: JAMIE,
      clientId: 'c1',
      text: 'Here is your estimate',
      channels: { sms: true, email: true, emailSubject: 'Estimate' },
      orderShare: { orderId: 'sm_order_1', type: 'Estimate' },
      suggestedReplyState: 'edited',
      avoidQuietHours: true,
    });
    expect(m).toMatchObject({
      kind: 'text',
      direction: 'outgoing',
      clientId: 'c1',
      delivery: { sms: { status: 'pending' }, email: { status: 'pending' } },
      extras: {
        emailSubject: 'Estimate',
        orderShare: { orderId: 'sm_order_1', orderNumber: '1042', type: 'Estimate' },
        avoidQuietHours: true,
      },
    });
    const stored = (await make().listMessages({ conversationId: JAMIE })).items.at(-1)!;
    expect(stored.id).toBe(m.id);
    const raw = await fetch(`http://localhost/v3/message/${m.id}`, {
      headers: { Authorization: 'Bearer sm_staff_1' },
    });
    expect(((await raw.json()) as { data: Record<string, unknown> }).data).toMatchObject({
      suggestedReplyState: 'edited',
      isOrderShare: true,
      avoidSMSQuietHours: true,
      metadata: { clientId: 'c1' },
    });
  });
  it('sends internal notes without delivery', async () => {
    const note = await make().sendMessage({
      conversationId: JAMIE,
      clientId: 'n1',
      text: 'Parts ordered',
      internal: true,
      channels: { sms: true },
    });
    expect(note.kind).toBe('note');
    expect(note.delivery).toBeUndefined();
    const viaKind = await make().sendMessage({
      conversationId: JAMIE,
      clientId: 'n2',
      text: 'Also a note',
      kind: 'note',
    });
    expect(viaKind.kind).toBe('note');
  });
  it('marks an SMS scheduled during quiet hours', async () => {
    mock.ctx.knobs.now = () => new Date(2026, 0, 15, 22, 30);
    const m = await make().sendMessage({
      conversationId: JAMIE,
      clientId: 'q1',
      text: 'Tomorrow',
      channels: { sms: true },
      avoidQuietHours: true,
    });
    expect(m.delivery?.sms).toEqual({ status: 'pending', scheduled: true });
  });
  it('uploads files first through PUT /v3/blob, in order, then sends their ids', async () => {
    const progress = vi.fn();
    const files = [
      new File(['a'], 'a.png', { type: 'image/png' }),
      new File(['bb'], 'b.pdf', { type: 'application/pdf' }),
    ];
    const m = await make().sendMessage({
      conversationId: JAMIE,
      clientId: 'f1',
      text: '',
      attachments: files.map((file) => ({ file, onProgress: progress })),
    });
    expect(m.kind).toBe('document');
    expect(m.attachments.map((a) => [a.name, a.size, a.mimeType])).toEqual([
      ['a.png', 1, 'image/png'],
      ['b.pdf', 2, 'application/pdf'],
    ]);
    expect(progress).toHaveBeenCalledWith(1);
  });
  it('uses the host uploadFile option when given', async () => {
    const uploadFile = vi.fn(async (file: Blob & { name: string }) =>
      file.name === 'rear.png' ? 'sm_file_3' : 'sm_file_2',
    );
    const m = await make({ uploadFile }).sendMessage({
      conversationId: JAMIE,
      clientId: 'f2',
      text: 'photos',
      attachments: [
        { file: new File(['x'], 'rear.png', { type: 'image/png' }) },
        { file: new File(['y'], 'front.jpg', { type: 'image/jpeg' }) },
      ],
    });
    expect(uploadFile).toHaveBeenCalledTimes(2);
    expect(m.attachments.map((a) => a.id)).toEqual(['sm_file_3', 'sm_file_2']);
    expect(m.kind).toBe('image');
  });
  it('maps upload failures and limits', async () => {
    const exe = { file: new File(['x'], 'x.exe', { type: 'application/x-msdownload' }) };
    expect(
      (
        await rejection(
          make().sendMessage({ conversationId: JAMIE, clientId: 'f3', text: 'x', attachments: [exe] }),
        )
      ).code,
    ).toBe('unsupported_media_type');
    const six = Array.from({ length: 6 }, (_, i) => ({
      file: new File(['x'], `${i}.png`, { type: 'image/png' }),
    }));
    expect(
      (
        await rejection(
          make().sendMessage({ conversationId: JAMIE, clientId: 'f4', text: 'x', attachments: six }),
        )
      ).code,
    ).toBe('validation_failed');
  });
  it('a send whose answer is lost is found in the thread, not posted again: one SMS stored, one shown', async () => {
    mock.ctx.knobs.now = () => new Date(); // the check compares the server's time with the send's start
    let posts = 0;
    // The server stores the message (and sends the SMS), then the connection drops before the answer.
    const dropAnswer: typeof fetch = async (input, init) => {
      const res = await globalThis.fetch(input, init);
      if (
        init?.method === 'POST' &&
        (input instanceof Request ? input.url : input.toString()).endsWith('/v3/message') &&
        ++posts === 1
      )
        throw new TypeError('Failed to fetch');
      return res;
    };
    const t = make({ fetch: dropAnswer });
    const m = await t.sendMessage({
      conversationId: PRIYA,
      clientId: 'net-1',
      text: 'through a network blip',
      channels: { sms: true },
    });
    expect(posts).toBe(1);
    const stored = [...mock.ctx.db.shopmonkey.messages.values()].filter(
      (x) => x.text === 'through a network blip',
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.sendSms).toBe(true);
    expect(m.id).toBe(stored[0]!.id);
    const shown = (await t.listMessages({ conversationId: PRIYA })).items;
    expect(shown.filter((x) => x.text === 'through a network blip')).toHaveLength(1);
    // The outbox's manual Retry (or a reload) carries resend.since: the same stored copy, nothing new.
    const again = await make().sendMessage({
      conversationId: PRIYA,
      clientId: 'net-1',
      text: 'through a network blip',
      resend: { since: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(again.id).toBe(m.id);
    expect(
      [...mock.ctx.db.shopmonkey.messages.values()].filter((x) => x.text === 'through a network blip'),
    ).toHaveLength(1);
  });
  it('retries a send the server refused with 429 after Retry-After, storing it once', async () => {
    let refused = 0;
    mock.use(
      http.post(
        '*/v3/message',
        () => {
          refused += 1;
          return HttpResponse.json(
            { success: false, code: 'rate_limited', message: 'Slow down' },
            { status: 429, headers: { 'Retry-After': '0' } },
          );
        },
        { once: true },
      ),
    );
    const m = await make().sendMessage({ conversationId: PRIYA, clientId: 'rl-1', text: 'after a 429' });
    expect(refused).toBe(1);
    expect([...mock.ctx.db.shopmonkey.messages.values()].filter((x) => x.text === 'after a 429')).toEqual([
      expect.objectContaining({ id: m.id }),
    ]);
  });
  it('a 500 on a send is "may not have been sent" (outcome unknown), never a blind second post', async () => {
    let posts = 0;
    mock.use(
      http.post('*/v3/message', () => {
        posts += 1;
        return HttpResponse.json({ success: false, message: 'boom' }, { status: 500 });
      }),
    );
    // The check read fails too: nobody can tell whether it was stored, so nothing is posted again.
    mock.use(http.get('*/v3/message', () => HttpResponse.json({ success: false }, { status: 503 })));
    const e = await rejection(
      make({ retries: 0 }).sendMessage({ conversationId: PRIYA, clientId: 'u-1', text: 'unknown fate' }),
    );
    expect(e.outcome).toBe('unknown');
    expect(posts).toBe(1);
  });
  it('aborts a send', async () => {
    const c = new AbortController();
    c.abort();
    expect(
      (
        await rejection(
          make().sendMessage({ conversationId: JAMIE, clientId: 'ab', text: 'x', signal: c.signal }),
        )
      ).code,
    ).toBe('aborted');
  });
});

describe('read state and unread summary', () => {
  it('marks a whole thread read and sums unread from thread metadata', async () => {
    const t = make();
    expect(await t.getUnreadSummary()).toEqual({ messages: 3, conversations: 2 });
    expect(await t.markRead(JAMIE, ['ignored'])).toEqual({ messages: 1, conversations: 1 });
    expect(
      (await t.listMessages({ conversationId: JAMIE })).items
        .filter((m) => m.direction === 'incoming')
        .every((m) => m.read),
    ).toBe(true);
    expect((await rejection(t.markRead('sm_mtm_8~sm_cust_7'))).code).toBe('forbidden');
    expect((await rejection(t.markRead('sm_mtm_99~sm_cust_7'))).code).toBe('not_found');
  });
  it('reads unread counts from the thread metadata list in one request, counting only own threads', async () => {
    let requests = 0;
    mock.use(
      http.get('*/v3/message_thread_metadata', () => {
        requests += 1;
        const row = (id: string, userId: string, unreadMessagesCount: number) => ({
          ...minimalRow().messageThreadMetadata,
          id,
          userId,
          unreadMessagesCount,
        });
        // A server that ignored the filter: another user's thread and a read thread come back too.
        return HttpResponse.json({
          success: true,
          data: [
            row('t1', 'sm_user_1', 2),
            row('t2', 'sm_user_2', 7),
            row('t3', 'sm_user_1', 0),
            row('t4', 'sm_user_1', 1),
          ],
          meta: { hasMore: false, total: 4 },
        });
      }),
    );
    const diagnostics: string[] = [];
    expect(await make({ onDiagnostic: (d) => diagnostics.push(d.kind) }).getUnreadSummary()).toEqual({
      messages: 3,
      conversations: 2,
    });
    expect(requests).toBe(1);
    expect(diagnostics).toContain('foreign_row');
  });
});

describe('preferences', () => {
  it('maps the config array and writes it back whole', async () => {
    const t = make({ notificationCategories: true });
    const prefs = await t.getPreferences();
    expect(prefs).toEqual({
      default: { email: true, inApp: true, sms: false },
      categories: {
        message: { email: false, inApp: true, sms: true },
        payment: { email: true, inApp: false, sms: false },
      },
    });
    const saved = await t.updatePreferences({
      default: { email: false, sms: false, inApp: true },
      categories: { appointment: { email: true, sms: true, inApp: true } },
    });
    expect(saved).toEqual({
      default: { email: false, sms: false, inApp: true },
      categories: { appointment: { email: true, sms: true, inApp: true } },
    });
    const raw = await fetch('http://localhost/v3/user/sm_user_1/notification_config', {
      headers: { Authorization: 'Bearer sm_staff_1' },
    });
    expect(((await raw.json()) as { data: unknown }).data).toEqual([
      { sendEmail: false, sendInApp: true, sendSms: false },
      { type: 'appointment', sendEmail: true, sendInApp: true, sendSms: true },
    ]);
  });
});

describe('malformed payloads', () => {
  it('a malformed item or field degrades only that item or field, and is reported by path', async () => {
    const rows: Array<Record<string, unknown>> = Array.from({ length: 4 }, (_, i) => ({
      ...minimalMessage(),
      id: `m${i}`,
      createdDate: `2026-01-01T10:0${3 - i}:00.000Z`,
    }));
    rows[3] = { ...rows[3]!, authorType: 'Robot' };
    rows[1] = {
      ...rows[1]!,
      smsStatus: 42,
      files: [{ id: 'f1', url: 'https://x/f1.png', fileType: 'image/png' }, { id: 7 }],
    };
    mock.use(
      http.get('*/v3/message', () =>
        HttpResponse.json({ success: true, data: rows, meta: { hasMore: false, total: 4 } }),
      ),
    );
    const seen: string[] = [];
    const page = await make({ onDiagnostic: (d) => seen.push(`${d.kind} ${d.path}`) }).listMessages({
      conversationId: JAMIE,
    });
    expect(page.items.map((m) => m.id)).toEqual(['m2', 'm1', 'm0']);
    expect(page.items[1]!.attachments.map((a) => a.id)).toEqual(['f1']);
    expect(page.items[1]!.delivery).toBeUndefined();
    expect(seen).toEqual(
      expect.arrayContaining([
        'dropped_item data[3].authorType',
        'decode data[1].smsStatus',
        'dropped_item data[1].files[1].id',
      ]),
    );
    mock.use(
      http.get('*/v3/user/:id/notification_config', () =>
        HttpResponse.text('<html>oops</html>', { headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    expect((await rejection(make().getPreferences())).code).toBe('invalid_response');
    mock.use(
      http.post('*/v3/message', () =>
        HttpResponse.json({ success: true, data: { ...minimalMessage(), id: 5 } }),
      ),
    );
    const bad = await rejection(make().sendMessage({ conversationId: JAMIE, clientId: 'm', text: 'x' }));
    expect(bad.code).toBe('invalid_response');
    expect(bad.message).toContain('data.id');
  });
});

describe('realtime', () => {
  it('maps row changes to message.received, message.read and conversation.created', async () => {
    mock.ctx.knobs.autoReply = true;
    mock.ctx.knobs.autoReplyDelayMs = 5;
    const events: RealtimeEvent[] = [];
    const t = make({ events: tapEvents() });
    const off = t.subscribe!((e) => events.push(e));
    const sent = await t.sendMessage({
      conversationId: PRIYA,
      clientId: 'rt1',
      text: 'Ready at 5',
      channels: { sms: true },
    });
    // our own insert, delivery updates (upsert by id), then the customer's reply
    const delivered = await waitFor(() =>
      events.find(
        (e) =>
          e.type === 'message.received' &&
          e.message.id === sent.id &&
          e.message.delivery?.sms?.status === 'delivered',
      ),
    );
    expect(delivered).toMatchObject({ conversationId: PRIYA });
    const reply = await waitFor(() =>
      events.find((e) => e.type === 'message.received' && e.message.direction === 'incoming'),
    );
    expect(reply).toMatchObject({ conversationId: PRIYA, message: { senderId: 'sm_cust_2', read: false } });
    await make().markRead(PRIYA);
    expect(await waitFor(() => events.find((e) => e.type === 'message.read'))).toMatchObject({
      conversationId: PRIYA,
    });
    // Maria messages Ahmed (Tom's customer) from elsewhere: a new thread for her
    await fetch('http://localhost/v3/message', {
      method: 'POST',
      headers: { Authorization: 'Bearer sm_staff_1', 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Hello Ahmed', customerId: 'sm_cust_7', type: 'Transactional' }),
    });
    const created = await waitFor(() => events.find((e) => e.type === 'conversation.created'));
    expect(created).toMatchObject({
      conversation: { counterpart: { name: 'Ahmed Hassan' }, lastMessage: { text: 'Hello Ahmed' } },
    });
    const hello = await waitFor(() =>
      events.find((e) => e.type === 'message.received' && e.message.text === 'Hello Ahmed'),
    );
    expect(hello.type === 'message.received' && hello.conversationId).toBe(
      created.type === 'conversation.created' && created.conversation.id,
    );
    off();
  });
  it("ignores other users' thread changes and junk frames", async () => {
    const events: RealtimeEvent[] = [];
    let push: (p: unknown) => void = () => {};
    const t = make({ events: (onRaw) => ((push = onRaw), () => {}) });
    t.subscribe!((e) => events.push(e));
    push('junk');
    push({
      operation: 'UPDATE',
      table: 'message_thread_metadata',
      data: { ...minimalRow().messageThreadMetadata, userId: 'sm_user_2', unreadMessagesCount: 0 },
    });
    push({ operation: 'INSERT', table: 'message', data: { id: 'x' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual([]);
  });
});

function minimalMessage(): Record<string, unknown> {
  return {
    id: 'm1',
    createdDate: '2026-01-01T10:00:00.000Z',
    updatedDate: null,
    locationId: 'l',
    companyId: 'c',
    text: 'hi',
    sendEmail: null,
    emailSubject: null,
    emailStatus: null,
    emailError: null,
    sendSms: null,
    smsStatus: null,
    smsError: null,
    authorType: 'Customer',
    origin: 'SMS',
    isOrderShare: false,
    orderShareType: null,
    customerId: 'sm_cust_1',
    userId: null,
    orderId: null,
    appointmentId: null,
    vehicleId: null,
    vendorId: null,
    shopRead: false,
    internal: null,
    detached: false,
    conversationId: null,
    deleted: false,
    deletedUserId: null,
    deletedDate: null,
    deletedReason: null,
    locationReviewRequestId: null,
    suggestedReply: null,
    suggestedReplyState: null,
    requestAppointmentConfirmation: false,
    appointmentEvent: null,
    avoidSMSQuietHours: false,
    files: [],
  };
}

function minimalRow() {
  return {
    ...minimalMessage(),
    customer: { id: 'sm_cust_1', customerType: 'Customer', firstName: 'A', lastName: 'B', companyName: null },
    messageThreadMetadata: {
      id: 't1',
      createdDate: '2026-01-01T10:00:00.000Z',
      updatedDate: null,
      locationId: 'l',
      companyId: 'c',
      unreadMessagesCount: 0,
      important: false,
      archived: false,
      userId: 'sm_user_1',
      customerId: 'sm_cust_1',
    },
    order: null,
  };
}
