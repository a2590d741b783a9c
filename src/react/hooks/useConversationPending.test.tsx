import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { memoryStorage, renderWithInbox, setupMockServer } from '../../../test/harness';
import { messageField } from '../../../test/composerTestUtils';
import { Composer } from '../components/Composer';
import { useConversationPending } from './useConversationPending';

const mock = setupMockServer();

function Row({ id }: { id: string }) {
  const { draft, unsent, failed } = useConversationPending(id);
  return (
    <p data-testid={`row-${id}`}>
      {failed ? 'Not sent' : unsent ? 'Sending' : draft ? `Draft: ${draft}` : 'none'}
    </p>
  );
}

describe('useConversationPending', () => {
  it("shows another tab's draft and failed send of the same user, per conversation", async () => {
    mock.use(
      http.post('*/v1/messages/conversations/:id', () =>
        HttpResponse.json({ success: false, error: { code: 'BAD', message: 'Nope' } }, { status: 400 }),
      ),
    );
    const storage = memoryStorage();
    // Tab 1: a list; tab 2: a composer. Same user, same storage, separate providers.
    renderWithInbox(
      <>
        <Row id="conv_1002" />
        <Row id="conv_1003" />
      </>,
      { storage },
    );
    const tab2 = renderWithInbox(<Composer conversationId="conv_1002" />, { storage });
    await tab2.user.type(messageField(), 'half a thought');
    await waitFor(() =>
      expect(screen.getByTestId('row-conv_1002')).toHaveTextContent('Draft: half a thought'),
    );
    expect(screen.getByTestId('row-conv_1003')).toHaveTextContent('none');
    await tab2.user.type(messageField(), '{Enter}');
    await waitFor(() => expect(screen.getByTestId('row-conv_1002')).toHaveTextContent('Not sent'));
    expect(screen.getByTestId('row-conv_1003')).toHaveTextContent('none');
  });
});
