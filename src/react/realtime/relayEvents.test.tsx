/**
 * What the relay's stream tells the UI beyond messages: `resync` (events were
 * missed: refetch) and `stream.status` (polling slows to a safety net while
 * the stream is live and returns to its rate when it drops). The events come
 * through a real marketplace adapter's `events` source, as `createSseEvents`
 * passes them on.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IDENTITIES, makeTransport, renderWithInbox, setupMockServer } from '../../../test/harness';
import { UnreadBadge } from '../components/UnreadBadge/UnreadBadge';
import { useConversations } from '../hooks/useConversations';
import { useMessages } from '../hooks/useMessages';
import { createMarketplaceTransport } from '../../transports/marketplace';
import type { RealtimeSource } from '../../transports/types';

const mock = setupMockServer();

/** A realtime source the test pushes raw payloads into. */
function pushSource() {
  const listeners = new Set<(payload: unknown) => void>();
  const source: RealtimeSource = (onRaw) => {
    listeners.add(onRaw);
    return () => listeners.delete(onRaw);
  };
  return {
    source,
    push: (payload: unknown) => act(() => Promise.resolve(listeners.forEach((l) => l(payload)))),
  };
}

function InboxAndThread({ conversationId }: { conversationId: string }) {
  const { conversations, isSuccess } = useConversations({ filter: 'all' });
  const thread = useMessages(conversationId);
  return (
    <>
      <UnreadBadge />
      <ul aria-label="Conversations" data-ready={isSuccess && thread.isSuccess}>
        {conversations.map((c) => (
          <li key={c.id}>
            {c.counterpart.name}: {c.lastMessage?.text}
          </li>
        ))}
      </ul>
      <ol aria-label="Thread">
        {thread.messages.map((m) => (
          <li key={m.id}>{m.text}</li>
        ))}
      </ol>
    </>
  );
}

const buyerTransport = (source: RealtimeSource) =>
  createMarketplaceTransport({
    baseUrl: 'http://localhost/v1',
    getToken: () => IDENTITIES.buyer.token,
    retries: 0,
    events: source,
  });

/** Counts the buyer's requests to the reference server. */
function countRequests() {
  let count = 0;
  const listener = ({ request }: { request: Request }) => {
    if (request.headers.get('authorization')?.includes(IDENTITIES.buyer.token)) count++;
  };
  mock.server.events.on('request:start', listener);
  return { get: () => count, stop: () => mock.server.events.removeListener('request:start', listener) };
}

const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

describe('relay stream events in the UI', () => {
  it('a resync refetches the open thread, the inbox and the badge', async () => {
    const { source, push } = pushSource();
    const transport = buyerTransport(source);
    renderWithInbox(<InboxAndThread conversationId="conv_1002" />, { transport });
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(list).toHaveAttribute('data-ready', 'true'));
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`);

    // Changed on the server while the stream missed it: nothing shows.
    await makeTransport('seller').sendMessage({
      conversationId: 'conv_1002',
      clientId: 'resync-1',
      text: 'Missed while offline',
    });
    await wait(200);
    expect(screen.queryByText('Missed while offline')).toBeNull();

    await push({ type: 'resync' });
    const thread = screen.getByRole('list', { name: 'Thread' });
    expect(await within(thread).findByText('Missed while offline')).toBeInTheDocument();
    await waitFor(() => expect(within(list).getAllByText(/Missed while offline/)).toHaveLength(1));
    expect(await screen.findByText(`${before + 1} unread messages`)).toBeInTheDocument();
  });

  it('polls only as a safety net while the stream is live, at the set rate while it is down', async () => {
    const { source, push } = pushSource();
    renderWithInbox(<InboxAndThread conversationId="conv_1002" />, {
      transport: buyerTransport(source),
      provider: { pollIntervalMs: 100 },
    });
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(list).toHaveAttribute('data-ready', 'true'));
    await push({ type: 'stream.status', healthy: true });
    const requests = countRequests();
    try {
      await wait(600);
      expect(requests.get()).toBe(0);

      await push({ type: 'stream.status', healthy: false });
      await wait(600);
      // lists and counts refetch at once, then every 100 ms
      expect(requests.get()).toBeGreaterThanOrEqual(6);

      await push({ type: 'stream.status', healthy: true });
      await wait(250); // a poll already scheduled at the fast rate may still run
      const settled = requests.get();
      await wait(500);
      expect(requests.get()).toBe(settled);
    } finally {
      requests.stop();
    }
  });
});
