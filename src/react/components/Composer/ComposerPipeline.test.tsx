import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { memoryStorage, persisted, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { useMessages } from '../../hooks/useMessages';
import { useSendMessage } from '../../hooks/useSendMessage';
import { Composer } from './index';
import { expectAnnounced, messageField, mkCount, mkLast } from '../../../../test/composerTestUtils';

const mock = setupMockServer();

/**
 * The thread's own Retry lives in ConversationThread, whose virtualized feed
 * renders no rows in jsdom; this stand-in shows the same merged message list
 * (useMessages) with the same Retry (useSendMessage.retry).
 */
function OutgoingList({ conversationId }: { conversationId: string }) {
  const { messages } = useMessages(conversationId);
  const { retry } = useSendMessage(conversationId);
  return (
    <ul>
      {messages
        .filter((m) => m.status)
        .map((m) => (
          <li key={m.clientId} data-status={m.status}>
            {m.text}{' '}
            {m.status === 'failed' ? <button onClick={() => void retry(m.clientId!)}>Retry</button> : null}
          </li>
        ))}
    </ul>
  );
}

describe('Composer: send pipeline', () => {
  it('keeps a failed send with Retry, and Retry stores it exactly once', async () => {
    mock.use(
      http.post(
        '*/v1/messages/conversations/:id',
        () =>
          HttpResponse.json(
            { success: false, error: { code: 'INTERNAL', message: 'Server exploded' } },
            { status: 500 },
          ),
        { once: true },
      ),
    );
    const before = mkCount(mock, 'conv_1002');
    const { user, storage } = renderWithInbox(
      <>
        <OutgoingList conversationId="conv_1002" />
        <Composer conversationId="conv_1002" />
      </>,
    );
    await user.type(messageField(), 'Will it fail?{Enter}');
    await expectAnnounced('Message not sent', true);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(mkCount(mock, 'conv_1002')).toBe(before);
    // Persisted (after the next paint) so a reload still shows it with Retry.
    await waitFor(() =>
      expect(persisted(storage).outbox).toMatchObject([{ status: 'failed', text: 'Will it fail?' }]),
    );
    await user.click(retry);
    await waitFor(() => expect(mkCount(mock, 'conv_1002')).toBe(before + 1));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull());
    expect(mkLast(mock, 'conv_1002').content).toBe('Will it fail?');
    expect(mkCount(mock, 'conv_1002')).toBe(before + 1);
  });

  it('sends a message left pending by a reload exactly once', async () => {
    // The first send never gets an answer (the page "reloads" meanwhile).
    mock.use(http.post('*/v1/messages/conversations/:id', () => delay('infinite'), { once: true }));
    const storage = memoryStorage();
    const before = mkCount(mock, 'conv_1003');
    const first = renderWithInbox(<Composer conversationId="conv_1003" />, { storage });
    await first.user.type(messageField(), 'Sent after reload{Enter}');
    await waitFor(() =>
      expect(persisted(storage).outbox).toMatchObject([{ status: 'sending', text: 'Sent after reload' }]),
    );
    first.unmount();
    renderWithInbox(<Composer conversationId="conv_1003" />, { storage });
    await waitFor(() => expect(mkCount(mock, 'conv_1003')).toBe(before + 1));
    await waitFor(() => expect(persisted(storage).outbox).toEqual([]));
    await new Promise((r) => setTimeout(r, 50));
    expect(mkCount(mock, 'conv_1003')).toBe(before + 1);
    expect(mkLast(mock, 'conv_1003').content).toBe('Sent after reload');
  });
});

describe('Composer: drafts', () => {
  it('keeps a draft per conversation across switches and reloads, and clears it on send', async () => {
    const storage = memoryStorage();
    const first = renderWithInbox(<Composer conversationId="conv_1002" />, { storage });
    await first.user.type(messageField(), 'Draft for Scania');
    first.rerenderInbox(<Composer conversationId="conv_1003" />);
    expect(messageField()).toHaveValue('');
    await first.user.type(messageField(), 'Draft for Sprinter');
    first.rerenderInbox(<Composer conversationId="conv_1002" />);
    expect(messageField()).toHaveValue('Draft for Scania');
    first.unmount();

    const second = renderWithInbox(<Composer conversationId="conv_1003" />, { storage });
    await waitFor(() => expect(messageField()).toHaveValue('Draft for Sprinter'));
    await second.user.type(messageField(), '{Enter}');
    await waitFor(() => expect(mkLast(mock, 'conv_1003').content).toBe('Draft for Sprinter'));
    expect(messageField()).toHaveValue('');
    // Saved once the frame that shows the send has been painted.
    await waitFor(() => expect(persisted(storage).text).not.toContain('Draft for Sprinter'));
    expect(persisted(storage).drafts).toEqual({ conv_1002: 'Draft for Scania' });
  });

  it('saves a draft typed just before the page goes away, without waiting for the next frame', async () => {
    const storage = memoryStorage();
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />, { storage });
    await user.type(messageField(), 'Almost');
    await waitFor(() => expect(persisted(storage).drafts.conv_1002).toContain('Almost'));
    // One more keystroke, then the tab is closed (or hidden) before the next frame.
    fireEvent.change(messageField(), { target: { value: 'Almost gone' } });
    expect(persisted(storage).drafts.conv_1002).not.toContain('Almost gone');
    window.dispatchEvent(new Event('pagehide'));
    expect(persisted(storage).drafts.conv_1002).toContain('Almost gone');
    fireEvent.change(messageField(), { target: { value: 'Almost gone, hidden' } });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
    expect(persisted(storage).drafts.conv_1002).toContain('Almost gone, hidden');
  });

  it('Esc never clears the draft', async () => {
    const { user } = renderWithInbox(<Composer conversationId="conv_1002" />);
    await user.type(messageField(), 'Keep me{Escape}');
    expect(within(document.body).getByRole('textbox', { name: 'Message' })).toHaveValue('Keep me');
  });
});
