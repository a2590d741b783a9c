/**
 * Fault injection end to end (jsdom): the reference server's knobs and
 * per-test overrides, driven through the real adapters and components.
 * Under every fault: nothing typed is lost, nothing is stored twice, the UI
 * converges to the server's truth, and nothing reaches the console uncaught.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeMessage } from '../../src/mock/marketplace/operations';
import { messageV1 } from '../../src/mock/marketplace/views';
import { createMarketplaceTransport } from '../../src/transports/marketplace';
import { ConversationThread } from '../../src/react/components/ConversationThread';
import { Composer } from '../../src/react/components/Composer';
import { UnreadBadge } from '../../src/react/components/UnreadBadge';
import { setupThreadLayout } from '../threadLayout';
import { makeTransport, memoryStorage, renderWithInbox, setupMockServer } from '../harness';
import { eventually, seeded, watchConsole } from './support';

const mock = setupMockServer();
setupThreadLayout();
const watch = watchConsole();
afterEach(() => {
  delete mock.ctx.knobs.random;
});

const CONV = 'conv_1001';
const stored = () => mock.ctx.db.marketplace.messages.get(CONV) ?? [];
const storedWith = (text: string) => stored().filter((m) => m.content === text).length;
const field = () => screen.getByRole('textbox', { name: 'Message' });
const articles = () => screen.queryAllByRole('article');
const articleWith = (text: string) =>
  articles().filter((a) => a.querySelector('[data-slot="message-body"]')?.textContent === text);

function Page() {
  return (
    <>
      <UnreadBadge />
      <ConversationThread conversationId={CONV} />
      <Composer conversationId={CONV} />
    </>
  );
}
async function openPage(options: Parameters<typeof renderWithInbox>[1] = {}) {
  const r = renderWithInbox(<Page />, { as: 'buyer', ...options });
  await eventually(() => expect(articles()).toHaveLength(30));
  return r;
}

describe('latency', () => {
  it('shows loading while reads are slow and "sending" while a send is slow, then the server state', async () => {
    mock.ctx.knobs.latencyMs = [250, 250];
    renderWithInbox(<Page />, { as: 'buyer' });
    const feed = await screen.findByRole('feed', { name: 'Messages' });
    expect(feed).toHaveAttribute('aria-busy', 'true');
    expect(document.querySelector('[data-slot="thread-history"]')).toHaveTextContent(/Loading/);
    await eventually(() => expect(articles()).toHaveLength(30));
    expect(feed).toHaveAttribute('aria-busy', 'false');
    const before = stored().length;
    const user = userEvent.setup();
    await user.type(field(), 'slow hello{Enter}');
    await eventually(() => expect(articleWith('slow hello')[0]).toHaveAttribute('data-status', 'sending'));
    await eventually(() => expect(articleWith('slow hello')[0]).toHaveAttribute('data-status', 'sent'));
    expect(articleWith('slow hello')).toHaveLength(1);
    expect(stored().length).toBe(before + 1);
    watch.expectClean();
  });
});

describe('random failures (30 %, seeded)', () => {
  it('every message typed is stored exactly once, in typing order; a failure holds the later ones until Retry; drafts survive', async () => {
    const storage = memoryStorage();
    const { user, unmount } = await openPage({ storage });
    mock.ctx.knobs.random = seeded(7);
    mock.ctx.knobs.failureRate = 0.3;
    const texts = Array.from({ length: 10 }, (_, i) => `flaky message ${i + 1}`);
    for (const text of texts) {
      await user.type(field(), `${text}{Enter}`);
      await eventually(() =>
        expect(articleWith(text)[0]?.getAttribute('data-status')).toMatch(/sent|failed|queued/),
      );
    }
    const status = (t: string) => articleWith(t)[0]?.getAttribute('data-status');
    const firstFailed = texts.findIndex((t) => status(t) === 'failed');
    expect(firstFailed).toBeGreaterThanOrEqual(0); // the seed makes one fail…
    expect(texts.slice(0, firstFailed).every((t) => status(t) === 'sent')).toBe(true);
    // …and it holds every later message, which says so.
    for (const t of texts.slice(firstFailed + 1)) {
      expect(status(t)).toBe('queued');
      expect(articleWith(t)[0]).toHaveTextContent('Queued: waits until the message that was not sent');
      expect(storedWith(t)).toBe(0);
    }
    // A half-typed draft while the server is flaky.
    await user.type(field(), 'half typed, not sent');
    // Retry whatever failed (the server still fails 30 %) until everything went out.
    for (let round = 0; round < 40 && texts.some((t) => status(t) !== 'sent'); round++) {
      const failed = texts.find((t) => status(t) === 'failed');
      if (failed) await user.click(within(articleWith(failed)[0]!).getByRole('button', { name: 'Retry' }));
      await eventually(() => expect(texts.some((t) => status(t) === 'sending')).toBe(false));
    }
    await eventually(() => {
      for (const t of texts)
        expect(articleWith(t).map((a) => a.getAttribute('data-status'))).toEqual(['sent']);
    });
    for (const t of texts) expect(storedWith(t)).toBe(1);
    expect(
      stored()
        .map((m) => m.content)
        .filter((c) => texts.includes(c)),
    ).toEqual(texts);
    // The draft survives a reload of the widget (persisted store).
    unmount();
    renderWithInbox(<Page />, { as: 'buyer', storage });
    await eventually(() => expect(field()).toHaveValue('half typed, not sent'));
    watch.expectClean();
  }, 60_000);
});

describe('429 bursts on reads', () => {
  it('the http client honours Retry-After and the thread and badge converge', async () => {
    let limited = 0;
    const burst = () => {
      if (limited >= 4) return undefined;
      limited += 1;
      return HttpResponse.json(
        { success: false, code: 'rate_limited', message: 'Too many requests.' },
        { status: 429, headers: { 'Retry-After': '0' } },
      );
    };
    mock.use(http.get('*/v1/messages/conversations/:id', burst), http.get('*/v1/messages/unread', burst));
    const transport = createMarketplaceTransport({
      baseUrl: 'http://localhost/v1',
      getToken: () => 'mk_buyer_1',
      retries: 3,
      retryDelayMs: 1,
    });
    renderWithInbox(<Page />, { as: 'buyer', transport });
    await eventually(() => expect(articles()).toHaveLength(30));
    const truth = await transport.getUnreadSummary();
    await eventually(() => expect(screen.getByText(`${truth.messages} unread messages`)).toBeInTheDocument());
    expect(limited).toBe(4);
    watch.expectClean();
  });
});

