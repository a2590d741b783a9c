import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { vi } from 'vitest';
import type { Message } from '../../../core/types';
import { axeViolations, makeTransport, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { useSendMessage } from '../../hooks/useSendMessage';
import { inboxKeys } from '../../queryKeys';
import { ConversationThread } from './ConversationThread';
import { setupThreadLayout } from '../../../../test/threadLayout';

const mock = setupMockServer();
const layout = setupThreadLayout();

const CONV = 'conv_1001';

function articles() {
  return screen.getAllByRole('article');
}
function articleWith(text: string | RegExp): HTMLElement {
  const hit = articles().find((a) =>
    typeof text === 'string' ? a.textContent?.includes(text) : text.test(a.textContent ?? ''),
  );
  if (!hit) throw new Error(`no article with ${String(text)}`);
  return hit;
}
function polite(): string {
  return document.querySelector('[data-slot="announcer-polite"]')?.textContent ?? '';
}
async function openThread(
  ui = <ConversationThread conversationId={CONV} />,
  options: Parameters<typeof renderWithInbox>[1] = {},
) {
  const r = renderWithInbox(ui, { as: 'buyer', ...options });
  await waitFor(() => expect(articles().length).toBe(30));
  return r;
}

/** A stand-in composer: sends through the same hook the Composer uses. */
function SendButton({ text }: { text: string }) {
  const { send } = useSendMessage(CONV);
  return (
    <button type="button" onClick={() => void send({ text })}>
      test send
    </button>
  );
}

describe('ConversationThread (marketplace)', () => {
  it('shows the header, a feed of articles with day headings, sender groups, the new-messages marker and a read receipt', async () => {
    await openThread();
    const section = screen.getByRole('region', { name: 'ABC Trucks' });
    expect(within(section).getByRole('heading', { level: 2, name: 'ABC Trucks' })).toBeInTheDocument();
    expect(within(section).getByText('2021 Volvo FH 500')).toBeInTheDocument();
    expect(within(section).getByText('Verified')).toBeInTheDocument();
    const feed = screen.getByRole('feed', { name: 'Messages' });
    expect(feed).toHaveAttribute('aria-busy', 'false');
    const all = within(feed).getAllByRole('article');
    // History fully loaded: positions 1…30 of 30.
    expect(all[0]).toHaveAttribute('aria-posinset', '1');
    expect(all.at(-1)).toHaveAttribute('aria-setsize', '30');
    expect(all[0]).toHaveAttribute('tabindex', '-1');
    // Day headings are h3s inside the article that starts the day.
    const days = within(feed)
      .getAllByRole('heading', { level: 3 })
      .filter((h) => h.getAttribute('data-slot') === 'day-separator');
    expect(days.length).toBeGreaterThanOrEqual(3);
    // The newest message is from the last hours: "Today" (or "Yesterday" just after midnight).
    expect(days.at(-1)!.textContent).toMatch(/^(Today|Yesterday)$/);
    expect(new Set(days.map((d) => d.textContent)).size).toBe(days.length);
    // The first unread incoming message carries "New messages"; it is from ABC Trucks.
    const marker = within(feed).getByRole('heading', { level: 3, name: 'New messages' });
    const markedArticle = marker.closest('article')!;
    expect(markedArticle).toHaveAccessibleName(/^ABC Trucks/);
    expect(markedArticle).toHaveAttribute('data-state', 'unread');
    // Article name = sender + time; description = body.
    expect(all[1]).toHaveAccessibleName(/^ABC Trucks \d{1,2}:\d{2} [AP]M$/);
    expect(all[1]).toHaveAccessibleDescription('Hi! Yes, it is still available.');
    // Read receipt as text on the newest read outgoing message only.
    const receipts = screen.getAllByText(/^Read by ABC Trucks \d{1,2}:\d{2} [AP]M$/);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.closest('article')).toHaveAttribute('data-direction', 'outgoing');
  });

  it('collapses consecutive messages from one sender', async () => {
    const r = await openThread(
      <>
        <ConversationThread conversationId={CONV} />
        <SendButton text="First of two" />
      </>,
    );
    await r.user.click(screen.getByRole('button', { name: 'test send' }));
    await waitFor(() => expect(articleWith('First of two')).toHaveAttribute('data-status', 'sent'));
    // Second own message right after: same group, name only for screen readers.
    await r.user.click(screen.getByRole('button', { name: 'test send' }));
    await waitFor(() => expect(screen.getAllByText('First of two')).toHaveLength(2));
    const [first, second] = screen.getAllByText('First of two').map((n) => n.closest('article')!);
    expect(first).toHaveAttribute('data-group', 'start');
    expect(second).toHaveAttribute('data-group', 'continue');
    expect(second!.querySelector('.ik-message__sender')).toHaveClass('ik-sr-only');
    expect(second).toHaveAccessibleName(/^You /);
  });

  it('opens images in a modal viewer (←/→, Esc returns focus) and offers documents as downloads', async () => {
    const { user } = await openThread();
    const thumb = screen.getByRole('button', { name: 'Open image cab-1.svg, 1 of 2' });
    expect(screen.getByRole('button', { name: 'Open image cab-2.svg, 2 of 2' })).toBeInTheDocument();
    await user.click(thumb);
    const dialog = await screen.findByRole('dialog', { name: 'cab-1.svg' });
    expect(within(dialog).getByRole('img', { name: 'cab-1.svg' })).toBeInTheDocument();
    expect(within(dialog).getByText('1 of 2')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'cab-2.svg' })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'cab-1.svg' })).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('dialog', { name: 'cab-2.svg' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(thumb).toHaveFocus();

    const doc = screen.getByRole('link', { name: 'service-records.pdf, PDF, 47 KB' });
    expect(doc).toHaveAttribute('download', 'service-records.pdf');
    expect(doc.getAttribute('href')).toMatch(/^data:application\/pdf/);
  });

  it('shows hostile text as text and links only http(s)/mailto/tel', async () => {
    const seller = makeTransport('seller');
    await seller.sendMessage({
      conversationId: CONV,
      clientId: 'hostile-1',
      text: '<img src=x onerror=alert(1)> javascript:alert(1) mail me: mailto:a@example.com or see https://example.com/a.',
    });
    const { container } = renderWithInbox(<ConversationThread conversationId={CONV} />, { as: 'buyer' });
    const article = await waitFor(() => articleWith('<img src=x onerror=alert(1)>'));
    expect(container.querySelector('img[src="x"]')).toBeNull();
    const links = within(article).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      'mailto:a@example.com',
      'https://example.com/a',
    ]);
    expect(links[1]).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(article).queryByRole('link', { name: /javascript/ })).toBeNull();
  });

  it('keyboard: PgUp/PgDn move between articles, Ctrl+Home to the header, Ctrl+End to the composer, Shift+F10 opens the menu', async () => {
    const { user } = await openThread(
      <div data-slot="inbox-layout">
        <ConversationThread conversationId={CONV} />
        <textarea data-slot="composer-input" aria-label="Message" />
      </div>,
    );
    const all = articles();
    act(() => all.at(-1)!.focus());
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(all.at(-2)).toHaveFocus());
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(all.at(-3)).toHaveFocus());
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(all.at(-2)).toHaveFocus());
    // On an incoming message, Shift+F10 opens "More actions" on its first item.
    const incoming = all.at(-1)!;
    expect(incoming).toHaveAttribute('data-direction', 'incoming');
    act(() => incoming.focus());
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const item = await within(incoming).findByRole('menuitem', { name: 'Copy text' });
    await waitFor(() => expect(item).toHaveFocus());
    await user.keyboard('{End}');
    expect(within(incoming).getByRole('menuitem', { name: 'Report' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(within(incoming).queryByRole('menu')).not.toBeInTheDocument();
    expect(within(incoming).getByRole('button', { name: 'More actions' })).toHaveFocus();
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(screen.getByRole('heading', { level: 2, name: 'ABC Trucks' })).toHaveFocus();
    act(() => incoming.focus());
    await user.keyboard('{Control>}{End}{/Control}');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  });

  it('marks messages read once they are visible and the page is visible', async () => {
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const { transport } = await openThread();
    expect((await transport.getConversation(CONV)).unreadCount).toBe(2);
    await new Promise((r) => setTimeout(r, 500));
    // Seen while the tab was hidden: nothing is marked yet.
    expect((await transport.getConversation(CONV)).unreadCount).toBe(2);
    visibility.mockReturnValue('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(async () => expect((await transport.getConversation(CONV)).unreadCount).toBe(0));
    await waitFor(() => expect(articleWith('New messages')).toHaveAttribute('data-state', 'read'));
    // The marker stays where the reader's new messages started.
    expect(screen.getByRole('heading', { level: 3, name: 'New messages' })).toBeInTheDocument();
    visibility.mockRestore();
  });

  it('does not mark anything read when the messages are not in view', async () => {
    layout.setVisible(false);
    const { transport } = await openThread();
    await new Promise((r) => setTimeout(r, 500));
    expect((await transport.getConversation(CONV)).unreadCount).toBe(2);
    layout.setVisible(true);
  });

  it('announces messages from others politely, batched; own sends and the first load stay silent', async () => {
    const r = await openThread(
      <>
        <ConversationThread conversationId={CONV} />
        <SendButton text="My own message" />
      </>,
    );
    await new Promise((res) => setTimeout(res, 1100));
    expect(polite()).toBe('');
    await r.user.click(screen.getByRole('button', { name: 'test send' }));
    await waitFor(() => expect(articleWith('My own message')).toHaveAttribute('data-status', 'sent'));
    const seller = makeTransport('seller');
    await seller.sendMessage({ conversationId: CONV, clientId: 'in-1', text: 'A reply from the seller' });
    await act(() =>
      r.queryClient.invalidateQueries({
        queryKey: inboxKeys.messages(`${r.transport.id}:usr_buyer_1`, CONV),
      }),
    );
    await screen.findByText('A reply from the seller');
    await waitFor(() => expect(polite()).toContain('New message from ABC Trucks'), { timeout: 2000 });
    expect(polite()).not.toContain('My own message');
    await seller.sendMessage({ conversationId: CONV, clientId: 'in-2', text: 'Two' });
    await seller.sendMessage({ conversationId: CONV, clientId: 'in-3', text: 'Three' });
    await act(() =>
      r.queryClient.invalidateQueries({
        queryKey: inboxKeys.messages(`${r.transport.id}:usr_buyer_1`, CONV),
      }),
    );
    await waitFor(() => expect(polite()).toContain('2 new messages'), { timeout: 2000 });
  });

  it('announces sender and text when asked to', async () => {
    const r = await openThread(
      <ConversationThread conversationId={CONV} announceIncoming="sender-and-text" />,
    );
    await makeTransport('seller').sendMessage({
      conversationId: CONV,
      clientId: 'in-4',
      text: 'Price is firm',
    });
    await act(() =>
      r.queryClient.invalidateQueries({
        queryKey: inboxKeys.messages(`${r.transport.id}:usr_buyer_1`, CONV),
      }),
    );
    await waitFor(() => expect(polite()).toContain('New message from ABC Trucks: Price is firm'), {
      timeout: 2000,
    });
  });

  it('shows a failed send with its error, Retry and Discard; Retry sends it once', async () => {
    mock.use(
      http.post(
        '*/v1/messages/conversations/:id',
        () =>
          HttpResponse.json({ error: { code: 'internal', message: 'Upstream exploded' } }, { status: 500 }),
        { once: true },
      ),
    );
    const r = await openThread(
      <>
        <ConversationThread conversationId={CONV} />
        <SendButton text="Please hold it for me" />
      </>,
    );
    await r.user.click(screen.getByRole('button', { name: 'test send' }));
    const failed = await waitFor(() => {
      const a = articleWith('Please hold it for me');
      expect(a).toHaveAttribute('data-status', 'failed');
      return a;
    });
    expect(within(failed).getByText('Not sent')).toBeInTheDocument();
    expect(document.querySelector('[data-slot="announcer-assertive"]')).toHaveTextContent('Message not sent');
    expect(within(failed).getByRole('button', { name: 'Discard' })).toBeInTheDocument();
    await r.user.click(within(failed).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(articleWith('Please hold it for me')).toHaveAttribute('data-status', 'sent'));
    expect(screen.getAllByText('Please hold it for me')).toHaveLength(1);
    const page = await r.transport.listMessages({ conversationId: CONV });
    expect(page.items.filter((m: Message) => m.text === 'Please hold it for me')).toHaveLength(1);
  });

  it('discards a failed message', async () => {
    mock.use(
      http.post(
        '*/v1/messages/conversations/:id',
        () => HttpResponse.json({ error: { code: 'internal', message: 'Nope' } }, { status: 500 }),
        { once: true },
      ),
    );
    const r = await openThread(
      <>
        <ConversationThread conversationId={CONV} />
        <SendButton text="Never mind" />
      </>,
    );
    await r.user.click(screen.getByRole('button', { name: 'test send' }));
    const failed = await waitFor(() => {
      const a = articleWith('Never mind');
      expect(a).toHaveAttribute('data-status', 'failed');
      return a;
    });
    await r.user.click(within(failed).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByText('Never mind')).not.toBeInTheDocument());
  });

  it('keeps the thread up when one message fails to render', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    function Body({ message }: { message: Message }) {
      if (message.id === 'msg_1001_003') throw new Error('boom');
      return <>{message.text}</>;
    }
    await openThread(<ConversationThread conversationId={CONV} />, {
      provider: { components: { MessageBody: Body } },
    });
    expect(screen.getAllByText('This message could not be shown.')).toHaveLength(1);
    expect(screen.getAllByText('Hi! Yes, it is still available.').length).toBeGreaterThan(0);
    expect(articles()).toHaveLength(30);
    error.mockRestore();
  });

  it('shows "Jump to latest" with a count when messages arrive while reading older ones; it focuses the newest', async () => {
    const r = await openThread();
    expect(screen.queryByRole('button', { name: /Jump to latest/ })).not.toBeInTheDocument();
    // Scrolled up: jsdom's scrollTop is 0 against the stubbed 20000 px scrollHeight.
    const scroller = document.querySelector('[data-slot="thread-scroller"]')!;
    fireEvent.scroll(scroller);
    const jump = await screen.findByRole('button', { name: 'Jump to latest' });
    expect(screen.getByRole('feed').contains(jump)).toBe(false);
    await makeTransport('seller').sendMessage({
      conversationId: CONV,
      clientId: 'in-jump',
      text: 'Are you still there?',
    });
    await act(() =>
      r.queryClient.invalidateQueries({
        queryKey: inboxKeys.messages(`${r.transport.id}:usr_buyer_1`, CONV),
      }),
    );
    await waitFor(() => expect(jump).toHaveAccessibleName('Jump to latest, 1 new'));
    // Focus did not move on arrival.
    expect(document.body).toHaveFocus();
    await r.user.click(jump);
    await waitFor(() => expect(articleWith('Are you still there?')).toHaveFocus());
  });

  it('has no axe violations', async () => {
    const { container } = await openThread(<ConversationThread conversationId={CONV} onBack={() => {}} />);
    expect(screen.getAllByRole('button')[0]).toHaveAccessibleName('Back to conversations');
    expect(await axeViolations(container)).toEqual([]);
  });
});
