import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithInbox, setupMockServer } from '../../../test/harness';
import { useDocumentTitleBadge } from './useDocumentTitleBadge';
import type { DocumentTitleBadgeOptions } from './useDocumentTitleBadge';
import { inboxKeys } from '../queryKeys';

setupMockServer();

function TitleBadge(props: DocumentTitleBadgeOptions) {
  useDocumentTitleBadge(props);
  return null;
}

describe('useDocumentTitleBadge', () => {
  it('prefixes the title with the unread count, calls onUnreadIncrease when it grows, and restores the title', async () => {
    document.title = 'Messages – Example';
    const onUnreadIncrease = vi.fn();
    const { unmount, queryClient, transport, who } = renderWithInbox(
      <TitleBadge onUnreadIncrease={onUnreadIncrease} />,
    );
    const first = await transport.getUnreadSummary();
    expect(first.messages).toBeGreaterThan(0);
    await waitFor(() => expect(document.title).toBe(`(${first.messages}) Messages – Example`));
    expect(onUnreadIncrease).not.toHaveBeenCalled();

    // A message arrives: realtime patches the unread entry.
    const key = inboxKeys.unread(`${transport.id}:${who.id}`);
    act(() => {
      queryClient.setQueryData(key, { ...first, messages: first.messages + 1 });
    });
    await waitFor(() => expect(document.title).toBe(`(${first.messages + 1}) Messages – Example`));
    expect(onUnreadIncrease).toHaveBeenCalledWith(first.messages + 1, first.messages);

    act(() => {
      queryClient.setQueryData(key, { ...first, messages: 0 });
    });
    await waitFor(() => expect(document.title).toBe('Messages – Example'));
    expect(onUnreadIncrease).toHaveBeenCalledTimes(1);

    act(() => {
      queryClient.setQueryData(key, { ...first, messages: 2 });
    });
    await waitFor(() => expect(document.title).toBe('(2) Messages – Example'));
    unmount();
    expect(document.title).toBe('Messages – Example');
  });
});
