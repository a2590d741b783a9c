// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../node';
import { createShopmonkeyDb } from './db';
import type { SmInboxItem, SmMessage, SmThreadMetadata } from '../../transports/shopmonkey/wire';

const NOW = new Date(2026, 0, 15, 12, 0, 0); // local noon: outside quiet hours
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

const BASE = 'http://localhost/v3';
type Json = {
  success: boolean;
  data: unknown;
  meta?: { hasMore: boolean; total: number; sums?: Record<string, number> };
  code?: string;
  message?: string;
  errors?: Array<{ field: string }>;
};
async function call(
  path: string,
  init: RequestInit & { token?: string | null; json?: unknown } = {},
): Promise<{ status: number; body: Json }> {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? 'sm_staff_1' : init.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await fetch(BASE + path, { ...init, headers, body });
  return { status: res.status, body: (await res.json()) as Json };
}
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
const waitFor = async (check: () => Promise<boolean>, ms = 2000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition not met');
};

describe('auth', () => {
  it('401 without a key and with an unknown key', async () => {
    const a = await call('/message', { token: null });
    expect(a.status).toBe(401);
    expect(a.body).toMatchObject({ success: false, code: 'unauthorized' });
    expect((await call('/message', { token: 'nope' })).status).toBe(401);
  });
  it('unknown /v3 routes are JSON 404s', async () => {
    const r = await call('/nothing');
    expect(r.status).toBe(404);
    expect(r.body.success).toBe(false);
  });
});

describe('GET /v3/message', () => {
  it('filters by customer, orders newest first, carries the full schema', async () => {
    const r = await call(
      `/message?where=${q({ customerId: 'sm_cust_1' })}&orderby=${q({ createdDate: 'desc' })}`,
    );
    expect(r.status).toBe(200);
    const data = r.body.data as SmMessage[];
    expect(data.length).toBe(8);
    expect(r.body.meta).toEqual({ hasMore: false, total: 8 });
    expect(data[0]!.text).toMatch(/pick it up after 5pm/);
    const dates = data.map((m) => m.createdDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const key of [
      'id',
      'meta',
      'createdDate',
      'updatedDate',
      'locationId',
      'companyId',
      'text',
      'sendEmail',
      'emailSubject',
      'emailStatus',
      'emailError',
      'sendSms',
      'smsStatus',
      'smsError',
      'authorType',
      'origin',
      'isOrderShare',
      'orderShareType',
      'customerId',
      'userId',
      'orderId',
      'appointmentId',
      'vehicleId',
      'vendorId',
      'shopRead',
      'internal',
      'detached',
      'conversationId',
      'deleted',
      'deletedUserId',
      'deletedDate',
      'deletedReason',
      'locationReviewRequestId',
      'suggestedReply',
      'suggestedReplyState',
      'requestAppointmentConfirmation',
      'appointmentEvent',
      'avoidSMSQuietHours',
      'files',
      'orderNumber',
      'userColor',
    ]) {
      expect(data[0]).toHaveProperty(key);
    }
  });
  it('caps limit at 100 and pages with skip', async () => {
    const all = await call('/message?limit=500');
    expect((all.body.data as unknown[]).length).toBeLessThanOrEqual(100);
    const total = all.body.meta!.total;
    const seen = new Set<string>();
    for (let skip = 0; skip < total; skip += 7) {
      const page = await call(`/message?limit=7&skip=${skip}&orderby=${q({ createdDate: 'asc' })}`);
      for (const m of page.body.data as SmMessage[]) seen.add(m.id);
      expect(page.body.meta!.hasMore).toBe(skip + 7 < total);
    }
    expect(seen.size).toBe(total);
  });
  it('supports gt/gte/lt/lte on dates and equality on enums', async () => {
    const cut = new Date(NOW.getTime() - 100 * 60_000).toISOString();
    const r = await call(`/message?where=${q({ createdDate: { gte: cut } })}`);
    for (const m of r.body.data as SmMessage[]) expect(m.createdDate >= cut).toBe(true);
    expect((r.body.data as unknown[]).length).toBeGreaterThan(0);
    const sys = await call(`/message?where=${q({ authorType: 'System' })}`);
    expect((sys.body.data as SmMessage[]).every((m) => m.authorType === 'System')).toBe(true);
  });
  it('answers list queries as the live API: drops unknown filters and $ operators, 400 only for unreadable ones', async () => {
    const bad = await call('/message?where={nope');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['where']);
    const r = await call(
      `/message?where=${q({ customerId: 'sm_cust_2', createdDate: { $gt: 1 }, colour: 'red' })}`,
    );
    expect(r.status).toBe(200);
    // only the customer filter applied: the unknown field and the `$gt` operator were dropped silently
    expect((r.body.data as SmMessage[]).map((m) => m.customerId)).toEqual([
      'sm_cust_2',
      'sm_cust_2',
      'sm_cust_2',
    ]);
    const r2 = await call(`/message?orderby=${q({ createdDate: 'up' })}&limit=0`);
    expect(r2.body.errors?.map((e) => e.field).sort()).toEqual(['limit', 'orderby.createdDate']);
    expect((await call('/message?orderby=[1]')).body.errors?.[0]?.field).toBe('orderby');
    // `orderBy` is not the documented spelling: it is ignored like any unknown parameter
    const asc = await call(
      `/message?where=${q({ customerId: 'sm_cust_2' })}&orderBy=${q({ createdDate: 'desc' })}`,
    );
    const dates = (asc.body.data as SmMessage[]).map((m) => m.createdDate);
    expect(dates).toEqual([...dates].sort());
  });
  it('with shopmonkeyIgnoreListQuery, ignores where and orderby entirely (limit still capped)', async () => {
    mock.ctx.knobs.shopmonkeyIgnoreListQuery = true;
    const r = await call(
      `/message?where=${q({ customerId: 'sm_cust_2' })}&orderby=${q({ createdDate: 'desc' })}&limit=500`,
    );
    const rows = r.body.data as SmMessage[];
    expect(rows.length).toBe(Math.min(100, r.body.meta!.total));
    expect(new Set(rows.map((m) => m.customerId)).size).toBeGreaterThan(1);
    const t = await call(`/message_thread_metadata?where=${q({ userId: 'sm_user_2' })}`);
    expect((t.body.data as SmThreadMetadata[]).some((x) => x.userId === 'sm_user_1')).toBe(true);
  });
  it('GET /v3/message/:id finds one or 404s', async () => {
    const one = await call('/message/sm_msg_1');
    expect((one.body.data as SmMessage).id).toBe('sm_msg_1');
    expect((await call('/message/sm_msg_nope')).status).toBe(404);
  });
});

