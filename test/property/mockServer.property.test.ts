// @vitest-environment node
/**
 * The reference server's request validation: arbitrary bodies to every write
 * endpoint of both APIs answer 200/201 or a 4xx JSON `{success: false,
 * message}` — never a 500, never a crash (a crash is logged by the server with
 * console.error and answered 500, so both are checked).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createMockServer } from '../../src/mock/node';

const NOW = new Date(2026, 0, 15, 12, 0, 0);
const mock = createMockServer({
  seed: 1,
  now: NOW,
  knobs: { autoReply: false, deliveryDelayMs: 5, realtime: false, now: () => NOW },
});
const crashes = vi.fn();
beforeAll(() => {
  mock.listen();
  vi.spyOn(console, 'error').mockImplementation(crashes);
});
afterEach(() => {
  mock.reset();
  crashes.mockClear();
});
afterAll(() => {
  mock.close();
  vi.restoreAllMocks();
});

/** Values of every JSON type, plus the awkward ones. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    '   ',
    '\u0000',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '{{price}}',
    'x'.repeat(6000),
    '__proto__',
    'conv_1001',
    'lst_1010',
    'msg_1001_004',
    'sm_cust_1',
    'sm_order_1',
    'spam',
    'other',
    'text',
    'quick_reply',
    'inquiry',
    'message',
    'tpl_1',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(
    fc.string({ maxLength: 6 }),
    fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)),
    { maxKeys: 3 },
  ),
);
/** An object with some of the endpoint's own keys (so validation is reached) holding anything. */
const shaped = (keys: string[]) =>
  fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'extra'), anyValue, {
    maxKeys: keys.length + 1,
  });
/** What a client might put in a body: shaped objects, any JSON, or not JSON at all. */
const body = (keys: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: shaped(keys).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '{"content":', 'null', '[]', '""', 'undefined', '<xml/>', '\u0000'),
    },
  );

interface Endpoint {
  method: string;
  path: string;
  token: string;
  keys: string[];
}
const MK = 'mk_buyer_1';
const SELLER = 'mk_seller_1';
const SM = 'sm_staff_1';
const ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: '/v1/messages/conversations', token: MK, keys: ['listing_id', 'message'] },
  {
    method: 'POST',
    path: '/v1/messages/conversations/conv_1001',
    token: MK,
    keys: ['content', 'type', 'template_id', 'variables'],
  },
  {
    method: 'POST',
    path: '/v1/messages/conversations/conv_1001',
    token: SELLER,
    keys: ['content', 'type', 'template_id', 'variables'],
  },
  { method: 'PUT', path: '/v1/messages/conversations/conv_1001/read', token: MK, keys: ['message_ids'] },
  { method: 'POST', path: '/v1/messages/templates', token: MK, keys: ['name', 'category', 'content'] },
  { method: 'POST', path: '/v1/messages/msg_1001_004/report', token: MK, keys: ['reason', 'details'] },
  { method: 'POST', path: '/api/messages', token: MK, keys: ['threadId', 'listingId', 'body'] },
  {
    method: 'PATCH',
    path: '/api/messages/00000000-0000-4000-8000-000000000000/archive',
    token: MK,
    keys: ['archived'],
  },
  { method: 'POST', path: '/api/auth/login', token: '', keys: ['email', 'password'] },
  { method: 'POST', path: '/api/auth/refresh', token: '', keys: ['refreshToken'] },
  {
    method: 'POST',
    path: '/v3/message',
    token: SM,
    keys: [
      'text',
      'customerId',
      'files',
      'orderId',
      'isOrderShare',
      'internal',
      'sendSms',
      'sendEmail',
      'emailSubject',
      'metadata',
      'avoidSMSQuietHours',
      'suggestedReplyState',
    ],
  },
  {
    method: 'PUT',
    path: '/v3/user/sm_user_1/notification_config',
    token: SM,
    keys: ['sendEmail', 'sendInApp', 'sendSms', 'type'],
  },
];

