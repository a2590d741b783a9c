// @vitest-environment node
/**
 * Properties of the adapters' validators and mappers: any well-formed wire
 * object maps without throwing and keeps ids and text; any corruption of a
 * required field (dropped, wrong type) rejects with `invalid_response` naming
 * the field's path — never a TypeError, also through the whole adapter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TransportError } from '../../src/core/TransportError';
import * as mk from '../../src/transports/marketplace/schemas';
import { toConversation, toMessage } from '../../src/transports/marketplace/mappers';
import * as smd from '../../src/transports/shopmonkey/decode';
import { createDiagnostics } from '../../src/transports/diagnostics';
import type { TransportDiagnostic } from '../../src/transports/diagnostics';
import { list } from '../../src/transports/marketplace/api/decode';
import { readMessage, readThread } from '../../src/transports/marketplace/api/read';
import { mapInboxItem, mapMessage } from '../../src/transports/shopmonkey/mappers';
import { fromConversationId, toConversationId } from '../../src/transports/shopmonkey/conversationId';
import { createMarketplaceTransport } from '../../src/transports/marketplace';
import { createShopmonkeyTransport } from '../../src/transports/shopmonkey';

type Obj = Record<string, unknown>;

// ------------------------------------------------------------ arbitraries
const id = fc.string({ minLength: 1, maxLength: 12 });
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('<script>alert(1)</script>', '\u202eevil', 'a\u200bb', '🚚'.repeat(20), ''),
);
const iso = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const nstr = fc.option(fc.string({ maxLength: 10 }), { nil: null });
const extra = fc.dictionary(fc.constantFrom('x_extra', 'future_field', 'meta2'), fc.jsonValue(), {
  maxKeys: 2,
});
const withExtra = <T extends Obj>(a: fc.Arbitrary<T>) => fc.tuple(a, extra).map(([o, e]) => ({ ...e, ...o }));

const v1Attachment = fc.record({
  id,
  name: text,
  url: fc.webUrl(),
  thumbnail_url: nstr,
  size: fc.nat(),
  mime_type: fc.constantFrom('image/png', 'application/pdf', 'text/plain'),
});
const v1Message = withExtra(
  fc.record(
    {
      id,
      content: text,
      sender_id: id,
      type: fc.constantFrom('text', 'image', 'document', 'quick_reply'),
      read: fc.boolean(),
      read_at: fc.option(iso, { nil: null }),
      sent_at: iso,
      attachments: fc.array(v1Attachment, { maxLength: 3 }),
      template_id: nstr,
      reported: fc.boolean(),
    },
    { requiredKeys: ['id', 'content', 'sender_id', 'type', 'read', 'sent_at'] },
  ),
);
const listing = fc.record({
  id,
  title: text,
  thumbnail: nstr,
  price: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
  status: nstr,
  url: nstr,
});
const participant = fc.record(
  { id, name: text, avatar: nstr, type: fc.constantFrom('buyer', 'seller'), verified: fc.boolean() },
  { requiredKeys: ['id', 'name', 'type'] },
);
const lastMessage = fc.record({ content: text, sender: id, sent_at: iso, read: fc.boolean() });
const v1Summary = withExtra(
  fc.record(
    {
      id,
      listing,
      participant,
      last_message: fc.option(lastMessage, { nil: null }),
      unread_count: fc.nat(),
      archived: fc.boolean(),
      created_at: iso,
      updated_at: iso,
    },
    {
      requiredKeys: [
        'id',
        'listing',
        'participant',
        'last_message',
        'unread_count',
        'created_at',
        'updated_at',
      ],
    },
  ),
);
const v1List = fc.record({
  success: fc.constant(true),
  data: fc.record({
    conversations: fc.array(v1Summary, { minLength: 1, maxLength: 4 }),
    pagination: fc.record({ page: fc.constant(1), limit: fc.constant(20), total: fc.nat(50) }),
  }),
});

const apiUser = fc.record({ id, name: text, avatarUrl: nstr });
const apiMessage = withExtra(
  fc.record(
    {
      id,
      senderId: id,
      body: text,
      attachments: fc.array(
        fc.record({
          id,
          name: text,
          url: fc.webUrl(),
          thumbnailUrl: nstr,
          size: fc.nat(),
          mimeType: fc.constantFrom('image/png', 'application/pdf'),
        }),
        { maxLength: 2 },
      ),
      isRead: fc.boolean(),
      readAt: fc.option(iso, { nil: null }),
      createdAt: iso,
    },
    { requiredKeys: ['id', 'senderId', 'body', 'isRead', 'readAt', 'createdAt'] },
  ),
);
const apiThread = fc.record({
  id,
  lastMessageAt: iso,
  createdAt: iso,
  listing: fc.record({ id, title: text, price: fc.option(fc.nat(), { nil: null }), priceCurrency: nstr }),
  otherParty: apiUser,
  lastMessage: fc.option(fc.record({ id, body: text, senderId: id, isRead: fc.boolean(), createdAt: iso }), {
    nil: null,
  }),
  unreadCount: fc.nat(),
});

const smFile = fc.record({
  id,
  url: fc.webUrl(),
  thumbnailUrl: nstr,
  fileSize: fc.nat(),
  fileType: fc.constantFrom('image/jpeg', 'application/pdf'),
  fileName: text,
});
const smMessage = withExtra(
  fc.record(
    {
      id,
      text,
      createdDate: iso,
      authorType: fc.constantFrom('Customer', 'User', 'System'),
      metadata: fc.option(fc.record({ clientId: id }), { nil: null }),
      updatedDate: fc.option(iso, { nil: null }),
      sendSms: fc.option(fc.boolean(), { nil: null }),
      smsStatus: fc.option(
        fc.constantFrom('Pending', 'Sent', 'Delivered', 'Read', 'Error', 'Unknown', 'Weird'),
        { nil: null },
      ),
      smsError: nstr,
      sendEmail: fc.option(fc.boolean(), { nil: null }),
      emailStatus: nstr,
      customerId: nstr,
      userId: nstr,
      internal: fc.option(fc.boolean(), { nil: null }),
      deleted: fc.option(fc.boolean(), { nil: null }),
      shopRead: fc.option(fc.boolean(), { nil: null }),
      avoidSMSQuietHours: fc.option(fc.boolean(), { nil: null }),
      files: fc.option(fc.array(smFile, { maxLength: 2 }), { nil: null }),
      orderNumber: fc.option(fc.oneof(fc.string({ maxLength: 5 }), fc.nat()), { nil: null }),
      suggestedReply: nstr,
      isOrderShare: fc.option(fc.boolean(), { nil: null }),
    },
    { requiredKeys: ['id', 'text', 'createdDate', 'authorType'] },
  ),
);
const noTilde = id.filter((s) => !s.includes('~'));
const smInboxItem = fc
  .tuple(
    smMessage,
    fc.record({
      customer: fc.record({
        id: noTilde,
        customerType: nstr,
        firstName: nstr,
        lastName: nstr,
        companyName: nstr,
        phone: nstr,
        email: nstr,
      }),
      messageThreadMetadata: fc.record({
        id: noTilde,
        createdDate: iso,
        updatedDate: fc.option(iso, { nil: null }),
        unreadTimestamp: nstr,
        unreadMessagesCount: fc.option(fc.nat(), { nil: null }),
        important: fc.option(fc.boolean(), { nil: null }),
        archived: fc.option(fc.boolean(), { nil: null }),
        userId: id,
        customerId: id,
      }),
      order: fc.option(fc.record({ id, number: fc.oneof(fc.nat(), fc.string({ maxLength: 5 })) }), {
        nil: null,
      }),
    }),
  )
  .map(([m, rest]) => ({ ...m, ...rest }));
const smList = fc.record({
  success: fc.constant(true),
  data: fc.array(smInboxItem, { minLength: 1, maxLength: 3 }),
  meta: fc.record({ hasMore: fc.boolean(), total: fc.nat() }),
});

// ------------------------------------------------------------ corruption
type Segment = string | number;
/** A readable path the way the adapters print it: `data.conversations[0].id`. */
const show = (path: Segment[]) =>
  path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