describe('connection dropped mid-send', () => {
  it('the server stored it but the answer was lost: the row fails with Retry, Retry stores nothing new and shows one row', async () => {
    const db = mock.ctx.db.marketplace;
    mock.use(
      http.post(
        '*/v1/messages/conversations/:id',
        async ({ request }) => {
          const body = (await request.json()) as { content: string };
          const c = db.conversations.get(CONV)!;
          storeMessage(mock.ctx, db, c, db.users.get('usr_buyer_1')!, {
            type: 'text',
            content: body.content,
            idempotencyKey: request.headers.get('Idempotency-Key'),
          });
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user } = await openPage();
    const before = stored().length;
    await user.type(field(), 'did it arrive?{Enter}');
    await eventually(() => expect(articleWith('did it arrive?')[0]).toHaveAttribute('data-status', 'failed'));
    expect(stored().length).toBe(before + 1); // it did, the client just never heard
    await user.click(within(articleWith('did it arrive?')[0]!).getByRole('button', { name: 'Retry' }));
    await eventually(() =>
      expect(articleWith('did it arrive?').map((a) => a.getAttribute('data-status'))).toEqual(['sent']),
    );
    expect(storedWith('did it arrive?')).toBe(1);
    watch.expectClean();
  });
});

describe('server going away and coming back', () => {
  it('sends fail while offline, the draft stays, and "online" flushes the outbox exactly once', async () => {
    const { user } = await openPage();
    mock.use(http.all('*', () => HttpResponse.error()));
    await user.type(field(), 'sent into the void{Enter}');
    await eventually(() =>
      expect(articleWith('sent into the void')[0]).toHaveAttribute('data-status', 'failed'),
    );
    await user.type(field(), 'still typing');
    expect(storedWith('sent into the void')).toBe(0);
    mock.server.resetHandlers(); // the server is back
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await eventually(() =>
      expect(articleWith('sent into the void').map((a) => a.getAttribute('data-status'))).toEqual(['sent']),
    );
    expect(storedWith('sent into the void')).toBe(1);
    // A second "online" does not send again.
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(storedWith('sent into the void')).toBe(1);
    expect(field()).toHaveValue('still typing');
    watch.expectClean();
  });
});

describe('duplicated and out-of-order realtime events', () => {
  it('shows each message once, in server order, and the badge counts each once', async () => {
    renderWithInbox(<Page />, { as: 'buyer', realtime: true });
    await eventually(() => expect(articles()).toHaveLength(30));
    const initial = await makeTransport('buyer').getUnreadSummary();
    await eventually(() =>
      expect(screen.getByText(`${initial.messages} unread messages`)).toBeInTheDocument(),
    );
    const db = mock.ctx.db.marketplace;
    const c = db.conversations.get(CONV)!;
    const t0 = Date.now();
    const mk = (i: number, content: string) => {
      const id = db.nextId('msg');
      const m = {
        id,
        conversationId: CONV,
        senderId: 'usr_seller_1',
        type: 'text' as const,
        content,
        attachments: [],
        sentAt: new Date(t0 + i * 1000).toISOString(),
      };
      db.addMessage(m);
      return {
        id: db.nextId('evt'),
        type: 'message.received',
        created_at: new Date().toISOString(),
        data: { conversation_id: c.id, message: messageV1(db, m, 'usr_buyer_1') },
      };
    };
    const first = mk(1, 'realtime first');
    const second = mk(2, 'realtime second');
    act(() => {
      for (const e of [second, first, first, second, { ...first, id: 'evt_again' }])
        mock.ctx.realtime.publish('marketplace:usr_buyer_1', e);
    });
    await eventually(() => expect(articleWith('realtime second')).toHaveLength(1));
    await eventually(() => expect(articleWith('realtime first')).toHaveLength(1));
    const bodies = articles().map((a) => a.querySelector('[data-slot="message-body"]')?.textContent);
    expect(bodies.indexOf('realtime first')).toBeLessThan(bodies.indexOf('realtime second'));
    // The visible thread marks them read; the badge ends at the server's truth (no double counting).
    await eventually(async () => {
      const truth = await makeTransport('buyer').getUnreadSummary();
      expect(screen.getByText(`${truth.messages} unread messages`)).toBeInTheDocument();
    });
    watch.expectClean();
  });
});

describe('expiring and bad tokens', () => {
  it('a stale token gets one fresh getToken() and one retry, invisibly', async () => {
    let calls = 0;
    const getToken = vi.fn(() => (++calls === 1 ? 'stale_token' : 'mk_buyer_1'));
    const onUnauthorized = vi.fn();
    await openPage({ getToken, onUnauthorized });
    expect(getToken.mock.calls.length).toBeGreaterThan(1); // the 401 asked for a fresh token
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(screen.queryByText('Messages could not be loaded.')).toBeNull();
    watch.expectClean();
  });

  it('an always-bad token calls onUnauthorized, keeps the draft, and shows an error instead of crashing', async () => {
    const onUnauthorized = vi.fn();
    const storage = memoryStorage();
    storage.setItem(
      'inbox-kit:marketplace:usr_buyer_1',
      JSON.stringify({
        state: { drafts: { [CONV]: 'my unsent words' }, outbox: [], dismissedSuggestions: [] },
        version: 1,
      }),
    );
    renderWithInbox(<Page />, { as: 'buyer', getToken: () => 'revoked', onUnauthorized, storage });
    await eventually(() => expect(onUnauthorized).toHaveBeenCalled());
    await eventually(() =>
      expect(document.querySelector('[data-slot="thread-history"]')).toHaveTextContent(
        'You are signed out. Sign in again to continue.',
      ),
    );
    expect(field()).toHaveValue('my unsent words');
    // One refresh attempt per request, then give up: no retry storm.
    const perRequest = onUnauthorized.mock.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(onUnauthorized.mock.calls.length).toBe(perRequest);
    watch.expectClean();
  });
});
