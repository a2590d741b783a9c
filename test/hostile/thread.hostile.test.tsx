/**
 * Hostile message content through the real thread (reference server → real
 * adapter → ConversationThread): markup is shown as text, only safe schemes
 * become links, bidi overrides are isolated, huge and odd strings render, and
 * a message that cannot be rendered or read never takes down the thread.
 * Hostile rows are written straight into the mock db as ABC Trucks' messages.
 */
import type { MockInstance } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MkAttachment, MkMessage } from '../../src/mock/marketplace/db';
import type { Message } from '../../src/core/types';
import { renderWithInbox, setupMockServer } from '../harness';
import { ConversationThread } from '../../src/react/components/ConversationThread';
import { setupThreadLayout } from '../threadLayout';

const mock = setupMockServer();
setupThreadLayout();
const CONV = 'conv_1001';
const SEED_COUNT = 30;

let errors: MockInstance<typeof console.error>;
const uncaught: unknown[] = [];
const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
beforeEach(() => {
  errors = vi.spyOn(console, 'error');
  uncaught.length = 0;
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  delete (window as { __pwned?: unknown }).__pwned;
});
afterEach(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  errors.mockRestore();
});

let clock = Date.now() - 60_000;
/** Stores an incoming message from ABC Trucks in conv_1001 and returns its id. */
function incoming(content: string, extra: Partial<MkMessage> = {}): string {
  const db = mock.ctx.db.marketplace;
  const id = db.nextId('msg');
  clock += 1000;
  db.addMessage({
    id,
    conversationId: CONV,
    senderId: 'usr_seller_1',
    type: 'text',
    content,
    attachments: [],
    sentAt: new Date(clock).toISOString(),
    ...extra,
  });
  return id;
}
const articleOf = (id: string) =>
  document.querySelector<HTMLElement>(`[data-slot="message"][data-message-id="${id}"]`);
async function openThread(extraCount: number, options: Parameters<typeof renderWithInbox>[1] = {}) {
  const r = renderWithInbox(<ConversationThread conversationId={CONV} />, { as: 'buyer', ...options });
  await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(SEED_COUNT + extraCount), {
    timeout: 5000,
  });
  return r;
}
/** console.error calls other than React's test-only act() warnings. */
const realErrors = () => errors.mock.calls.filter((c) => !String(c[0]).includes('not wrapped in act'));
function expectNoConsoleErrors() {
  expect(realErrors()).toEqual([]);
  expect(uncaught).toEqual([]);
}

