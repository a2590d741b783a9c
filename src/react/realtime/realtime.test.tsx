import { QueryClient } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IDENTITIES, makeTransport, renderWithInbox, setupMockServer } from '../../../test/harness';
import type { Message } from '../../core/types';
import { MessagingProvider } from '../MessagingProvider';
import { UnreadBadge } from '../components/UnreadBadge/UnreadBadge';
import { useConversations } from '../hooks/useConversations';
import { useMessages } from '../hooks/useMessages';
import { inboxKeys } from '../queryKeys';
import type { MessagePages } from '../queries';
import { applyRealtimeEvent, BoundedSet } from './applyRealtimeEvent';
import { activeSubscriptionCount } from './subscriptions';

const mock = setupMockServer();

/** Counts requests a given identity's token makes to the reference server. */
function countRequestsOf(token: string) {
  let count = 0;
  const listener = ({ request }: { request: Request }) => {
    if (request.headers.get('authorization')?.includes(token)) count++;
  };
  mock.server.events.on('request:start', listener);
  return {
    get: () => count,
    reset: () => void (count = 0),
    stop: () => mock.server.events.removeListener('request:start', listener),
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
          <li key={c.id} data-id={c.id}>
            {c.counterpart.name} · {c.subject?.title}: {c.lastMessage?.text} ({c.unreadCount} unread)
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

const settle = (ms = 150) => act(() => new Promise((r) => setTimeout(r, ms)));

describe('realtime', () => {
  it('a pushed message updates badge, inbox order and thread without refetching', async () => {
    const seller = makeTransport('seller');
    const { transport } = renderWithInbox(<InboxAndThread conversationId="conv_1002" />, {
      as: 'buyer',
      realtime: true,
    });
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(list).toHaveAttribute('data-ready', 'true'));
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`);
    expect(within(list).getAllByRole('listitem')[0]).not.toHaveAttribute('data-id', 'conv_1002');
    await settle(); // socket open, everything idle

    const requests = countRequestsOf(IDENTITIES.buyer.token);
    await transport.getUnreadSummary(); // the counter sees this client's requests…
    expect(requests.get()).toBeGreaterThan(0);
    requests.reset();
    await seller.sendMessage({
      conversationId: 'conv_1002',
      clientId: 'rt-1',
      text: 'We can do EUR 61,000 for the Scania.',
    });

    const thread = screen.getByRole('list', { name: 'Thread' });
    expect(await within(thread).findByText('We can do EUR 61,000 for the Scania.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('data-id', 'conv_1002'),
    );
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(
      'We can do EUR 61,000 for the Scania. (2 unread)',
    );
    expect(screen.getByText(`${before + 1} unread messages`)).toBeInTheDocument();
    await settle(600); // longer than any coalesced refetch would wait
    expect(requests.get()).toBe(0);
    requests.stop();
    // …and the patched cache agrees with the server.
    expect((await transport.getUnreadSummary()).messages).toBe(before + 1);
  });

  it('shows read receipts on the sender side', async () => {
    const buyer = makeTransport('buyer');
    function SellerThread() {
      const thread = useMessages('conv_1002');
      return (
        <ol aria-label="Thread">
          {thread.messages
            .filter((m) => m.direction === 'outgoing')
            .map((m) => (
              <li key={m.id} data-read={m.read ? 'yes' : 'no'}>
                {m.text}
              </li>
            ))}
        </ol>
      );
    }
    renderWithInbox(<SellerThread />, { as: 'seller', realtime: true });
    const thread = await screen.findByRole('list', { name: 'Thread' });
    await waitFor(() => expect(within(thread).getAllByRole('listitem').length).toBeGreaterThan(0));
    const unreadByBuyer = () =>
      within(thread)
        .getAllByRole('listitem')
        .filter((li) => li.dataset.read === 'no');
    expect(unreadByBuyer().length).toBeGreaterThan(0);
    await settle();
    await buyer.markRead('conv_1002');
    await waitFor(() => expect(unreadByBuyer()).toHaveLength(0));
  });

  it('shares one subscription between providers on the same QueryClient and counts each event once', async () => {
    const transport = makeTransport('buyer', { realtime: true });
    const subscribe = transport.subscribe!.bind(transport);
    let subscriptions = 0;
    transport.subscribe = (listener) => {
      subscriptions++;
      return subscribe(listener);
    };
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: 0, gcTime: Infinity } },
    });
    const who = { id: IDENTITIES.buyer.id, name: IDENTITIES.buyer.name };
    const { unmount } = renderWithInbox(
      <>
        <div data-testid="header">
          <UnreadBadge />
        </div>
        <MessagingProvider
          transport={transport}
          currentUser={who}
          queryClient={queryClient}
          pollIntervalMs={false}
          storage={null}
        >
          <div data-testid="widget">
            <InboxAndThread conversationId="conv_1001" />
          </div>
        </MessagingProvider>
      </>,
      { as: 'buyer', transport, queryClient },
    );
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(list).toHaveAttribute('data-ready', 'true'));
    const before = (await transport.getUnreadSummary()).messages;
    await waitFor(() => expect(screen.getAllByText(`${before} unread messages`)).toHaveLength(2));
    expect(subscriptions).toBe(1);
    expect(activeSubscriptionCount(queryClient)).toBe(1);
    await settle();
    await makeTransport('seller').sendMessage({
      conversationId: 'conv_1001',
      clientId: 'rt-shared',
      text: 'Shared hello',
    });
    await waitFor(() => expect(screen.getAllByText(`${before + 1} unread messages`)).toHaveLength(2));
    await settle();
    expect(screen.getAllByText(`${before + 1} unread messages`)).toHaveLength(2);
    unmount();
    await act(() => Promise.resolve());
    expect(activeSubscriptionCount(queryClient)).toBe(0);
  });

  it('ignores duplicate and out-of-order events', async () => {
    const { queryClient, transport } = renderWithInbox(<InboxAndThread conversationId="conv_1002" />, {
      as: 'buyer',
    });
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(list).toHaveAttribute('data-ready', 'true'));
    const before = (await transport.getUnreadSummary()).messages;
    const scope = `marketplace:${IDENTITIES.buyer.id}`;
    const thread = queryClient.getQueryData<MessagePages>(inboxKeys.messages(scope, 'conv_1002'))!;
    const last = thread.pages[0]!.items.at(-1)!;
    const ctx = { scope, seen: new BoundedSet() };
    const message: Message = {
      ...last,
      id: 'msg_push_1',
      text: 'Pushed twice',
      direction: 'incoming',
      senderId: 'usr_seller_1',
      sentAt: new Date().toISOString(),
      read: false,
    };
    await act(async () => {
      applyRealtimeEvent(queryClient, ctx, {
        type: 'message.received',
        conversationId: 'conv_1002',
        message,
      });
      applyRealtimeEvent(queryClient, ctx, {
        type: 'message.received',
        conversationId: 'conv_1002',
        message,
      });
      // an older message arriving late: into the thread, but it neither reorders nor replaces the preview
      applyRealtimeEvent(queryClient, ctx, {
        type: 'message.received',
        conversationId: 'conv_1002',
        message: { ...message, id: 'msg_late', text: 'Late one', sentAt: '2000-01-01T00:00:00.000Z' },
      });
    });
    const threadList = screen.getByRole('list', { name: 'Thread' });
    expect(await within(threadList).findAllByText('Pushed twice')).toHaveLength(1);
    expect(within(threadList).getAllByRole('listitem')[0]).toHaveTextContent('Late one');
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Pushed twice (3 unread)');
    expect(screen.getByText(`${before + 2} unread messages`)).toBeInTheDocument();

    // Receipts: a newer read time wins; an older one arriving later changes nothing.
    const outgoing = thread.pages[0]!.items.find((m) => m.direction === 'outgoing')!;
    const readAtOf = () =>
      queryClient
        .getQueryData<MessagePages>(inboxKeys.messages(scope, 'conv_1002'))!
        .pages.flatMap((p) => p.items)
        .find((m) => m.id === outgoing.id)!.readAt;
    await act(async () => {
      applyRealtimeEvent(queryClient, ctx, {
        type: 'message.read',
        conversationId: 'conv_1002',
        messageIds: [outgoing.id],
        readAt: '2030-01-02T00:00:00.000Z',
      });
    });
    const first = readAtOf();
    await act(async () => {
      applyRealtimeEvent(queryClient, ctx, {
        type: 'message.read',
        conversationId: 'conv_1002',
        messageIds: [outgoing.id],
        readAt: '2030-01-03T00:00:00.000Z',
      });
    });
    expect(readAtOf()).toBe(first);
  });

  it('without a subscription, refetches counts and lists at once when the page regains focus', async () => {
    // staleTime: Infinity, so any refetch below is ours, not react-query's own focus handling.
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity } },
    });
    renderWithInbox(<InboxAndThread conversationId="conv_1002" />, { as: 'buyer', queryClient });
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(list).toHaveAttribute('data-ready', 'true'));
    await settle();
    const requests = countRequestsOf(IDENTITIES.buyer.token);
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(requests.get()).toBeGreaterThanOrEqual(2));
    await settle(300);
    const afterOne = requests.get();
    expect(afterOne).toBeLessThanOrEqual(4); // focus + visibilitychange together refetch once
    requests.stop();
  });

  it('a new conversation is prepended to the inbox and counted, without refetching', async () => {
    const { transport } = renderWithInbox(<InboxAndThread conversationId="conv_2001" />, {
      as: 'seller',
      realtime: true,
    });
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await waitFor(() => expect(list).toHaveAttribute('data-ready', 'true'));
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`);
    const rows = within(list).getAllByRole('listitem').length;
    await settle();
    const requests = countRequestsOf(IDENTITIES.seller.token);
    await makeTransport('buyer2').startConversation({
      subjectId: 'lst_1002',
      text: 'Is the Scania still for sale?',
      clientId: 'rt-new-conv',
    });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(rows + 1));
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Jan Bakker');
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(
      'Is the Scania still for sale? (1 unread)',
    );
    expect(screen.getByText(`${before + 1} unread messages`)).toBeInTheDocument();
    await settle(600);
    expect(requests.get()).toBe(0);
    requests.stop();
  });
});