function parentOf(root: unknown, path: Segment[]): Obj {
  let cur = root as Obj;
  for (const s of path.slice(0, -1)) cur = cur[s as string] as Obj;
  return cur;
}
/** Values of the wrong type for a field that held `was`. */
function wrongFor(was: unknown): unknown[] {
  if (typeof was === 'string') return [42, true, {}, [], null];
  if (typeof was === 'number') return ['1', true, {}, null];
  if (typeof was === 'boolean') return ['yes', 0, {}, null];
  return ['nope', 7];
}
/** A corruption: where, and either drop or the index of a wrong value. */
const corruption = (paths: Segment[][]) =>
  fc.record({ path: fc.constantFrom(...paths), drop: fc.boolean(), pick: fc.nat(10) });
function corrupt(obj: unknown, c: { path: Segment[]; drop: boolean; pick: number }): unknown {
  const copy = clone(obj);
  const parent = parentOf(copy, c.path);
  const key = c.path[c.path.length - 1]!;
  if (c.drop) delete parent[key as string];
  else {
    const options = wrongFor(parent[key as string]);
    parent[key as string] = options[c.pick % options.length];
  }
  return copy;
}
function expectInvalid(fn: () => unknown, path: Segment[]) {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(TransportError);
  expect((thrown as TransportError).code).toBe('invalid_response');
  expect((thrown as TransportError).message).toContain(show(path));
}

