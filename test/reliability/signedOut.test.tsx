import { screen, waitFor } from '@testing-library/react';
import { renderWithInbox, setupMockServer } from '../harness';
import { Inbox } from '../../src/react/components/Inbox';
import { ConversationThread } from '../../src/react/components/ConversationThread';
import { mockInboxLayout } from '../inboxLayout';

setupMockServer();
let restore: () => void;
beforeAll(() => {
  restore = mockInboxLayout();
});
afterAll(() => restore());

describe('a session that cannot be refreshed', () => {
  it('shows a signed-out state without a useless Retry, and tells the host once per request', async () => {
    const onUnauthorized = vi.fn();
    const getToken = vi.fn(() => 'revoked-token');
    renderWithInbox(<Inbox />, { as: 'buyer', getToken, onUnauthorized });
    expect(
      await screen.findByText('You are signed out. Sign in again to continue.', {
        selector: '[data-slot="inbox-error"] p',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    // 401 → one fresh getToken() and one retry → still 401 → onUnauthorized.
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]![0]).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('says so in the thread too', async () => {
    renderWithInbox(<ConversationThread conversationId="conv_1001" />, {
      as: 'buyer',
      getToken: () => 'revoked-token',
    });
    await waitFor(() =>
      expect(screen.getByText('You are signed out. Sign in again to continue.')).toBeInTheDocument(),
    );
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('still offers Retry for errors that Retry can fix', async () => {
    renderWithInbox(<Inbox />, { as: 'buyer', getToken: () => 'mk_buyer_1' });
    await screen.findByRole('grid', { name: 'Conversations' });
    expect(screen.queryByText(/signed out/)).toBeNull();
  });
});
