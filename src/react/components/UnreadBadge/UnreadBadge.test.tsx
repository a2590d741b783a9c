import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { QueryClient, focusManager, onlineManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, makeTransport, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { useConversations } from '../../hooks/useConversations';
import { useMarkRead } from '../../hooks/useMarkRead';
import { UnreadBadge } from './UnreadBadge';
import { useUnreadCount } from './useUnreadCount';

const mock = setupMockServer();

function politeText(): string {
  return document.querySelector('[data-slot="announcer-polite"]')?.textContent ?? '';
}

function InboxButton() {
  const unread = useUnreadCount('messages');
  return (
    <button type="button">
      <span className="ik-sr-only">{unread.withName('Inbox')}</span>
      <UnreadBadge decorative />
    </button>
  );
}

describe('UnreadBadge', () => {
  it('shows the count with the exact number in words, and no name on the span', async () => {
    const { container, transport } = renderWithInbox(<UnreadBadge />, { as: 'buyer' });
    const server = await transport.getUnreadSummary();
    expect(server.messages).toBeGreaterThan(0);
    const label = await screen.findByText(`${server.messages} unread messages`);
    expect(label).toHaveClass('ik-sr-only');
    const badge = container.querySelector('[data-slot="unread-badge"]')!;
    expect(badge).not.toHaveAttribute('aria-label');
    expect(badge.querySelector('[data-slot="unread-badge-count"]')).toHaveAttribute('aria-hidden', 'true');
    expect(badge.querySelector('[data-slot="unread-badge-count"]')).toHaveTextContent(
      String(server.messages),
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('caps the display at max ("99+") while reading the exact count', async () => {
    mock.use(
      http.get('*/v1/messages/unread', () =>
        HttpResponse.json({ success: true, data: { unread_count: 142, conversations_with_unread: 9 } }),
      ),
    );
    const { container } = renderWithInbox(<UnreadBadge size="lg" variant="subtle" />, { as: 'buyer' });
    expect(await screen.findByText('142 unread messages')).toBeInTheDocument();
    const badge = container.querySelector('[data-slot="unread-badge"]')!;
    expect(badge.querySelector('[data-slot="unread-badge-count"]')).toHaveTextContent('99+');
    expect(badge).toHaveAttribute('data-size', 'lg');
    expect(badge).toHaveAttribute('data-variant', 'subtle');
  });

  it('counts notifications, or messages and notifications together', async () => {
    const { transport } = renderWithInbox(
      <>
        <UnreadBadge kind="notifications" max={2} />
        <UnreadBadge kind="both" />
      </>,
      { as: 'buyer' },
    );
    const s = await transport.getUnreadSummary();
    expect(s.notifications).toBeGreaterThan(2);
    expect(await screen.findByText(`${s.notifications} unread notifications`)).toBeInTheDocument();
    expect(screen.getByText(`${s.messages + s.notifications!} unread items`)).toBeInTheDocument();
    expect(screen.getByText('2+')).toBeInTheDocument();
  });

  it('renders nothing at zero unless showZero', async () => {
    const { container } = renderWithInbox(
      <>
        <UnreadBadge kind="notifications" data-testid="hidden" />
        <UnreadBadge kind="notifications" showZero data-testid="shown" />
      </>,
      { as: 'staff' },
    );
    expect(await screen.findByText('0 unread notifications')).toBeInTheDocument();
    expect(screen.queryByTestId('hidden')).toBeNull();
    expect(screen.getByTestId('shown')).toHaveAttribute('data-state', 'zero');
    expect(container.querySelectorAll('[data-slot="unread-badge"]')).toHaveLength(1);
  });

  it('folds the count into a control name (keyboard path)', async () => {
    const { user, transport } = renderWithInbox(<InboxButton />, { as: 'buyer' });
    const { messages } = await transport.getUnreadSummary();
    const button = await screen.findByRole('button', { name: `Inbox, ${messages} unread` });
    await user.tab();
    expect(button).toHaveFocus();
  });

  it('announces a rise once, politely, after 2 s; drops stay silent', async () => {
    const seller = makeTransport('seller');
    function ReadAll() {
      const markRead = useMarkRead();
      return (
        <button type="button" onClick={() => markRead.mutate({ conversationId: 'conv_1002' })}>
          Read Scania
        </button>
      );
    }
    const { transport, user } = renderWithInbox(
      <>
        <UnreadBadge live />
        <ReadAll />
      </>,
      { as: 'buyer', realtime: true },
    );
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`);
    await act(() => new Promise((r) => setTimeout(r, 100))); // the socket connects
    await seller.sendMessage({
      conversationId: 'conv_1002',
      clientId: 'badge-live-1',
      text: 'Is Thursday fine?',
    });
    await seller.sendMessage({ conversationId: 'conv_1002', clientId: 'badge-live-2', text: 'Or Friday?' });
    await screen.findByText(`${before + 2} unread messages`, undefined, { timeout: 3000 });
    expect(politeText()).not.toContain('unread messages');
    await waitFor(() => expect(politeText()).toContain(`${before + 2} unread messages`), { timeout: 3000 });
    expect(politeText().match(/unread messages/g)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Read Scania' }));
    await screen.findByText(`${before - 1} unread messages`);
    await act(() => new Promise((r) => setTimeout(r, 2200)));
    expect(politeText().match(/unread messages/g)).toHaveLength(1);
  });

  it('drops at once when a conversation is read and then equals the server', async () => {
    mock.ctx.knobs.latencyMs = [250, 250];
    function ReadButton() {
      const list = useConversations({ filter: 'all' });
      const markRead = useMarkRead();
      return (
        <button
          type="button"
          disabled={!list.isSuccess}
          onClick={() => markRead.mutate({ conversationId: 'conv_1002' })}
        >
          Read Scania
        </button>
      );
    }
    const { user, transport, queryClient } = renderWithInbox(
      <>
        <UnreadBadge />
        <ReadButton />
      </>,
      { as: 'buyer' },
    );
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`, undefined, { timeout: 3000 });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Read Scania' })).toBeEnabled(), {
      timeout: 3000,
    });
    await user.click(screen.getByRole('button', { name: 'Read Scania' }));
    // Optimistic: lower before the server has answered (250 ms latency).
    expect(screen.getByText(`${before - 1} unread messages`)).toBeInTheDocument();
    mock.ctx.knobs.latencyMs = [0, 0];
    await waitFor(() => expect(queryClient.isMutating()).toBe(0));
    const after = await transport.getUnreadSummary();
    expect(after.messages).toBe(before - 1);
    await waitFor(() => expect(screen.getByText(`${after.messages} unread messages`)).toBeInTheDocument());
  });
});

describe('UnreadBadge keeps its count fresh on its own', () => {
  const seller = () => makeTransport('seller');
  const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));
  afterEach(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    focusManager.setFocused(undefined);
    onlineManager.setOnline(true);
  });

  /** Counts the badge's reads at the reference server (each is then answered by it). */
  function countReads() {
    const reads = { count: 0 };
    mock.use(
      http.get('*/v1/messages/unread', () => {
        reads.count += 1;
        return undefined;
      }),
    );
    return reads;
  }

  it('refetches a stale count when the window regains focus', async () => {
    const reads = countReads();
    const { transport } = renderWithInbox(<UnreadBadge />, { as: 'buyer' });
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`);
    await seller().sendMessage({
      conversationId: 'conv_1002',
      clientId: 'badge-focus-1',
      text: 'Still there?',
    });
    act(() => focusManager.setFocused(false));
    await wait(50);
    const whileAway = reads.count;
    expect(screen.getByText(`${before} unread messages`)).toBeInTheDocument(); // no polling, no realtime
    act(() => focusManager.setFocused(true));
    expect(await screen.findByText(`${before + 1} unread messages`)).toBeInTheDocument();
    expect(reads.count).toBe(whileAway + 1);
  });

  it('refetches a stale count when the connection comes back', async () => {
    const reads = countReads();
    const { transport } = renderWithInbox(<UnreadBadge />, { as: 'buyer' });
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`);
    await seller().sendMessage({ conversationId: 'conv_1002', clientId: 'badge-online-1', text: 'Hello?' });
    act(() => onlineManager.setOnline(false));
    await wait(50);
    const whileOffline = reads.count;
    expect(screen.getByText(`${before} unread messages`)).toBeInTheDocument();
    act(() => onlineManager.setOnline(true));
    expect(await screen.findByText(`${before + 1} unread messages`)).toBeInTheDocument();
    expect(reads.count).toBe(whileOffline + 1);
  });

  it('keeps showing its count past the cache gc time while nothing else observes it', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 20 } } });
    const { transport } = renderWithInbox(<UnreadBadge />, { as: 'buyer', queryClient });
    const { messages } = await transport.getUnreadSummary();
    await screen.findByText(`${messages} unread messages`);
    await wait(150);
    expect(screen.getByText(`${messages} unread messages`)).toBeInTheDocument();
  });

  it('shows a new count once the host invalidates inbox-kit queries', async () => {
    const { transport, queryClient } = renderWithInbox(<UnreadBadge />, { as: 'buyer' });
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`);
    await seller().sendMessage({
      conversationId: 'conv_1002',
      clientId: 'badge-invalidate-1',
      text: 'Still available?',
    });
    await wait(50);
    expect(screen.getByText(`${before} unread messages`)).toBeInTheDocument(); // no polling, no realtime
    act(() => void queryClient.invalidateQueries({ queryKey: ['inbox-kit'] }));
    expect(await screen.findByText(`${before + 1} unread messages`)).toBeInTheDocument();
  });

  it('polls while the page is visible, pauses while hidden, and keeps the last count through a failed poll', async () => {
    let polls = 0;
    let down = false;
    mock.use(
      http.get('*/v1/messages/unread', () => {
        polls += 1;
        if (down)
          return HttpResponse.json({ success: false, message: 'Down for maintenance' }, { status: 503 });
        return undefined; // counted, then answered by the reference server
      }),
    );
    const { transport } = renderWithInbox(<UnreadBadge />, { as: 'buyer', provider: { pollIntervalMs: 60 } });
    const before = (await transport.getUnreadSummary()).messages;
    await screen.findByText(`${before} unread messages`);
    await seller().sendMessage({ conversationId: 'conv_1002', clientId: 'badge-poll-1', text: 'Any news?' });
    expect(
      await screen.findByText(`${before + 1} unread messages`, undefined, { timeout: 2000 }),
    ).toBeInTheDocument();

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await wait(100); // a poll already in flight may still land
    const whileHidden = polls;
    await wait(300);
    expect(polls).toBe(whileHidden);

    down = true;
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await waitFor(() => expect(polls).toBeGreaterThan(whileHidden + 1));
    await wait(200);
    expect(screen.getByText(`${before + 1} unread messages`)).toBeInTheDocument();
  });
});
