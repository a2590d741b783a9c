/**
 * The transport contract suite: one set of behavioural tests every
 * {@link MessagingTransport} must pass against the reference server.
 *
 * ```ts
 * // src/transports/acme/acme.contract.test.ts
 * import { runTransportContract } from '../../../test/contract/transportContract';
 * runTransportContract('acme', { createServer, createTransport, fixtures, routes, malformed });
 * ```
 *
 * Tests go through the real reference server (msw in Node); failures are added
 * per test with `server.use(...)`. Verbs whose capability is `false` must
 * reject with `code: 'unsupported'`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import type { MockServer } from '../../src/mock/node';
import { TransportError } from '../../src/core/TransportError';
import type { TransportErrorCode } from '../../src/core/TransportError';
import type { Message } from '../../src/core/types';
import type { HttpTransportOptions, MessagingTransport } from '../../src/transports/types';

/** The options the suite controls when it creates a transport. */
export type ContractTransportOverrides = Pick<HttpTransportOptions, 'getToken'> &
  Partial<Pick<HttpTransportOptions, 'onUnauthorized' | 'retries' | 'retryDelayMs' | 'timeoutMs' | 'fetch'>>;

/** An msw route the suite overrides to inject failures and malformed payloads. */
export interface ContractRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** msw path pattern matching any origin, e.g. `*\/v1/messages/conversations`. */
  path: string;
}

/** A response body that must be rejected as `invalid_response`, and the field path the error message must name. */
export interface MalformedCase {
  body: unknown;
  /** Substring the error message must contain, e.g. `data.conversations[0].unread_count`. */
  path: string;
}

/**
 * How to plug a transport into the contract suite.
 *
 * - `createServer` returns a fresh, NOT yet listening reference server (the
 *   suite calls `listen()`/`close()` around every test).
 * - `createTransport` builds the transport for the main identity against that
 *   server; the suite passes `getToken` (and sometimes `onUnauthorized`,
 *   `retries`, `retryDelayMs`, `timeoutMs`) and the setup fills the rest
 *   (`baseUrl`, user id, profile…). Use `retryDelayMs: 1` as the default to
 *   keep tests fast.
 * - `fixtures` name seed data of the main identity.
 * - `routes` are the msw paths of a few verbs, overridden per test for
 *   failures (429, 500) and malformed payloads.
 */
export interface ContractSetup {
  createServer(): MockServer;
  createTransport(server: MockServer, overrides: ContractTransportOverrides): MessagingTransport;
  fixtures: {
    /** The main identity's valid token. */
    token: string;
    /** The main identity's user id (messages it sends carry it as `senderId`). */
    userId: string;
    /** A conversation of the main identity with at least one unread incoming message, not archived. */
    unreadConversationId: string;
    /** A conversation of someone else: reading it is 403 or 404. */
    foreignConversationId: string;
    /** A well-formed id that does not exist. */
    missingConversationId: string;
    /** A conversation with more messages than `pageSize` (for paging). May equal `unreadConversationId`. */
    longConversationId: string;
    /** A small page size that splits both the inbox and `longConversationId` into ≥ 2 pages. */
    pageSize: number;
    /** Subject (listing) id to start a conversation about; required when `capabilities.startConversation`. */
    startSubjectId?: string;
    /** An incoming message id the main identity may report; required when `capabilities.report`. */
    reportableMessageId?: string;
  };
  /**
   * Makes the counterpart of `conversationId` send `text` (e.g. by writing to
   * the mock db). Optional; enables the incoming-message test.
   */
  receiveIncoming?(server: MockServer, conversationId: string, text: string): void | Promise<void>;
  routes: {
    listConversations: ContractRoute;
    sendMessage: ContractRoute;
  };
  malformed: {
    /** A listConversations body with a field of the wrong type. */
    wrongType: MalformedCase;
    /** A listConversations body missing a required field. */
    missingField: MalformedCase;
    /**
     * For a transport that reads tolerantly: the two cases above must skip the bad row (keeping the page)
     * and report a diagnostic naming the path through `subscribeDiagnostics`; only this body (an
     * unusable envelope) must reject with `invalid_response` naming `path`.
     */
    tolerant?: { envelope: MalformedCase };
  };
}

