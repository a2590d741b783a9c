// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TransportError } from '../src/core/TransportError';
import { createAcmeTransport } from './customTransport';

/** A fake Acme backend behind a plain `fetch` function. */
function fakeAcme() {
  const stored: Array<{ id: string; from: string; body: string; at: string }> = [
    { id: 'a1', from: 'bob', body: 'Hi!', at: '2026-01-01T10:00:00Z' },
  ];
  let unread = 1;
  let failNextSend = true;
  let sends = 0;
  const json = (data: unknown, status = 200) =>
    new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if ((init?.headers as Record<string, string>).Authorization !== 'Bearer t')
      return json({ message: 'Sign in' }, 401);
    if (url.pathname === '/api/threads')
      return json([{ id: 'th1', contact: 'bob', unread, updatedAt: '2026-01-01T10:00:00Z' }]);
    if (url.pathname === '/api/threads/th1/messages' && init?.method === 'GET')
      return json({ messages: stored, more: false });
    if (url.pathname === '/api/threads/th1/messages') {
      const body = JSON.parse(init?.body as string) as { body: string; clientId: string };
      sends += 1;
      if (failNextSend)
        return (
          (failNextSend = false),
          new Response('{"message":"flaky"}', { status: 503, headers: { 'Retry-After': '0' } })
        );
      const m = { id: `a${stored.length + 1}`, from: 'me', body: body.body, at: '2026-01-01T10:05:00Z' };
      stored.push(m);
      return json(m);
    }
    if (url.pathname === '/api/threads/th1/read') return ((unread = 0), json({ unread: 0 }));
    return json({ message: 'No route' }, 404);
  };
  return { fetch: fetch, sends: () => sends };
}

describe('example custom transport', () => {
  it('implements the contract against a fake backend', async () => {
    const acme = fakeAcme();
    const t = createAcmeTransport({
      baseUrl: 'http://acme.test/api',
      getToken: () => 't',
      userId: 'me',
      retryDelayMs: 1,
      fetch: acme.fetch,
    });
    const page = await t.listConversations();
    expect(page.items).toMatchObject([{ id: 'th1', counterpart: { name: 'bob' }, unreadCount: 1 }]);
    expect((await t.listMessages({ conversationId: 'th1' })).items[0]).toMatchObject({
      text: 'Hi!',
      direction: 'incoming',
    });
    const sent = await t.sendMessage({ conversationId: 'th1', clientId: 'c1', text: 'Hello Bob' }); // retried once after a 503
    expect(sent).toMatchObject({ text: 'Hello Bob', direction: 'outgoing', clientId: 'c1' });
    expect(acme.sends()).toBe(2);
    expect(await t.markRead('th1')).toEqual({ messages: 0, conversations: 0 });
    await expect(t.getConversation('nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.archive('th1')).rejects.toBeInstanceOf(TransportError);
    await expect(t.listTemplates()).rejects.toMatchObject({ code: 'unsupported' });
  });
  it('maps auth failures', async () => {
    const t = createAcmeTransport({
      baseUrl: 'http://acme.test/api',
      getToken: () => 'wrong',
      userId: 'me',
      fetch: fakeAcme().fetch,
    });
    await expect(t.listConversations()).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
