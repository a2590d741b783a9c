import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { StartConversationForm } from './index';

const mock = setupMockServer();

describe('StartConversationForm', () => {
  it('starts a conversation about a listing with the keyboard', async () => {
    const onStarted = vi.fn();
    const { user, container } = renderWithInbox(
      <StartConversationForm listingId="lst_1010" onStarted={onStarted} />,
    );
    const field = screen.getByRole('textbox', { name: 'Ask about this listing' });
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    expect(await axeViolations(container)).toEqual([]);
    await user.type(field, 'Is the MAN still available?{Enter}');
    await waitFor(() => expect(onStarted).toHaveBeenCalledTimes(1));
    const conversation = onStarted.mock.calls[0]![0] as { id: string };
    expect(mock.ctx.db.marketplace.messages.get(conversation.id)?.at(-1)?.content).toBe(
      'Is the MAN still available?',
    );
    expect(field).toHaveValue('');
  });

  it('shows the server’s reason when the conversation cannot be started', async () => {
    const { user } = renderWithInbox(<StartConversationForm listingId="lst_1006" />);
    await user.type(
      screen.getByRole('textbox', { name: 'Ask about this listing' }),
      'About my own van{Enter}',
    );
    const field = screen.getByRole('textbox', { name: 'Ask about this listing' });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveValue('About my own van');
  });

  it('renders nothing where the backend cannot start conversations (Shopmonkey)', () => {
    const { container } = renderWithInbox(<StartConversationForm listingId="x" />, { as: 'staff' });
    expect(container.querySelector('form')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