const V1_REQUIRED: Segment[][] = [
  ['data', 'conversations', 0, 'id'],
  ['data', 'conversations', 0, 'listing', 'id'],
  ['data', 'conversations', 0, 'listing', 'title'],
  ['data', 'conversations', 0, 'participant', 'id'],
  ['data', 'conversations', 0, 'participant', 'name'],
  ['data', 'conversations', 0, 'participant', 'type'],
  ['data', 'conversations', 0, 'unread_count'],
  ['data', 'conversations', 0, 'created_at'],
  ['data', 'conversations', 0, 'updated_at'],
  ['data', 'pagination', 'total'],
  ['data', 'pagination', 'page'],
];
const V1_MESSAGE_REQUIRED: Segment[][] = [
  ['id'],
  ['content'],
  ['sender_id'],
  ['type'],
  ['read'],
  ['sent_at'],
];
/** Shopmonkey fields without which an inbox row means nothing: the row is dropped, not the page. */
const SM_REQUIRED: Segment[][] = [
  ['data', 0, 'id'],
  ['data', 0, 'createdDate'],
  ['data', 0, 'authorType'],
  ['data', 0, 'customer', 'id'],
  ['data', 0, 'messageThreadMetadata', 'id'],
  ['data', 0, 'messageThreadMetadata', 'userId'],
  ['data', 0, 'messageThreadMetadata', 'customerId'],
];
/** A decode scope collecting what the Shopmonkey decoder reports. */
function smScope() {
  const seen: TransportDiagnostic[] = [];
  return {
    seen,
    scope: { diagnostics: createDiagnostics((d) => seen.push(d)), endpoint: 'GET /v3/user/:id/inbox' },
  };
}

const quiet = { quietHours: [21, 8] as [number, number] };