describe('hostile message text', () => {
  it('shows markup and script as the characters they are; nothing is injected or run', async () => {
    const payloads = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
      '<a href="javascript:window.__pwned=1">click</a>',
      '<svg onload="window.__pwned=1"><b>bold</b></svg>',
      '"><iframe src="javascript:window.__pwned=1"></iframe>',
    ];
    const ids = payloads.map((p) => incoming(p));
    await openThread(ids.length);
    ids.forEach((id, i) => {
      const article = articleOf(id)!;
      expect(article.querySelector('[data-slot="message-body"]')!.textContent).toBe(payloads[i]);
      expect(article.querySelector('img[src="x"], script, iframe, svg[onload], b')).toBeNull();
      expect(within(article).queryByRole('link')).toBeNull();
    });
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    expectNoConsoleErrors();
  });

  it('never makes javascript:, data:, vbscript: or file: URLs clickable; http(s), mailto and tel links open safely', async () => {
    const bad = incoming(
      'try javascript:window.__pwned=1 or JaVaScRiPt:alert(1) or data:text/html;base64,PHNjcmlwdD4= or vbscript:msgbox(1) or file:///etc/passwd',
    );
    const good = incoming(
      'see https://example.com/truck?id=1&x=2, mail sales@example.com via mailto:sales@example.com or call tel:+31 20 123 4567.',
    );
    await openThread(2);
    expect(within(articleOf(bad)!).queryAllByRole('link')).toEqual([]);
    expect(articleOf(bad)!.textContent).toContain('javascript:window.__pwned=1');
    const links = within(articleOf(good)!).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/truck?id=1&x=2',
      'mailto:sales@example.com',
      'tel:+31201234567',
    ]);
    for (const a of links) expect(a).toHaveAttribute('rel', 'noopener noreferrer');
    expect(links[0]).toHaveAttribute('target', '_blank');
    // Every link anywhere in the thread uses an allowed scheme.
    for (const a of document.querySelectorAll('a[href]'))
      expect(a.getAttribute('href')).toMatch(
        /^(https?:|mailto:|tel:|\/|blob:|data:(?!text\/html|image\/svg))/,
      );
    expectNoConsoleErrors();
  });

  it('isolates bidi overrides: the body is dir="auto" so U+202E cannot flip the sender name or time around it', async () => {
    const id = incoming('invoice\u202Efdp.exe and \u2067isolated\u2069 \u200F');
    await openThread(1);
    const body = articleOf(id)!.querySelector<HTMLElement>('[data-slot="message-body"]')!;
    expect(body.textContent).toContain('\u202E');
    // dir="auto" on an element makes it a bidi isolate (HTML: unicode-bidi: isolate).
    expect(body.getAttribute('dir') ?? body.closest('[dir]')?.getAttribute('dir')).toBe('auto');
    expectNoConsoleErrors();
  });

  it('keeps zero-width characters and long emoji runs as text, without links to look-alike hosts', async () => {
    const zw = incoming('pay\u200Bpal\u200C\u200D\uFEFF.com \u2060 ok');
    const emoji = incoming('👨‍👩‍👧‍👦🏳️‍🌈🚚'.repeat(2000));
    await openThread(2);
    expect(articleOf(zw)!.textContent).toContain('pay\u200Bpal\u200C\u200D\uFEFF.com');
    expect(within(articleOf(zw)!).queryByRole('link')).toBeNull();
    expect(articleOf(emoji)!.querySelector('[data-slot="message-body"]')!.textContent.length).toBe(
      '👨‍👩‍👧‍👦🏳️‍🌈🚚'.length * 2000,
    );
    expectNoConsoleErrors();
  });

  it('renders a 100 kB message quickly and the thread stays usable (keyboard moves past it)', async () => {
    const big = 'Lorem ipsum <b>dolor</b> https://example.com/x sit amet. '.repeat(1800).slice(0, 100_000);
    const id = incoming(big);
    const after = incoming('after the big one');
    const started = performance.now();
    const { user } = await openThread(2);
    expect(performance.now() - started).toBeLessThan(5000);
    const body = articleOf(id)!.querySelector('[data-slot="message-body"]')!;
    expect(body.textContent.length).toBe(100_000);
    expect(body.querySelector('b')).toBeNull();
    // Still usable: focus the big article and move on to the next with the keyboard.
    articleOf(id)!.focus();
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(document.activeElement).toBe(articleOf(after)));
    expectNoConsoleErrors();
  });
});

describe('hostile attachments', () => {
  it('shows path-traversal and markup file names as text, and never links to javascript:/html data URLs', async () => {
    const file = (over: Partial<MkAttachment>): MkAttachment => ({
      id: `att_${Math.random().toString(36).slice(2)}`,
      name: 'x.pdf',
      url: '/mock-assets/a/x.pdf',
      thumbnailUrl: null,
      size: 2048,
      mimeType: 'application/pdf',
      ...over,
    });
    const id = incoming('files', {
      type: 'document',
      attachments: [
        file({ name: '../../etc/passwd' }),
        file({ name: '<img src=x onerror="window.__pwned=1">.pdf' }),
        file({ name: 'evil.pdf', url: 'javascript:window.__pwned=1' }),
        file({ name: 'page.html', url: 'data:text/html,<script>window.__pwned=1</script>' }),
        file({
          name: 'pic.svg',
          mimeType: 'image/svg+xml',
          url: 'javascript:window.__pwned=1',
          thumbnailUrl: 'javascript:1',
        }),
      ],
    });
    await openThread(1);
    const article = articleOf(id)!;
    expect(article.textContent).toContain('../../etc/passwd');
    expect(article.textContent).toContain('<img src=x onerror="window.__pwned=1">.pdf');
    expect(article.querySelector('img[src="x"]')).toBeNull();
    for (const a of article.querySelectorAll('a'))
      expect(a.getAttribute('href') ?? '').not.toMatch(/^(javascript|data:text\/html)/i);
    for (const img of article.querySelectorAll('img'))
      expect(img.getAttribute('src') ?? '').not.toMatch(/^javascript/i);
    expect(article.querySelectorAll('a[href]')).toHaveLength(2); // the two real /mock-assets documents
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    expectNoConsoleErrors();
  });
});

