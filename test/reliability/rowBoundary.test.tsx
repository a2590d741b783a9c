import { screen, waitFor, within } from '@testing-library/react';
import { renderWithInbox, setupMockServer } from '../harness';
import { ConversationThread } from '../../src/react/components/ConversationThread';
import { setupThreadLayout } from '../threadLayout';
import type { InboxComponents } from '../../src/react/MessagingProvider';

setupMockServer();
setupThreadLayout();

describe('a host leaf renderer that throws', () => {
  it('falls back to the built-in avatar and the thread keeps working', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const Avatar: InboxComponents['Avatar'] = ({ participant }) => {
      if (participant.id === 'usr_seller_1') throw new Error('bad avatar');
      return <span data-testid="host-avatar" aria-hidden="true" />;
    };
    renderWithInbox(<ConversationThread conversationId="conv_1001" />, {
      as: 'buyer',
      provider: { components: { Avatar } },
    });
    const feed = await screen.findByRole('feed', { name: 'Messages' });
    await waitFor(() => expect(feed.querySelectorAll('article').length).toBeGreaterThan(3));
    // The seller's messages render, with the built-in initials avatar in place of the broken one.
    const fromSeller = [...feed.querySelectorAll<HTMLElement>('article[data-direction="incoming"]')];
    expect(fromSeller.length).toBeGreaterThan(0);
    expect(fromSeller[0]!.querySelector('.ik-avatar[data-slot="avatar"]')).not.toBeNull();
    expect(within(fromSeller[0]!).queryByTestId('host-avatar')).toBeNull();
    // Other participants keep the host's renderer.
    expect(screen.getAllByTestId('host-avatar').length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { level: 2, name: /ABC Trucks/ })).toBeInTheDocument();
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining('a custom component threw'),
      expect.any(Error),
    );
    errors.mockRestore();
  });
});