describe('marketplace validators and mappers (properties)', () => {
  it('any well-formed v1 list maps without throwing and keeps ids, titles and last-message text', () => {
    fc.assert(
      fc.property(v1List, (wire) => {
        const parsed = mk.parseWire(mk.v1ConversationListSchema, wire);
        const out = parsed.data.conversations.map(toConversation);
        out.forEach((c, i) => {
          const w = wire.data.conversations[i]!;
          expect(c.id).toBe(w.id);
          expect(c.subject?.title).toBe(w.listing.title);
          expect(c.counterpart.name).toBe(w.participant.name);
          expect(c.unreadCount).toBe(w.unread_count);
          expect(c.lastMessage?.text).toBe(w.last_message?.content);
        });
      }),
    );
  });

  it('any well-formed v1 message maps without throwing and keeps id, text and attachment names', () => {
    fc.assert(
      fc.property(v1Message, id, fc.option(id, { nil: undefined }), (wire, conv, counterpartId) => {
        const m = toMessage(
          mk.parseWire(mk.v1MessageSchema, wire),
          conv,
          counterpartId ? { counterpartId } : {},
        );
        expect(m).toMatchObject({
          id: wire.id,
          text: wire.content,
          conversationId: conv,
          senderId: wire.sender_id,
        });
        expect(m.attachments.map((a) => a.name)).toEqual((wire.attachments ?? []).map((a) => a.name));
      }),
    );
  });

  it('any well-formed /api thread and message map without throwing and keep ids and text', () => {
    fc.assert(
      fc.property(
        apiThread,
        apiMessage,
        fc.constantFrom('buyer' as const, 'seller' as const),
        (thread, msg, role) => {
          const reports: unknown[] = [];
          const d = {
            endpoint: 'GET /api/messages',
            report: (r: unknown) => reports.push(r),
            origin: 'http://x',
          };
          const c = readThread(d, thread, 'data[0]', false, new Map([[thread.id, role]]));
          expect(c).toMatchObject({ id: thread.id, unreadCount: thread.unreadCount, myRole: role });
          expect(c.lastMessage?.text).toBe(thread.lastMessage?.body);
          const m = readMessage(d, msg, 'data.messages[0]', c.id, { userId: 'me' });
          expect(m).toMatchObject({ id: msg.id, text: msg.body });
          expect(reports).toEqual([]);
        },
      ),
    );
  });

  it('a dropped or wrongly typed required field rejects with invalid_response naming its path (list)', () => {
    fc.assert(
      fc.property(v1List, corruption(V1_REQUIRED), (wire, c) =>
        expectInvalid(() => mk.parseWire(mk.v1ConversationListSchema, corrupt(wire, c)), c.path),
      ),
    );
  });

  it('a dropped or wrongly typed required field rejects with invalid_response naming its path (message)', () => {
    fc.assert(
      fc.property(v1Message, corruption(V1_MESSAGE_REQUIRED), (wire, c) =>
        expectInvalid(() => mk.parseWire(mk.v1MessageSchema, corrupt(wire, c)), c.path),
      ),
    );
  });

  it('non-objects anywhere (null, arrays, strings, numbers) are invalid_response, never a TypeError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.constant(undefined)), (junk) => {
        for (const schema of [
          mk.v1ConversationListSchema,
          mk.v1ThreadSchema,
          mk.v1SentSchema,
          mk.v1RealtimeSchema,
        ]) {
          try {
            mk.parseWire(schema, junk);
          } catch (e) {
            expect(e).toBeInstanceOf(TransportError);
            expect((e as TransportError).code).toBe('invalid_response');
          }
        }
      }),
    );
  });
});

describe('marketplace /api tolerant reading (properties)', () => {
  it('junk anywhere in a list item skips that item with a report, never throws, never loses the others', () => {
    fc.assert(
      fc.property(apiThread, apiThread, fc.jsonValue(), fc.nat(6), (good, bad, junk, field) => {
        const key = [
          'id',
          'otherParty',
          'unreadCount',
          'listing',
          'lastMessage',
          'createdAt',
          'lastMessageAt',
        ][field]!;
        const corrupted = { ...bad, id: `${bad.id}-bad`, [key]: junk };
        const reports: { kind: string; path: string }[] = [];
        const d = {
          endpoint: 'GET /api/messages',
          report: (r: { kind: string; path: string }) => reports.push(r),
          origin: 'http://x',
        };
        const rows = list(d, [good, corrupted], 'data', (v, path) =>
          readThread(d, v, path, false, new Map()),
        );
        expect(rows[0]).toMatchObject({ id: good.id });
        // either the corrupted row was read (junk happened to fit, or an optional field was dropped), or skipped with a report
        if (rows.length === 1)
          expect(reports.some((r) => r.kind === 'dropped_item' && r.path.startsWith('data[1]'))).toBe(true);
        for (const r of reports) expect(r.path.startsWith('data[1]')).toBe(true);
      }),
    );
  });
});

