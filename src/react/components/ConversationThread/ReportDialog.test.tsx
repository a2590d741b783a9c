import { screen, waitFor, within } from '@testing-library/react';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { ConversationThread } from './ConversationThread';
import { setupThreadLayout } from '../../../../test/threadLayout';

setupMockServer();
setupThreadLayout();

function articleWith(text: string): HTMLElement {
  const hit = screen.getAllByRole('article').find((a) => a.textContent?.includes(text));
  if (!hit) throw new Error(`no article with ${text}`);
  return hit;
}
function polite(): string {
  return document.querySelector('[data-slot="announcer-polite"]')?.textContent ?? '';
}

describe('Reporting a message', () => {
  it('requires a reason, requires details for "Other", reports, and announces it', async () => {
    const { user, container, transport } = renderWithInbox(
      <ConversationThread conversationId="conv_1001" />,
      { as: 'buyer' },
    );
    const article = await waitFor(() =>
      articleWith('The mileage is as listed; full dealer service history.'),
    );
    const menuButton = within(article).getByRole('button', { name: 'More actions' });
    expect(menuButton).toHaveAttribute('aria-haspopup', 'menu');
    await user.click(menuButton);
    expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(article).getByRole('menuitem', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report message' });
    // Initial focus on the radio group.
    expect(within(dialog).getByRole('radio', { name: 'Spam' })).toHaveFocus();
    expect(within(dialog).getByRole('group', { name: 'Reason' })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(within(dialog).getByText('Choose a reason.')).toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: 'Reason' })).toHaveAccessibleDescription(
      'Choose a reason.',
    );

    await user.click(within(dialog).getByRole('radio', { name: 'Other' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    const details = within(dialog).getByRole('textbox', { name: 'Details' });
    expect(details).toHaveAccessibleDescription('Please describe the problem.');
    expect(details).toHaveFocus();
    await user.type(details, 'Asked me to pay outside the platform.');
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(menuButton).toHaveFocus();
    await waitFor(() => expect(polite()).toContain('Message reported'));
    expect(
      within(articleWith('The mileage is as listed; full dealer service history.')).getByText('Reported'),
    ).toBeInTheDocument();
    // The server has it: reporting again is refused.
    await expect(transport.reportMessage('msg_1001_004', 'spam')).rejects.toMatchObject({ code: 'conflict' });
  });

  it("shows the server's message when the message was already reported, and Cancel closes", async () => {
    const { user } = renderWithInbox(<ConversationThread conversationId="conv_1004" />, { as: 'buyer' });
    const article = await waitFor(() => articleWith('Pay upfront by gift card'));
    expect(within(article).getByText('Reported')).toBeInTheDocument();
    await user.click(within(article).getByRole('button', { name: 'More actions' }));
    await user.click(within(article).getByRole('menuitem', { name: 'Report' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report message' });
    await user.click(within(dialog).getByRole('radio', { name: 'Fraud' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    const error = await within(dialog).findByText('You already reported this message.');
    expect(error).toHaveAttribute('role', 'alert');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(article).getByRole('button', { name: 'More actions' })).toHaveFocus();
  });

  it('offers no report action where the backend has none (Shopmonkey)', async () => {
    const staff = renderWithInbox(<></>, { as: 'staff' });
    const list = await staff.transport.listConversations();
    const jamie = list.items.find((c) => c.counterpart.name === 'Jamie Rivera')!;
    staff.unmount();
    const { user } = renderWithInbox(<ConversationThread conversationId={jamie.id} />, { as: 'staff' });
    const article = await waitFor(() => articleWith('Also, can I pick it up after 5pm?'));
    await user.click(within(article).getByRole('button', { name: 'More actions' }));
    expect(within(article).getByRole('menuitem', { name: 'Copy text' })).toBeInTheDocument();
    expect(within(article).queryByRole('menuitem', { name: 'Report' })).not.toBeInTheDocument();
  });
});