describe('POST /v3/message', () => {
  it('creates a message (200) filling the NOT NULL columns, and stores a repeat again (no idempotency, as live)', async () => {
    const body = {
      text: '  Your car is ready  ',
      customerId: 'sm_cust_1',
      type: 'Transactional',
      sendSms: true,
      metadata: { clientId: 'c-1' },
    };
    const a = await call('/message', { method: 'POST', json: body });
    expect(a.status).toBe(200);
    const m = a.body.data as SmMessage;
    expect(m).toMatchObject({
      text: 'Your car is ready',
      authorType: 'User',
      userId: 'sm_user_1',
      userColor: '#1d4ed8',
      smsStatus: 'Pending',
      internal: false,
      type: 'Transactional',
      automatedCampaignId: null,
      origin: 'Web',
      deleted: false,
      conversationId: 'sm_conv_sm_cust_1',
    });
    const b = await call('/message', { method: 'POST', json: body });
    expect((b.body.data as SmMessage).id).not.toBe(m.id);
    const list = await call(`/message?where=${q({ customerId: 'sm_cust_1' })}`);
    expect(list.body.meta!.total).toBe(10);
  });
  it('400 field errors: empty text, too long, unknown customer, unknown file, bad types', async () => {
    const r1 = await call('/message', { method: 'POST', json: { text: '   ', customerId: 'sm_cust_1' } });
    expect(r1.status).toBe(400);
    expect(r1.body.errors?.map((e) => e.field)).toEqual(['text', 'type']);
    const r2 = await call('/message', {
      method: 'POST',
      json: {
        text: 'x'.repeat(5001),
        customerId: 'sm_cust_nope',
        files: ['f_nope'],
        sendSms: 'yes',
        type: 'Transactional',
      },
    });
    expect(r2.body.errors?.map((e) => e.field).sort()).toEqual(['customerId', 'files[0]', 'sendSms', 'text']);
    const r3 = await call('/message', {
      method: 'POST',
      json: { text: 'hi', customerId: 'sm_cust_1', type: 'Transactional', isOrderShare: true },
    });
    expect(r3.body.errors?.map((e) => e.field)).toEqual(['orderId']);
    const r4 = await call('/message', {
      method: 'POST',
      body: '{bad',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(r4.status).toBe(400);
  });
  it('stores internal notes without delivery, order shares, suggested reply state, quiet-hours flag', async () => {
    const note = (
      await call('/message', {
        method: 'POST',
        json: { text: 'note', customerId: 'sm_cust_1', type: 'Transactional', internal: true, sendSms: true },
      })
    ).body.data as SmMessage;
    expect(note).toMatchObject({ internal: true, sendSms: false, smsStatus: null });
    // A server that ignores `internal` (knob): the "note" is an ordinary message.
    mock.ctx.knobs.shopmonkeyIgnoreInternal = true;
    const leaked = (
      await call('/message', {
        method: 'POST',
        json: { text: 'note', customerId: 'sm_cust_1', type: 'Transactional', internal: true },
      })
    ).body.data as SmMessage;
    expect(leaked.internal).toBe(false);
    mock.ctx.knobs.shopmonkeyIgnoreInternal = false;
    const share = (
      await call('/message', {
        method: 'POST',
        json: {
          text: 'Estimate',
          customerId: 'sm_cust_1',
          type: 'Transactional',
          isOrderShare: true,
          orderShareType: 'Estimate',
          orderId: 'sm_order_1',
          suggestedReplyState: 'used',
          avoidSMSQuietHours: true,
          emailSubject: 'Hello',
          sendEmail: true,
          vehicleId: 'sm_veh_1',
        },
      })
    ).body.data as SmMessage;
    expect(share).toMatchObject({
      isOrderShare: true,
      orderShareType: 'Estimate',
      orderId: 'sm_order_1',
      orderNumber: '1042',
      suggestedReplyState: 'used',
      avoidSMSQuietHours: true,
      emailSubject: 'Hello',
      emailStatus: 'Pending',
      vehicleId: 'sm_veh_1',
    });
  });
  it('moves SMS Pending → Sent → Delivered and publishes no error', async () => {
    const m = (
      await call('/message', {
        method: 'POST',
        json: { text: 'hi', customerId: 'sm_cust_1', type: 'Transactional', sendSms: true, sendEmail: true },
      })
    ).body.data as SmMessage;
    expect(m.smsStatus).toBe('Pending');
    await waitFor(
      async () => ((await call(`/message/${m.id}`)).body.data as SmMessage).smsStatus === 'Delivered',
    );
    expect(((await call(`/message/${m.id}`)).body.data as SmMessage).emailStatus).toBe('Delivered');
  });
  it('SMS to a customer without a phone (and email without an address) errors readably', async () => {
    const m = (
      await call('/message', {
        method: 'POST',
        json: { text: 'hi', customerId: 'sm_cust_4', type: 'Transactional', sendSms: true },
      })
    ).body.data as SmMessage;
    expect(m.smsStatus).toBe('Error');
    expect(m.smsError).toMatch(/no mobile phone/);
    const e = (
      await call('/message', {
        method: 'POST',
        json: { text: 'hi', customerId: 'sm_cust_2', type: 'Transactional', sendEmail: true },
      })
    ).body.data as SmMessage;
    expect(e).toMatchObject({ emailStatus: 'Error' });
    expect(e.emailError).toMatch(/no email/);
  });
  it('holds an SMS with avoidSMSQuietHours during quiet hours and sends it after', async () => {
    let clock = new Date(2026, 0, 15, 22, 30);
    mock.ctx.knobs.now = () => clock;
    const m = (
      await call('/message', {
        method: 'POST',
        json: {
          text: 'late',
          customerId: 'sm_cust_1',
          type: 'Transactional',
          sendSms: true,
          avoidSMSQuietHours: true,
        },
      })
    ).body.data as SmMessage;
    await new Promise((r) => setTimeout(r, 60));
    expect(((await call(`/message/${m.id}`)).body.data as SmMessage).smsStatus).toBe('Pending');
    const plain = (
      await call('/message', {
        method: 'POST',
        json: { text: 'no hold', customerId: 'sm_cust_1', type: 'Transactional', sendSms: true },
      })
    ).body.data as SmMessage;
    await waitFor(
      async () => ((await call(`/message/${plain.id}`)).body.data as SmMessage).smsStatus === 'Delivered',
    );
    clock = new Date(2026, 0, 16, 8, 1);
    await waitFor(
      async () => ((await call(`/message/${m.id}`)).body.data as SmMessage).smsStatus === 'Delivered',
    );
  });
  it('auto-replies as the customer and bumps unread', async () => {
    mock.ctx.knobs.autoReply = true;
    mock.ctx.knobs.autoReplyDelayMs = 5;
    await call('/message', {
      method: 'POST',
      json: { text: 'hi', customerId: 'sm_cust_2', type: 'Transactional' },
    });
    await waitFor(async () => {
      const inbox = (await call(`/user/sm_user_1/inbox?where=${q({ customerId: 'sm_cust_2' })}`)).body
        .data as SmInboxItem[];
      return inbox[0]?.authorType === 'Customer' && inbox[0].messageThreadMetadata.unreadMessagesCount === 1;
    });
  });
});

describe('realtime row changes', () => {
  it('publishes full message rows to every staff user of the customer, and thread rows to their owner', async () => {
    const seen: Array<
      [
        string,
        { operation: string; table: string; data: Record<string, unknown>; diff?: Record<string, unknown> },
      ]
    > = [];
    const hub = mock.ctx.realtime;
    const original = hub.publish;
    hub.publish = (key, payload) => void seen.push([key, payload as (typeof seen)[number][1]]);
    try {
      const m = (
        await call('/message', {
          method: 'POST',
          json: { text: 'hi', customerId: 'sm_cust_1', type: 'Transactional', sendSms: true },
        })
      ).body.data as SmMessage;
      const inserts = seen.filter(([, p]) => p.table === 'message' && p.operation === 'INSERT');
      expect(inserts.map(([k]) => k).sort()).toEqual(['shopmonkey:sm_user_1', 'shopmonkey:sm_user_2']);
      expect(inserts[0]![1].data).toEqual(m);
      await waitFor(async () =>
        seen.some(([, p]) => p.operation === 'UPDATE' && p.data.smsStatus === 'Delivered'),
      );
      expect(seen.find(([, p]) => p.operation === 'UPDATE')![1].diff).toEqual({
        smsStatus: ['Pending', 'Sent'],
      });
      const inbox = (await call(`/user/sm_user_1/inbox?where=${q({ customerId: 'sm_cust_1' })}`)).body
        .data as SmInboxItem[];
      await call(`/message_thread_metadata/${inbox[0]!.messageThreadMetadata.id}/read`, { method: 'PUT' });
      const threadChange = seen.find(([, p]) => p.table === 'message_thread_metadata')!;
      expect(threadChange[0]).toBe('shopmonkey:sm_user_1');
      expect(threadChange[1]).toMatchObject({ operation: 'UPDATE', data: { unreadMessagesCount: 0 } });
    } finally {
      hub.publish = original;
    }
  });
});

describe('thread metadata read', () => {
  it('marks own thread read, 403 for another user, 404 unknown', async () => {
    const inbox = (await call(`/user/sm_user_1/inbox?where=${q({ unread: true })}`)).body
      .data as SmInboxItem[];
    const t = inbox[0]!.messageThreadMetadata;
    const r = await call(`/message_thread_metadata/${t.id}/read`, { method: 'PUT', json: {} });
    expect(r.status).toBe(200);
    expect((r.body.data as SmThreadMetadata).unreadMessagesCount).toBe(0);
    const forbidden = await call(`/message_thread_metadata/${t.id}/read`, {
      method: 'PUT',
      token: 'sm_staff_2',
    });
    expect(forbidden.status).toBe(403);
    expect((await call('/message_thread_metadata/nope/read', { method: 'PUT' })).status).toBe(404);
  });
});

describe('GET /v3/user/:id/inbox', () => {
  it('lists the newest message per thread with customer, metadata and order', async () => {
    const r = await call('/user/sm_user_1/inbox');
    const items = r.body.data as SmInboxItem[];
    expect(items).toHaveLength(6);
    expect(r.body.meta).toMatchObject({
      total: 6,
      hasMore: false,
      sums: { unreadMessagesCount: 3, unreadThreads: 2 },
    });
    expect(items[0]!.customer).toMatchObject({
      firstName: 'Jamie',
      lastName: 'Rivera',
      phone: '+1 555 0101',
    });
    expect(items[0]!.order).toEqual({ id: 'sm_order_1', number: 1042 });
    expect(items.some((i) => i.customer.phone === null)).toBe(true);
    expect(items.some((i) => i.customer.email === null)).toBe(true);
    expect(items.filter((i) => i.messageThreadMetadata.archived)).toHaveLength(1);
    const dates = items.map((i) => i.createdDate);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
  it('filters (archived, unread, search) and pages', async () => {
    expect(
      ((await call(`/user/sm_user_1/inbox?where=${q({ archived: true })}`)).body.data as unknown[]).length,
    ).toBe(1);
    expect(
      (
        (await call(`/user/sm_user_1/inbox?where=${q({ unread: true, archived: false })}`)).body
          .data as unknown[]
      ).length,
    ).toBe(2);
    const s = (await call(`/user/sm_user_1/inbox?where=${q({ search: 'northwind' })}`)).body
      .data as SmInboxItem[];
    expect(s.map((i) => i.customer.companyName)).toEqual(['Northwind Logistics']);
    const p1 = await call('/user/sm_user_1/inbox?limit=4');
    const p2 = await call('/user/sm_user_1/inbox?limit=4&skip=4');
    expect(p1.body.meta!.hasMore).toBe(true);
    expect(p2.body.meta!.hasMore).toBe(false);
    expect((p2.body.data as unknown[]).length).toBe(2);
  });
  it('403 for another user, 404 unknown user', async () => {
    expect((await call('/user/sm_user_2/inbox')).status).toBe(403);
    expect((await call('/user/sm_user_9/inbox')).status).toBe(404);
  });
});

describe('notification config', () => {
  it('round-trips and validates', async () => {
    const get = await call('/user/sm_user_1/notification_config');
    expect(get.body.data).toEqual([
      { sendEmail: true, sendInApp: true, sendSms: false },
      { type: 'message', sendEmail: false, sendInApp: true, sendSms: true },
      { type: 'payment', sendEmail: true, sendInApp: false, sendSms: false },
    ]);
    const next = [
      { sendEmail: false, sendInApp: true, sendSms: true },
      { type: 'order', sendEmail: true, sendInApp: true, sendSms: true },
    ];
    const put = await call('/user/sm_user_1/notification_config', { method: 'PUT', json: next });
    expect(put.body).toEqual({ success: true, data: null });
    expect((await call('/user/sm_user_1/notification_config')).body.data).toEqual(next);
    const bad = await call('/user/sm_user_1/notification_config', {
      method: 'PUT',
      json: [
        { sendEmail: 'y', sendInApp: true, sendSms: true, type: 'fax' },
        { sendEmail: true, sendInApp: true, sendSms: true },
        { sendEmail: true, sendInApp: true, sendSms: true },
      ],
    });
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['[0].sendEmail', '[0].type', '[2].type']);
    expect((await call('/user/sm_user_1/notification_config', { method: 'PUT', json: {} })).status).toBe(400);
    expect((await call('/user/sm_user_2/notification_config')).status).toBe(403);
  });
});

describe('PUT /v3/blob', () => {
  const upload = async (file: File, parts = 1) => {
    const start = await call('/blob', {
      method: 'PUT',
      json: { count: parts, fileName: file.name, fileSize: file.size, fileType: file.type },
    });
    if (start.status !== 200) return start;
    const id = (start.body.data as { id: string }).id;
    const size = Math.ceil(file.size / parts);
    let last = start;
    for (let i = 0; i < parts; i++)
      last = await call(`/blob/${id}/${i}`, { method: 'PUT', body: file.slice(i * size, (i + 1) * size) });
    return last;
  };
  it('uploads in parts and lets a message reference the file', async () => {
    const r = await upload(new File([new Uint8Array(1000)], 'photo.jpg', { type: 'image/jpeg' }), 3);
    expect(r.status).toBe(200);
    const f = r.body.data as {
      id: string;
      fileSize: number;
      fileType: string;
      fileName: string;
      url: string;
    };
    expect(f).toMatchObject({ fileSize: 1000, fileType: 'image/jpeg', fileName: 'photo.jpg' });
    const m = (
      await call('/message', {
        method: 'POST',
        json: { text: '', customerId: 'sm_cust_1', files: [f.id], type: 'Transactional' },
      })
    ).body.data as SmMessage;
    expect(m.files.map((x) => x.id)).toEqual([f.id]);
  });
  it('413 over 10 MB, 415 for other types, 400 when parts do not add up; POST /v3/file does not exist', async () => {
    expect(
      (await upload(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' })))
        .status,
    ).toBe(413);
    expect((await upload(new File(['x'], 'run.exe', { type: 'application/x-msdownload' }))).status).toBe(415);
    const start = await call('/blob', {
      method: 'PUT',
      json: { count: 1, fileName: 'a.txt', fileSize: 5, fileType: 'text/plain' },
    });
    const id = (start.body.data as { id: string }).id;
    expect((await call(`/blob/${id}/0`, { method: 'PUT', body: 'abc' })).status).toBe(400);
    expect((await call('/file', { method: 'POST', body: new FormData() })).status).toBe(404);
  });
});

describe('canned messages and thread metadata lists', () => {
  it('lists, creates and soft-deletes templates', async () => {
    const live = await call(`/message_template?where=${q({ deleted: false })}&orderby=${q({ name: 'asc' })}`);
    expect((live.body.data as Array<{ name: string }>).map((t) => t.name)).toEqual([
      'Estimate sent',
      'Running late',
      'Vehicle ready',
    ]);
    const created = await call('/message_template', {
      method: 'POST',
      json: { name: 'Thanks', text: 'Thank you!' },
    });
    const id = (created.body.data as { id: string }).id;
    expect((await call('/message_template', { method: 'POST', json: { name: '' } })).status).toBe(400);
    const del = await call(`/message_template/${id}/delete`, { method: 'PATCH' });
    expect(del.body.data).toMatchObject({ id, deleted: true });
    const after = await call(`/message_template?where=${q({ deleted: false })}`);
    expect((after.body.data as Array<{ id: string }>).map((t) => t.id)).not.toContain(id);
  });
  it('lists thread metadata with filters', async () => {
    const r = await call(
      `/message_thread_metadata?where=${q({ userId: 'sm_user_1', unreadMessagesCount: { gt: 0 } })}`,
    );
    expect((r.body.data as SmThreadMetadata[]).map((t) => [t.customerId, t.unreadMessagesCount])).toEqual([
      ['sm_cust_1', 2],
      ['sm_cust_6', 1],
    ]);
  });
});

describe('seed data', () => {
  it('is deterministic and covers every Message feature', () => {
    const a = createShopmonkeyDb({ seed: 3, size: 'small', now: NOW });
    const b = createShopmonkeyDb({ seed: 3, size: 'small', now: NOW });
    expect([...a.messages.values()]).toEqual([...b.messages.values()]);
    const all = [...a.messages.values()];
    const has = (pred: (m: SmMessage) => boolean) => expect(all.some(pred)).toBe(true);
    for (const t of ['Customer', 'User', 'System']) has((m) => m.authorType === t);
    for (const o of ['Web', 'Mobile', 'CustomerOrderPage', 'SMS', 'Email']) has((m) => m.origin === o);
    for (const s of ['Pending', 'Sent', 'Delivered', 'Read', 'Error', 'Unknown'])
      has((m) => m.smsStatus === s || m.emailStatus === s);
    for (const e of ['Scheduled', 'Rescheduled', 'Reminder', 'Confirm', 'Canceled', 'Acknowledgement'])
      has((m) => m.appointmentEvent === e);
    has((m) => !!m.suggestedReply && m.authorType === 'Customer');
    has((m) => m.isOrderShare === true && !!m.orderShareType && !!m.orderId && !!m.orderNumber);
    has((m) => m.requestAppointmentConfirmation === true && !!m.appointmentId);
    has((m) => m.avoidSMSQuietHours === true);
    has((m) => !!m.emailSubject);
    has((m) => !!m.vehicleId);
    has((m) => m.internal === true);
    has((m) => m.deleted === true && !!m.deletedUserId && !!m.deletedReason);
    has((m) => !!m.smsError);
    has((m) => !!m.emailError);
    has((m) => m.files.length > 1);
    expect(a.identities().map((i) => [i.id, i.name, i.token, i.role, i.api])).toEqual([
      ['sm_user_1', 'Maria Lopez', 'sm_staff_1', 'staff', 'shopmonkey'],
      ['sm_user_2', 'Tom Becker', 'sm_staff_2', 'staff', 'shopmonkey'],
    ]);
  });
  it('builds the large set quickly', () => {
    const t0 = performance.now();
    const db = createShopmonkeyDb({ seed: 1, size: 'large', now: NOW });
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(db.messagesByCustomer.get('sm_cust_big')).toHaveLength(10_000);
    expect([...db.threads.values()].filter((t) => t.userId === 'sm_user_1')).toHaveLength(5000);
  });
});