describe('shopmonkey validators and mappers (properties)', () => {
  it('any well-formed inbox page maps without throwing and keeps ids, text and customer id', () => {
    fc.assert(
      fc.property(smList, (wire) => {
        const parsed = smd.decodeList(wire, smd.decodeInboxItem, smScope().scope);
        expect(parsed.data).toHaveLength(wire.data.length);
        parsed.data.forEach((item, i) => {
          const c = mapInboxItem(item, quiet);
          const w = wire.data[i]!;
          expect(c.id).toBe(toConversationId(w.messageThreadMetadata.id, w.customer.id));
          expect(fromConversationId(c.id)).toEqual({
            metadataId: w.messageThreadMetadata.id,
            customerId: w.customer.id,
          });
          expect(c.lastMessage).toMatchObject({ id: w.id, text: w.text });
          expect(c.unreadCount).toBe(w.messageThreadMetadata.unreadMessagesCount ?? 0);
          expect(typeof c.counterpart.name).toBe('string');
        });
      }),
    );
  });

  it('any well-formed message maps without throwing; direction follows the author', () => {
    fc.assert(
      fc.property(smMessage, (wire) => {
        const m = mapMessage(smd.decodeMessage(wire, 'data', smScope().scope)!, 'c~1', quiet);
        expect(m).toMatchObject({
          id: wire.id,
          text: wire.text,
          direction: wire.authorType === 'Customer' ? 'incoming' : 'outgoing',
        });
        expect(m.attachments.map((a) => a.name)).toEqual((wire.files ?? []).map((f) => f.fileName));
      }),
    );
  });

  it('a dropped or wrongly typed core field drops only that row, reported with its path', () => {
    fc.assert(
      fc.property(smList, corruption(SM_REQUIRED), (wire, c) => {
        const { seen, scope } = smScope();
        const parsed = smd.decodeList(corrupt(wire, c), smd.decodeInboxItem, scope);
        expect(parsed.data).toHaveLength(wire.data.length - 1);
        expect(seen.some((d) => d.kind === 'dropped_item' && d.path === show(c.path))).toBe(true);
      }),
    );
  });
});

describe('through the whole adapter (fake fetch)', () => {
  const json = (body: unknown) => async () =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

  it('marketplace listConversations: corrupt bodies reject with invalid_response naming the path', async () => {
    await fc.assert(
      fc.asyncProperty(v1List, corruption(V1_REQUIRED), async (wire, c) => {
        const t = createMarketplaceTransport({
          baseUrl: 'http://x/v1',
          getToken: () => 't',
          retries: 0,
          fetch: json(corrupt(wire, c)),
        });
        const e: unknown = await t.listConversations({}).then(
          () => undefined,
          (err: unknown) => err,
        );
        expect(e).toBeInstanceOf(TransportError);
        expect((e as TransportError).code).toBe('invalid_response');
        expect((e as TransportError).message).toContain(show(c.path));
      }),
      { numRuns: 40 },
    );
  });

  it('shopmonkey listConversations: a corrupt row is skipped and reported by path, never the page', async () => {
    await fc.assert(
      fc.asyncProperty(smList, corruption(SM_REQUIRED), async (wire, c) => {
        const seen: TransportDiagnostic[] = [];
        const t = createShopmonkeyTransport({
          baseUrl: 'http://x/v3',
          userId: 'u',
          getToken: () => 't',
          retries: 0,
          fetch: json(corrupt(wire, c)),
          onDiagnostic: (d) => seen.push(d),
        });
        await t.listConversations({});
        expect(seen.some((d) => d.kind === 'dropped_item' && d.path === show(c.path))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('bodies that are not JSON at all reject with a readable invalid_response', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('<html>502 Bad Gateway</html>', '{"success":true,', 'undefined', '\u0000'),
        async (body) => {
          const fetch = async () => new Response(body, { status: 200 });
          for (const t of [
            createMarketplaceTransport({ baseUrl: 'http://x/v1', getToken: () => 't', retries: 0, fetch }),
            createShopmonkeyTransport({
              baseUrl: 'http://x/v3',
              userId: 'u',
              getToken: () => 't',
              retries: 0,
              fetch,
            }),
          ]) {
            const e: unknown = await t.listConversations({}).then(
              () => undefined,
              (err: unknown) => err,
            );
            expect(e).toBeInstanceOf(TransportError);
            expect((e as TransportError).code).toBe('invalid_response');
            expect((e as TransportError).message).toMatch(/could not be read|invalid/i);
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