async function send(
  e: Pick<Endpoint, 'method' | 'path' | 'token'>,
  raw: string | undefined,
  contentType = 'application/json',
  idem?: string,
) {
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (e.token) headers.Authorization = `Bearer ${e.token}`;
  if (idem) headers['Idempotency-Key'] = idem;
  const res = await fetch(`http://localhost${e.path}`, { method: e.method, headers, body: raw });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

function expectHandled(r: { status: number; json: unknown; text: string }, label: string) {
  const where = `${label} → ${r.status} ${r.text.slice(0, 200)}`;
  expect(r.status, where).toBeLessThan(500);
  expect(r.json, where).toBeTypeOf('object');
  if (r.status >= 400) {
    expect(r.json, where).toMatchObject({ success: false });
    expect((r.json as { message?: unknown }).message, where).toBeTypeOf('string');
  } else expect([200, 201, 204], where).toContain(r.status);
  expect(crashes, where).not.toHaveBeenCalled();
}

describe('reference server request validation (properties)', () => {
  for (const e of ENDPOINTS) {
    it(`${e.method} ${e.path} as ${e.token || 'anonymous'}: any body is 2xx or a JSON 4xx`, async () => {
      await fc.assert(
        fc.asyncProperty(
          body(e.keys),
          fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
          async (raw, idem) => {
            expectHandled(
              await send(e, raw, 'application/json', idem),
              `${e.method} ${e.path} ${raw.slice(0, 120)}`,
            );
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('shopmonkey list queries: arbitrary `where`, `orderBy`, `limit`, `skip` are 200 or a JSON 400', async () => {
    const q = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      shaped([
        'id',
        'customerId',
        'createdDate',
        'authorType',
        'internal',
        'unread',
        'search',
        'archived',
      ]).map((o) => JSON.stringify(o)),
      fc.string({ maxLength: 10 }),
    );
    await fc.assert(
      fc.asyncProperty(
        q,
        q,
        fc.oneof(fc.string({ maxLength: 4 }), fc.integer().map(String)),
        fc.oneof(fc.string({ maxLength: 4 }), fc.integer().map(String)),
        async (where, orderBy, limit, skip) => {
          const qs = new URLSearchParams({ where, orderBy, limit, skip }).toString();
          expectHandled(
            await send({ method: 'GET', path: `/v3/message?${qs}`, token: SM }, undefined),
            `message ${qs}`,
          );
          expectHandled(
            await send(
              {
                method: 'GET',
                path: `/v3/user/sm_user_1/inbox?${new URLSearchParams({ where, limit, skip })}`,
                token: SM,
              },
              undefined,
            ),
            `inbox ${qs}`,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('marketplace list queries: arbitrary page, limit, status, role, q, before are 200 or a JSON 400', async () => {
    const s = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer().map(String),
      fc.constantFrom('all', 'unread', 'archived', 'buyer', 'seller', '-1', '1e9', 'NaN'),
    );
    await fc.assert(
      fc.asyncProperty(s, s, s, s, s, s, async (page, limit, status, role, q, before) => {
        expectHandled(
          await send(
            {
              method: 'GET',
              path: `/v1/messages/conversations?${new URLSearchParams({ page, limit, status, role, q })}`,
              token: MK,
            },
            undefined,
          ),
          `list ${page} ${limit} ${status} ${role}`,
        );
        expectHandled(
          await send(
            {
              method: 'GET',
              path: `/v1/messages/conversations/conv_1001?${new URLSearchParams({ page, limit, before })}`,
              token: MK,
            },
            undefined,
          ),
          `thread ${page} ${limit} ${before}`,
        );
        expectHandled(
          await send(
            {
              method: 'GET',
              path: `/api/messages?${new URLSearchParams({ page, limit, archived: status })}`,
              token: MK,
            },
            undefined,
          ),
          `api ${page} ${limit}`,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('multipart junk to the upload and send routes is a JSON 4xx, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('file', 'attachment', 'content', 'type', 'x'),
            fc.string({ maxLength: 10 }),
            fc.boolean(),
          ),
          { maxLength: 4 },
        ),
        async (parts) => {
          for (const e of [
            { method: 'POST', path: '/v3/file', token: SM },
            { method: 'POST', path: '/v1/messages/conversations/conv_1001', token: MK },
          ]) {
            const form = new FormData();
            for (const [k, v, asFile] of parts)
              form.append(
                k,
                asFile
                  ? new File([v], `${v}.bin`, { type: v.includes('a') ? 'image/png' : 'application/x-junk' })
                  : v,
              );
            const res = await fetch(`http://localhost${e.path}`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${e.token}` },
              body: form,
            });
            const text = await res.text();
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            expectHandled({ status: res.status, json, text }, `${e.path} multipart ${JSON.stringify(parts)}`);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
