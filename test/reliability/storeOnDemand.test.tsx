import { act, waitFor } from '@testing-library/react';
import { SignOutButton, memoryStorage, renderWithInbox, setupMockServer } from '../harness';
import { useMessaging } from '../../src/react/MessagingProvider';
import { storageKey } from '../../src/react/store/storageKey';
import { UnreadBadge } from '../../src/react/components/UnreadBadge';
import { Composer } from '../../src/react/components/Composer';
import { messageField } from '../composerTestUtils';

setupMockServer();

const KEY = storageKey('marketplace:usr_buyer_1');

/** Storage that counts every access, holding a draft from an earlier visit. */
function seededStorage() {
  const storage = memoryStorage();
  storage.setItem(
    KEY,
    JSON.stringify({
      state: { drafts: { conv_1002: 'Left from last visit' }, outbox: [], dismissedSuggestions: [] },
      version: 1,
    }),
  );
  const calls: string[] = [];
  const counted = {
    ...storage,
    getItem: (k: string) => (calls.push(`get ${k}`), storage.getItem(k)),
    setItem: (k: string, v: string) => (calls.push(`set ${k}`), storage.setItem(k, v)),
    removeItem: (k: string) => (calls.push(`remove ${k}`), storage.removeItem(k)),
  };
  return { storage, counted, calls };
}

function StoreCreated() {
  return <output data-testid="store">{useMessaging().storeSlot.peek() ? 'created' : 'none'}</output>;
}

const flushTasks = () => act(() => new Promise((r) => setTimeout(r, 100)));

describe('the UI store comes with the components that use it', () => {
  it('a badge alone reads and writes no storage; a composer mounted later still restores the draft', async () => {
    const { counted, calls } = seededStorage();
    const view = renderWithInbox(
      <>
        <UnreadBadge />
        <StoreCreated />
      </>,
      { storage: counted },
    );
    await flushTasks();
    expect(calls).toEqual([]);
    expect(view.getByTestId('store')).toHaveTextContent('none');

    view.rerenderInbox(
      <>
        <UnreadBadge />
        <Composer conversationId="conv_1002" />
      </>,
    );
    await waitFor(() => expect(messageField()).toHaveValue('Left from last visit'));
    expect(calls).toContain(`get ${KEY}`);
  });

  it('sign-out clears what an earlier visit persisted even when nothing used the store yet', async () => {
    const { storage, counted } = seededStorage();
    const view = renderWithInbox(
      <>
        <UnreadBadge />
        <SignOutButton />
        <StoreCreated />
      </>,
      { storage: counted },
    );
    await view.user.click(view.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(storage.getItem(KEY)).toBeNull());
    // Clearing did not create (and so persist) a store just to empty it.
    expect(view.getByTestId('store')).toHaveTextContent('none');
  });
});
