import { act, screen, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { renderWithInbox, setupMockServer } from '../harness';
import { UnreadBadge } from '../../src/react/components/UnreadBadge';
import { useMarkRead } from '../../src/react/hooks/useMarkRead';
import { inboxKeys } from '../../src/react/queryKeys';

const mock = setupMockServer();

function ReadButton({ id }: { id: string }) {
  const markRead = useMarkRead();
  return (
    <button type="button" onClick={() => markRead.mutate({ conversationId: id })}>
      Read {id}
    </button>
  );
}

describe('a badge read that started before a mark-read', () => {
  it('does not put the old count back when it lands after the write', async () => {
    const { user, queryClient, transport } = renderWithInbox(
      <>
        <UnreadBadge kind="messages" />
        <ReadButton id="conv_1001" />
      </>,
      { as: 'buyer' },
    );
    const before = await transport.getUnreadSummary();
    await waitFor(() =>
      expect(document.querySelector('.ik-sr-only')?.textContent ?? '').toContain(`${before.messages} unread`),
    );
    // A poll starts now; the server computes it before the write but it arrives late.
    mock.use(
      http.get(
        '*/v1/messages/unread',
        async () => {
          await delay(300);
          return HttpResponse.json({
            success: true,
            data: { unread_count: before.messages, conversations_with_unread: before.conversations },
          });
        },
        { once: true },
      ),
    );
    act(() => void queryClient.invalidateQueries({ queryKey: inboxKeys.unread('marketplace:usr_buyer_1') }));
    await user.click(screen.getByRole('button', { name: 'Read conv_1001' }));
    const truth = await waitFor(async () => {
      const now = await transport.getUnreadSummary();
      expect(now.messages).toBeLessThan(before.messages);
      return now;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(screen.getByText(`${truth.messages} unread messages`)).toBeInTheDocument();
  });
});
