import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderWithInbox, setupMockServer } from '../../../../test/harness';
import { Composer } from '../Composer';
import { Inbox } from '.';
import { mockInboxLayout } from '../../../../test/inboxLayout';

const mock = setupMockServer();
let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = mockInboxLayout();
});
afterAll(() => restoreLayout());

const CONV = 'conv_1002';
const row = () => document.querySelector<HTMLElement>(`[role="row"][data-row-id="${CONV}"]`)!;

describe('Inbox rows: drafts and messages that did not go out', () => {
  it('shows "Draft: …" while a draft is unsent, and "Not sent: …" after a send failed', async () => {
    const { user } = renderWithInbox(
      <>
        <Inbox />
        <Composer conversationId={CONV} />
      </>,
    );
    await waitFor(() => expect(row()).not.toBeNull());
    const before = row().querySelector('.ik-inbox-item__preview')?.textContent;
    expect(before).not.toMatch(/^Draft/);

    const field = screen.getByRole('textbox', { name: 'Message' });
    await user.type(field, 'Would you take   8,000?');
    await waitFor(() =>
      expect(within(row()).getByText('Draft: Would you take 8,000?')).toHaveAttribute(
        'data-preview',
        'draft',
      ),
    );
    // The row's accessible name says it too.
    expect(within(row()).getByRole('button', { name: /Draft: Would you take 8,000\?/ })).toBeInTheDocument();

    mock.use(
      http.post('*/v1/messages/conversations/:id', () =>
        HttpResponse.json({ success: false, message: 'Boom' }, { status: 500 }),
      ),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(within(row()).getByText('Not sent: Would you take 8,000?')).toHaveAttribute(
        'data-preview',
        'not-sent',
      ),
    );
  });
});