/** The `TransportError` a call rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(TransportError);
    return e as TransportError;
  }
  throw new Error('expected the call to reject, but it resolved');
}

async function expectCode(
  promise: Promise<unknown>,
  ...codes: TransportErrorCode[]
): Promise<TransportError> {
  const error = await rejection(promise);
  expect(codes).toContain(error.code);
  return error;
}

/**
 * What the outbox adds to every attempt after the first: on a server without idempotent sends, the time
 * the first attempt began, so the transport looks for the message before posting it again.
 */
function resendOf(transport: MessagingTransport, since: string): { resend?: { since: string } } {
  return transport.capabilities.idempotentSends ? {} : { resend: { since } };
}

/** Every message of a conversation, paging back to the start. */
async function allMessages(
  transport: MessagingTransport,
  conversationId: string,
  limit?: number,
): Promise<Message[]> {
  const pages: Message[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await transport.listMessages({ conversationId, cursor, ...(limit ? { limit } : {}) });
    pages.push(page.items);
    if (!page.hasMore || !page.next) break;
    cursor = page.next;
  }
  return pages.reverse().flat();
}

/** Runs the contract suite for one transport. */
export function runTransportContract(name: string, setup: ContractSetup): void {
  describe(`transport contract: ${name}`, () => {
    let server: MockServer;
    let transport: MessagingTransport;
    const { fixtures } = setup;
    const make = (overrides: Partial<ContractTransportOverrides> = {}) =>
      setup.createTransport(server, { getToken: () => fixtures.token, retryDelayMs: 1, ...overrides });
    const override = (route: ContractRoute, resolver: () => Response, once = true) =>
      server.use(http[route.method](route.path, resolver, { once }));

    beforeEach(() => {
      server = setup.createServer();
      server.listen();
      transport = make();
    });
    afterEach(() => {
      server.close();
    });

    describe('capabilities', () => {
      it('declares realtime only with a subscribe method', () => {
        expect(typeof transport.id).toBe('string');
        expect(transport.capabilities.realtime).toBe(typeof transport.subscribe === 'function');
        expect(transport.capabilities.maxTextLength).toBeGreaterThan(0);
        expect(transport.capabilities.filters).toContain('all');
      });

      it('rejects verbs of missing capabilities with unsupported', async () => {
        const c = transport.capabilities;
        const checks: Array<[boolean, () => Promise<unknown>]> = [
          [c.templates, () => transport.listTemplates()],
          [c.createTemplates, () => transport.createTemplate({ name: 'x', category: 'other', content: 'x' })],
          [c.unarchive, () => transport.unarchive(fixtures.unreadConversationId)],
          [c.archive, () => transport.archive(fixtures.unreadConversationId)],
          [c.delete, () => transport.deleteConversation(fixtures.unreadConversationId)],
          [c.report, () => transport.reportMessage('msg_x', 'spam')],
          [c.preferences, () => transport.getPreferences()],
          [
            c.preferences,
            () =>
              transport.updatePreferences({
                default: { email: true, sms: true, inApp: true },
                categories: {},
              }),
          ],
          [c.notifications, () => transport.listNotifications()],
          [c.notifications, () => transport.markAllNotificationsRead()],
          [
            c.startConversation,
            () => transport.startConversation({ subjectId: 'x', text: 'x', clientId: 'c' }),
          ],
        ];
        for (const [supported, call] of checks) if (!supported) await expectCode(call(), 'unsupported');
      });
    });

    describe('conversations', () => {
      it('lists the inbox and pages to the end without duplicates', async () => {
        const ids: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        let total: number | undefined;
        for (; pages < 200; pages++) {
          const page = await transport.listConversations({ limit: fixtures.pageSize, cursor });
          if (pages === 0) total = page.total;
          expect(page.items.length).toBeLessThanOrEqual(fixtures.pageSize);
          for (const c of page.items) {
            expect(typeof c.id).toBe('string');
            expect(typeof c.counterpart.name).toBe('string');
            expect(c.unreadCount).toBeGreaterThanOrEqual(0);
            ids.push(c.id);
          }
          if (!page.hasMore) {
            expect(page.next).toBeUndefined();
            break;
          }
          expect(page.next).toBeTypeOf('string');
          cursor = page.next;
        }
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(new Set(ids).size).toBe(ids.length);
        if (total !== undefined) expect(ids.length).toBe(total);
        expect(ids).toContain(fixtures.unreadConversationId);
      });

      it('filters server-side for every declared filter', async () => {
        for (const filter of transport.capabilities.filters) {
          const page = await transport.listConversations({ filter, limit: 100 });
          for (const c of page.items) {
            if (filter === 'unread') expect(c.unreadCount).toBeGreaterThan(0);
            if (filter === 'read') expect(c.unreadCount).toBe(0);
            if (filter === 'archived') expect(c.archived).toBe(true);
          }
          if (filter === 'unread')
            expect(page.items.map((c) => c.id)).toContain(fixtures.unreadConversationId);
        }
      });

      it('gets one conversation; 403/404 for foreign and missing ones', async () => {
        const c = await transport.getConversation(fixtures.unreadConversationId);
        expect(c.id).toBe(fixtures.unreadConversationId);
        expect(c.unreadCount).toBeGreaterThan(0);
        await expectCode(transport.getConversation(fixtures.foreignConversationId), 'forbidden', 'not_found');
        await expectCode(transport.getConversation(fixtures.missingConversationId), 'not_found');
      });

      it('starts a conversation when supported', async () => {
        if (!transport.capabilities.startConversation || !fixtures.startSubjectId) return;
        const result = await transport.startConversation({
          subjectId: fixtures.startSubjectId,
          text: 'Is it still available?',
          clientId: 'start-1',
        });
        expect(result.conversation.id).toBeTruthy();
        expect(result.message.text).toBe('Is it still available?');
        expect(result.message.direction).toBe('outgoing');
        await expectCode(
          transport.startConversation({
            subjectId: fixtures.startSubjectId,
            text: '   ',
            clientId: 'start-2',
          }),
          'validation_failed',
        );
      });
    });

    describe('messages', () => {
      it('lists the newest page first and pages back without duplicates', async () => {
        const first = await transport.listMessages({
          conversationId: fixtures.longConversationId,
          limit: fixtures.pageSize,
        });
        expect(first.hasMore).toBe(true);
        const all = await allMessages(transport, fixtures.longConversationId, fixtures.pageSize);
        const ids = all.map((m) => m.id);
        expect(new Set(ids).size).toBe(ids.length);
        // the first page holds the newest messages, oldest first within the page
        expect(all.slice(-first.items.length).map((m) => m.id)).toEqual(first.items.map((m) => m.id));
        for (let i = 1; i < all.length; i++) expect(all[i]!.sentAt >= all[i - 1]!.sentAt).toBe(true);
        for (const m of all) {
          expect(m.conversationId).toBe(fixtures.longConversationId);
          expect(m.direction).toBe(m.senderId === fixtures.userId ? 'outgoing' : 'incoming');
        }
      });

      it('sends a text message and stores a retried send once', async () => {
        const text = `Contract hello ${Date.now()}`;
        const started = new Date().toISOString();
        const a = await transport.sendMessage({
          conversationId: fixtures.unreadConversationId,
          clientId: 'client-1',
          text,
        });
        expect(a.text).toBe(text);
        expect(a.direction).toBe('outgoing');
        expect(a.senderId).toBe(fixtures.userId);
        const b = await transport.sendMessage({
          conversationId: fixtures.unreadConversationId,
          clientId: 'client-1',
          text,
          ...resendOf(transport, started),
        });
        expect(b.id).toBe(a.id);
        const all = await allMessages(transport, fixtures.unreadConversationId);
        expect(all.filter((m) => m.text === text)).toHaveLength(1);
        expect(all.at(-1)?.id).toBe(a.id);
      });

      it('rejects invalid sends with field errors', async () => {
        const empty = await expectCode(
          transport.sendMessage({
            conversationId: fixtures.unreadConversationId,
            clientId: 'c-empty',
            text: '   ',
          }),
          'validation_failed',
        );
        expect(empty.status).toBe(400);
        expect(empty.fieldErrors?.length).toBeGreaterThan(0);
        const long = 'x'.repeat(transport.capabilities.maxTextLength + 1);
        await expectCode(
          transport.sendMessage({
            conversationId: fixtures.unreadConversationId,
            clientId: 'c-long',
            text: long,
          }),
          'validation_failed',
        );
        await expectCode(
          transport.sendMessage({
            conversationId: fixtures.foreignConversationId,
            clientId: 'c-foreign',
            text: 'hi',
          }),
          'forbidden',
          'not_found',
        );
      });

      it('shows a message from the counterpart as incoming', async () => {
        if (!setup.receiveIncoming) return;
        const before = await transport.getConversation(fixtures.unreadConversationId);
        await setup.receiveIncoming(server, fixtures.unreadConversationId, 'Counterpart says hi');
        const page = await transport.listMessages({ conversationId: fixtures.unreadConversationId });
        const last = page.items.at(-1)!;
        expect(last.text).toBe('Counterpart says hi');
        expect(last.direction).toBe('incoming');
        const after = await transport.getConversation(fixtures.unreadConversationId);
        expect(after.unreadCount).toBe(before.unreadCount + 1);
      });

      it('marks a conversation read and updates the unread summary', async () => {
        const before = await transport.getUnreadSummary();
        const conv = await transport.getConversation(fixtures.unreadConversationId);
        expect(before.messages).toBeGreaterThanOrEqual(conv.unreadCount);
        const result = await transport.markRead(fixtures.unreadConversationId);
        expect(result.messages).toBe(before.messages - conv.unreadCount);
        expect((await transport.getConversation(fixtures.unreadConversationId)).unreadCount).toBe(0);
        const after = await transport.getUnreadSummary();
        expect(after.messages).toBe(result.messages);
        expect(after.conversations).toBe(before.conversations - 1);
      });

      it('marks single messages read when perMessageRead', async () => {
        if (!transport.capabilities.perMessageRead) return;
        const page = await transport.listMessages({
          conversationId: fixtures.unreadConversationId,
          limit: 100,
        });
        const unread = page.items.filter((m) => m.direction === 'incoming' && !m.readAt && m.read !== true);
        expect(unread.length).toBeGreaterThan(0);
        const conv = await transport.getConversation(fixtures.unreadConversationId);
        await transport.markRead(fixtures.unreadConversationId, [unread[0]!.id]);
        expect((await transport.getConversation(fixtures.unreadConversationId)).unreadCount).toBe(
          conv.unreadCount - 1,
        );
        await expectCode(
          transport.markRead(fixtures.unreadConversationId, ['msg_not_there_999']),
          'validation_failed',
        );
      });
    });

    describe('archive, delete, report', () => {
      it('archives (and unarchives) per capability', async () => {
        if (!transport.capabilities.archive) return;
        await transport.archive(fixtures.unreadConversationId);
        expect((await transport.getConversation(fixtures.unreadConversationId)).archived).toBe(true);
        if (transport.capabilities.filters.includes('archived')) {
          const archived = await transport.listConversations({ filter: 'archived', limit: 100 });
          expect(archived.items.map((c) => c.id)).toContain(fixtures.unreadConversationId);
        }
        if (transport.capabilities.unarchive) {
          await transport.unarchive(fixtures.unreadConversationId);
          expect((await transport.getConversation(fixtures.unreadConversationId)).archived).toBe(false);
        }
        await expectCode(transport.archive(fixtures.foreignConversationId), 'forbidden', 'not_found');
      });

      it('deletes a conversation for the caller when supported', async () => {
        if (!transport.capabilities.delete) return;
        await transport.deleteConversation(fixtures.unreadConversationId);
        await expectCode(transport.getConversation(fixtures.unreadConversationId), 'not_found');
        const page = await transport.listConversations({ limit: 100 });
        expect(page.items.map((c) => c.id)).not.toContain(fixtures.unreadConversationId);
      });

      it('reports a message once when supported', async () => {
        if (!transport.capabilities.report || !fixtures.reportableMessageId) return;
        await transport.reportMessage(fixtures.reportableMessageId, 'spam');
        await expectCode(transport.reportMessage(fixtures.reportableMessageId, 'spam'), 'conflict');
      });
    });

    describe('templates, unread, notifications, preferences', () => {
      it('lists and creates templates when supported', async () => {
        if (!transport.capabilities.templates) return;
        const list = await transport.listTemplates();
        expect(Array.isArray(list)).toBe(true);
        if (!transport.capabilities.createTemplates) return;
        const t = await transport.createTemplate({
          name: 'Contract template',
          category: 'offer',
          content: 'Offer for {{vehicle_title}} at {{price}}',
        });
        expect(t.variables).toEqual(['vehicle_title', 'price']);
        expect((await transport.listTemplates()).map((x) => x.id)).toContain(t.id);
        await expectCode(
          transport.createTemplate({ name: '', category: 'offer', content: '' }),
          'validation_failed',
        );
      });

      it('reports an unread summary', async () => {
        const s = await transport.getUnreadSummary();
        expect(s.messages).toBeGreaterThan(0);
        expect(s.conversations).toBeGreaterThan(0);
        expect(s.conversations).toBeLessThanOrEqual(s.messages);
      });

      it('lists notifications and marks them read when supported', async () => {
        if (!transport.capabilities.notifications) return;
        const page = await transport.listNotifications({ limit: 50 });
        expect(page.items.length).toBeGreaterThan(0);
        const unread = page.items.find((n) => !n.read);
        if (unread) {
          const n = await transport.markNotificationRead(unread.id);
          expect(n.read).toBe(true);
        }
        const all = await transport.markAllNotificationsRead();
        expect(all.updated).toBeGreaterThanOrEqual(0);
        const after = await transport.listNotifications({ unreadOnly: true });
        expect(after.items.filter((n) => !n.read)).toHaveLength(0);
      });

      it('round-trips preferences when supported', async () => {
        if (!transport.capabilities.preferences) return;
        const prefs = await transport.getPreferences();
        const next = { ...prefs, default: { ...prefs.default, email: !prefs.default.email } };
        const saved = await transport.updatePreferences(next);
        expect(saved.default.email).toBe(next.default.email);
        expect((await transport.getPreferences()).default.email).toBe(next.default.email);
      });
    });

    describe('errors', () => {
      it('asks for a fresh token once on 401, then calls onUnauthorized', async () => {
        const getToken = vi.fn(() => 'not-a-valid-token');
        const onUnauthorized = vi.fn();
        const t = make({ getToken, onUnauthorized });
        const error = await expectCode(t.listConversations(), 'unauthorized');
        expect(error.status).toBe(401);
        expect(getToken).toHaveBeenCalledTimes(2);
        expect(onUnauthorized).toHaveBeenCalledTimes(1);
      });

      it('recovers when the fresh token is valid', async () => {
        let calls = 0;
        const onUnauthorized = vi.fn();
        const t = make({
          getToken: () => (calls++ === 0 ? 'expired-token' : fixtures.token),
          onUnauthorized,
        });
        const page = await t.listConversations();
        expect(page.items.length).toBeGreaterThan(0);
        expect(onUnauthorized).not.toHaveBeenCalled();
      });

      it('honours Retry-After on a 429 for reads', async () => {
        override(setup.routes.listConversations, () =>
          HttpResponse.json(
            { success: false, code: 'rate_limited', message: 'Slow down' },
            { status: 429, headers: { 'Retry-After': '1' } },
          ),
        );
        const started = Date.now();
        const page = await transport.listConversations();
        expect(page.items.length).toBeGreaterThan(0);
        expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      });

      it('surfaces 429 with retryAfterMs when out of retries', async () => {
        override(setup.routes.listConversations, () =>
          HttpResponse.json(
            { success: false, code: 'rate_limited', message: 'Slow down' },
            { status: 429, headers: { 'Retry-After': '7' } },
          ),
        );
        const error = await expectCode(make({ retries: 0 }).listConversations(), 'rate_limited');
        expect(error.retryAfterMs).toBe(7000);
      });

      it('retries a read after a 500', async () => {
        override(setup.routes.listConversations, () =>
          HttpResponse.json({ success: false, message: 'boom' }, { status: 500 }),
        );
        const page = await transport.listConversations();
        expect(page.items.length).toBeGreaterThan(0);
        override(setup.routes.listConversations, () =>
          HttpResponse.json({ success: false, message: 'boom' }, { status: 500 }),
        );
        await expectCode(make({ retries: 0 }).listConversations(), 'internal');
      });

      it('never stores a send twice around a 500', async () => {
        override(setup.routes.sendMessage, () =>
          HttpResponse.json({ success: false, message: 'boom' }, { status: 500 }),
        );
        const text = 'Sent through a 500';
        const started = new Date().toISOString();
        let sent: Message | undefined;
        try {
          sent = await transport.sendMessage({
            conversationId: fixtures.unreadConversationId,
            clientId: 'c-500',
            text,
          });
        } catch (e) {
          expect((e as TransportError).code).toBe('internal');
        }
        const stored = (await allMessages(transport, fixtures.unreadConversationId)).filter(
          (m) => m.text === text,
        );
        expect(stored).toHaveLength(sent ? 1 : 0);
        // the user's retry with the same client id stores exactly one
        const again = await transport.sendMessage({
          conversationId: fixtures.unreadConversationId,
          clientId: 'c-500',
          text,
          ...resendOf(transport, started),
        });
        if (sent) expect(again.id).toBe(sent.id);
        expect(
          (await allMessages(transport, fixtures.unreadConversationId)).filter((m) => m.text === text),
        ).toHaveLength(1);
      });

      it('rejects with aborted when the signal fires', async () => {
        const pre = new AbortController();
        pre.abort();
        await expectCode(transport.listConversations({ signal: pre.signal }), 'aborted');
        server.ctx.knobs.latencyMs = [300, 300];
        const mid = new AbortController();
        const p = transport.listMessages({
          conversationId: fixtures.unreadConversationId,
          signal: mid.signal,
        });
        setTimeout(() => mid.abort(), 20);
        await expectCode(p, 'aborted');
        server.ctx.knobs.latencyMs = [0, 0];
      });

      it('rejects malformed payloads with invalid_response naming the field', async () => {
        const tolerant = setup.malformed.tolerant;
        if (tolerant) {
          expect(typeof transport.subscribeDiagnostics).toBe('function');
          for (const c of [setup.malformed.wrongType, setup.malformed.missingField]) {
            const seen: string[] = [];
            const t = make();
            const off = t.subscribeDiagnostics!((d) => seen.push(d.message));
            override(
              setup.routes.listConversations,
              () => HttpResponse.json(c.body as Record<string, unknown>),
              false,
            );
            const page = await t.listConversations();
            expect(page.items).toEqual([]);
            expect(seen.join('\n')).toContain(c.path);
            off();
            server.server.resetHandlers();
          }
          override(
            setup.routes.listConversations,
            () => HttpResponse.json(tolerant.envelope.body as Record<string, unknown>),
            false,
          );
          const error = await expectCode(transport.listConversations(), 'invalid_response');
          expect(error.message).toContain(tolerant.envelope.path);
          server.server.resetHandlers();
        }
        for (const c of tolerant ? [] : [setup.malformed.wrongType, setup.malformed.missingField]) {
          override(
            setup.routes.listConversations,
            () => HttpResponse.json(c.body as Record<string, unknown>),
            false,
          );
          const error = await expectCode(transport.listConversations(), 'invalid_response');
          expect(error.message).toContain(c.path);
          server.server.resetHandlers();
        }
        override(
          setup.routes.listConversations,
          () =>
            new HttpResponse('<!doctype html><h1>Bad gateway</h1>', {
              status: 200,
              headers: { 'Content-Type': 'text/html' },
            }),
          false,
        );
        await expectCode(transport.listConversations(), 'invalid_response');
      });
    });
  });
}