describe('bad data from the server', () => {
  it('a listing title with markup shows as text in the thread header', async () => {
    mock.ctx.db.marketplace.listings.get('lst_1001')!.title =
      '<b>Volvo</b><img src=x onerror="window.__pwned=1">';
    await openThread(0);
    const region = screen.getByRole('region', { name: 'ABC Trucks' });
    expect(
      within(region).getByText('<b>Volvo</b><img src=x onerror="window.__pwned=1">'),
    ).toBeInTheDocument();
    expect(region.querySelector('b, img[src="x"]')).toBeNull();
    expectNoConsoleErrors();
  });

  it('malformed JSON is rejected at the adapter with a readable error, and Retry recovers', async () => {
    let broken = true;
    mock.use(
      http.get('*/v1/messages/conversations/:id', () =>
        broken
          ? new HttpResponse('{"success":true,"data":{', {
              status: 200,
              headers: { 'Content-Type': 'application/json' },
            })
          : undefined,
      ),
    );
    const { user, transport } = renderWithInbox(<ConversationThread conversationId={CONV} />, {
      as: 'buyer',
    });
    expect(await screen.findByText(/Messages could not be loaded\./)).toBeInTheDocument();
    await expect(transport.listMessages({ conversationId: CONV })).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringMatching(/could not be read/) as string,
    });
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(SEED_COUNT));
    expectNoConsoleErrors();
  });

  it('a message with a wrong type rejects the page as invalid_response (not a TypeError) and the tree stays alive', async () => {
    incoming(42 as unknown as string);
    const seen: unknown[] = [];
    const { transport } = renderWithInbox(<ConversationThread conversationId={CONV} />, { as: 'buyer' });
    expect(await screen.findByText('Messages could not be loaded.')).toBeInTheDocument();
    await transport.listMessages({ conversationId: CONV }).catch((e: unknown) => seen.push(e));
    expect(seen[0]).toMatchObject({ name: 'TransportError', code: 'invalid_response' });
    expect(String((seen[0] as Error).message)).toMatch(/content/);
    expect(screen.getByRole('feed', { name: 'Messages' })).toBeInTheDocument();
    expectNoConsoleErrors();
  });

  it('a message with an unreadable timestamp does not take down the thread', async () => {
    const bad = incoming('sent at a strange time', { sentAt: 'not a date' });
    mock.ctx.db.marketplace.conversations.get(CONV)!.updatedAt = new Date().toISOString();
    const ok = incoming('a normal message after it');
    renderWithInbox(<ConversationThread conversationId={CONV} />, { as: 'buyer' });
    await waitFor(() => expect(articleOf(ok)).not.toBeNull(), { timeout: 5000 });
    expect(screen.getAllByRole('article').length).toBe(SEED_COUNT + 2);
    expect(articleOf(bad)).not.toBeNull();
  });

  it('one message that cannot be rendered shows a placeholder; the rest of the thread stays', async () => {
    errors.mockImplementation(() => undefined);
    const boom = incoming('BOOM');
    incoming('fine after');
    function Body({ message }: { message: Message }) {
      if (message.text === 'BOOM') throw new Error('renderer exploded');
      return <>{message.text}</>;
    }
    await openThread(2, { provider: { components: { MessageBody: Body } } });
    expect(within(articleOf(boom)!).getByText('This message could not be shown.')).toBeInTheDocument();
    expect(screen.getByText('fine after')).toBeInTheDocument();
    // The boundary reports the caught error to console.error; nothing escapes to window.
    expect(realErrors().some((c) => String(c[0]).includes('a message failed to render'))).toBe(true);
    expect(uncaught).toEqual([]);
  });
});
