import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderWithInbox, setupMockServer } from '../harness';
import { useSendMessage } from '../../src/react/hooks/useSendMessage';
import { useInboxStore } from '../../src/react/hooks/useInboxStore';

const mock = setupMockServer();

function Sender() {
  const { send } = useSendMessage('conv_1001');
  const outbox = useInboxStore((s) => s.outbox);
  return (
    <div>
      <button type="button" onClick={() => void send({ text: 'Still there?' })}>
        send
      </button>
      <output>{outbox.map((e) => e.status).join(',')}</output>
    </div>
  );
}

describe('a failed message and a host that re-renders', () => {
  it('is not resent just because the provider re-rendered with new (equal) props', async () => {
    let posts = 0;
    mock.use(
      http.post('*/v1/messages/conversations/:id', () => {
        posts += 1;
        return HttpResponse.json(
          { success: false, code: 'internal', message: 'Down for a moment.' },
          { status: 503 },
        );
      }),
    );
    const { user, getByRole, rerenderInbox } = renderWithInbox(<Sender />, { as: 'buyer' });
    await user.click(getByRole('button', { name: 'send' }));
    await waitFor(() => expect(document.querySelector('output')).toHaveTextContent('failed'));
    const afterFailure = posts;
    // The host re-renders several times, passing a fresh currentUser object each time.
    for (let i = 0; i < 3; i++) act(() => rerenderInbox(<Sender />));
    await new Promise((r) => setTimeout(r, 200));
    expect(posts).toBe(afterFailure);
  });
});
