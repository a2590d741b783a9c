import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import type { Participant } from '../../../core/types';
import { Inbox } from '.';
import { mockInboxLayout } from '../../../../test/inboxLayout';

const mock = setupMockServer();
let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = mockInboxLayout();
});
afterAll(() => restoreLayout());

const grid = () => screen.findByRole('grid', { name: 'Conversations' });
const rowOf = (name: RegExp) => screen.getByRole('button', { name }).closest<HTMLElement>('[role="row"]')!;
const polite = () => document.querySelector<HTMLElement>('[data-slot="announcer-polite"]')!;
const openButtons = (g: HTMLElement) =>
  within(g)
    .getAllByRole('button')
    .filter((b) => b.dataset.cell === 'open');

describe('Inbox rows', () => {
  it('shows a marketplace buyer their conversations with names, unread counts, subjects and prices', async () => {
    const { container } = renderWithInbox(<Inbox />, { as: 'buyer' });
    const g = await grid();
    await waitFor(() => expect(g).not.toHaveAttribute('aria-busy'));
    expect(g).toHaveAttribute('aria-rowcount', '6');
    const jan = rowOf(
      /^Jan Bakker, 1 unread, Jan: What is the mileage, and is the service history complete\?, /,
    );
    expect(jan).toHaveAttribute('aria-rowindex', '1');
    expect(within(jan).getByText('2016 Ford Transit 2.2 TDCi')).toBeInTheDocument();
    expect(within(jan).getByText('€9,800')).toBeInTheDocument();
    expect(within(jan).getByText('Available')).toBeInTheDocument();
    // Own last message reads "You: …"; sellers keep their full name as sender.
    expect(
      screen.getByRole('button', { name: /^Dirk Transport, You: What is the mileage/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /^ABC Trucks, 2 unread, ABC Trucks: We accept trade-ins/ }),
    ).toHaveAccessibleDescription('2021 Volvo FH 500, €85,000, Available, Seller, Verified');
    // Row actions the marketplace supports; Mark read only on unread rows.
    expect(within(jan).getByRole('button', { name: 'Mark read' })).toBeInTheDocument();
    expect(within(jan).getByRole('button', { name: 'Archive' })).toBeInTheDocument();
    expect(within(jan).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(within(rowOf(/^Dirk Transport/)).queryByRole('button', { name: 'Mark read' })).toBeNull();
    expect(screen.getByRole('group', { name: 'As' })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows Shopmonkey staff customers with order numbers, deleted placeholders and no unsupported actions', async () => {
    const { container } = renderWithInbox(<Inbox />, { as: 'staff' });
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(5));
    const jamie = rowOf(/^Jamie Rivera, 2 unread, Jamie: Also, can I pick it up after 5pm\?, /);
    expect(within(jamie).getByText('Order #1042')).toBeInTheDocument();
    expect(within(jamie).getByText('Customer')).toBeInTheDocument();
    expect(within(jamie).getByText('2')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByRole('button', { name: /^Daniel Okafor, Message deleted, / })).toBeInTheDocument();
    expect(within(g).queryByRole('button', { name: 'Archive' })).toBeNull();
    expect(within(g).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'As' })).toBeNull();
    expect(
      within(screen.getByRole('group', { name: 'Show' }))
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['all', 'unread', 'read', 'archived']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('leaves rows alone while the list refetches: a host Avatar renders again only where the conversation changed', async () => {
    const renders = new Map<string, number>();
    const components = {
      Avatar: ({ participant }: { participant: Participant }) => {
        renders.set(participant.name, (renders.get(participant.name) ?? 0) + 1);
        return <span className="ik-avatar" aria-hidden="true" />;
      },
    };
    const { queryClient, user } = renderWithInbox(<Inbox />, { as: 'buyer', provider: { components } });
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    await waitFor(() => expect(g).not.toHaveAttribute('aria-busy'));
    const settled = new Map(renders);
    // A refetch (focus, polling, another tab's change) that brings the same conversations back.
    await act(() => queryClient.refetchQueries());
    await waitFor(() => expect(g).not.toHaveAttribute('aria-busy'));
    expect(renders).toEqual(settled);
    // Something that changes one conversation re-renders that row (the count really counts).
    await user.click(within(rowOf(/^Jan Bakker, 1 unread/)).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(renders.get('Jan Bakker')).toBeGreaterThan(settled.get('Jan Bakker')!));
    await waitFor(() => expect(polite()).toHaveTextContent('Marked as read'));
  });
});

describe('Inbox filters and search', () => {
  it('filters unread and archived conversations and announces the count', async () => {
    const { user } = renderWithInbox(<Inbox />, { as: 'buyer' });
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    await user.click(screen.getByRole('radio', { name: 'Unread' }));
    await waitFor(() => expect(openButtons(g)).toHaveLength(3));
    for (const b of openButtons(g)) expect(b).toHaveAccessibleName(/, \d+ unread, /);
    await waitFor(() => expect(polite()).toHaveTextContent('3 conversations'), { timeout: 3000 });
    await user.click(screen.getByRole('radio', { name: 'Archived' }));
    await waitFor(() => expect(openButtons(screen.getByRole('grid'))).toHaveLength(1));
    const daf = rowOf(/^ABC Trucks/);
    expect(within(daf).getByText('2018 DAF XF 480')).toBeInTheDocument();
    expect(within(daf).getByText('Sold')).toBeInTheDocument();
    expect(within(daf).getByRole('button', { name: 'Unarchive' })).toBeInTheDocument();
  });

  it('filters by role for marketplace accounts', async () => {
    const { user } = renderWithInbox(<Inbox />, { as: 'seller' });
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    await user.click(within(screen.getByRole('group', { name: 'As' })).getByRole('radio', { name: 'Buyer' }));
    await waitFor(() => expect(openButtons(g)).toHaveLength(1));
    expect(screen.getByRole('button', { name: /^Dirk Transport, / })).toBeInTheDocument();
  });

  it('searches by subject on the marketplace and by customer on Shopmonkey, with an empty state', async () => {
    const { user, unmount } = renderWithInbox(<Inbox />, { as: 'buyer' });
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    await user.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'Volvo');
    await waitFor(() => expect(openButtons(g)).toHaveLength(1));
    expect(within(g).getByText('2021 Volvo FH 500')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox'), ' nothing here');
    expect(await screen.findByText('No conversations match.')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).toBeNull();
    unmount();

    renderWithInbox(<Inbox />, { as: 'staff' });
    const g2 = await grid();
    await waitFor(() => expect(openButtons(g2)).toHaveLength(5));
    await user.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'Priya');
    await waitFor(() => expect(openButtons(g2)).toHaveLength(1));
    expect(openButtons(g2)[0]).toHaveAccessibleName(/^Priya Shah, /);
  });
});

describe('Inbox row actions', () => {
  it('archives and unarchives a conversation with announcements', async () => {
    const { user } = renderWithInbox(<Inbox />, { as: 'buyer' });
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    await user.click(within(rowOf(/^Dirk Transport/)).getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Dirk Transport/ })).toBeNull());
    await waitFor(() => expect(polite()).toHaveTextContent('Archived'));
    await user.click(screen.getByRole('radio', { name: 'Archived' }));
    await waitFor(() => expect(openButtons(g)).toHaveLength(2));
    await user.click(within(rowOf(/^Dirk Transport/)).getByRole('button', { name: 'Unarchive' }));
    await waitFor(() => expect(openButtons(g)).toHaveLength(1));
    await waitFor(() => expect(polite()).toHaveTextContent('Moved to inbox'));
  });

  it('marks a conversation read: the count leaves the row name and focus stays in the row', async () => {
    const { user } = renderWithInbox(<Inbox />, { as: 'staff' });
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(5));
    const markRead = within(rowOf(/^Chen Wei, 1 unread/)).getByRole('button', { name: 'Mark read' });
    await user.click(markRead);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Chen Wei, Chen: Can you also check/ })).toBeInTheDocument(),
    );
    await waitFor(() => expect(polite()).toHaveTextContent('Marked as read'));
    expect(within(rowOf(/^Chen Wei/)).queryByRole('button', { name: 'Mark read' })).toBeNull();
    expect(rowOf(/^Chen Wei/)).toContainElement(document.activeElement as HTMLElement);
  });

  it('deletes behind a permanent-deletion alertdialog; Cancel and Esc return focus to the row', async () => {
    const { user } = renderWithInbox(<Inbox />, { as: 'buyer' });
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    const dirkDelete = within(rowOf(/^Dirk Transport/)).getByRole('button', { name: 'Delete' });
    await user.click(dirkDelete);
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete this conversation?' });
    expect(dialog).toHaveAccessibleDescription(/Deletion is permanent/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(rowOf(/^Dirk Transport/)).getByRole('button', { name: 'Delete' })).toHaveFocus();

    // Delete key on the row opens it too; Esc closes it. jsdom's <dialog> doesn't
    // turn Esc into `cancel` as browsers do, so the test fires that event.
    await user.keyboard('{Delete}');
    const again = await screen.findByRole('alertdialog');
    fireEvent(again, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(within(rowOf(/^Dirk Transport/)).getByRole('button', { name: 'Delete' })).toHaveFocus();

    await user.keyboard('{Delete}');
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Dirk Transport/ })).toBeNull());
    await waitFor(() => expect(polite()).toHaveTextContent('Deleted'));
    // Focus follows to the next row's conversation button, not its Delete: a second Delete
    // press would otherwise act on a conversation the user never chose.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Van Centrum BV, Van Centrum BV: Hi!/ })).toHaveFocus(),
    );
  });
});

describe('Inbox keyboard and selection', () => {
  it('moves through the grid with arrows, Home/End and Ctrl+Home/End, and opens with Enter', async () => {
    const onOpen = vi.fn();
    const { user } = renderWithInbox(
      <>
        <button type="button">before</button>
        <Inbox onOpen={onOpen} showFilters={false} />
      </>,
      { as: 'buyer' },
    );
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab(); // search
    await user.tab();
    expect(openButtons(g)[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(openButtons(g)[1]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(rowOf(/^ABC Trucks, 2 unread/)).getByRole('button', { name: 'Mark read' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(within(rowOf(/^ABC Trucks, 2 unread/)).getByRole('button', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(
      within(rowOf(/^Van Centrum BV, Van Centrum BV: No known/)).getByRole('button', { name: 'Delete' }),
    ).toHaveFocus();
    await user.keyboard('{Home}');
    expect(openButtons(g)[3]).toHaveFocus();
    await user.keyboard('{Control>}{End}{/Control}');
    expect(openButtons(g)[5]).toHaveFocus();
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(openButtons(g)[0]).toHaveFocus();
    // Roving tabindex: one tab stop in the grid, and Tab leaves it.
    expect(
      within(g)
        .getAllByRole('button')
        .filter((b) => b.tabIndex === 0),
    ).toHaveLength(1);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'conv_1001' }));
    expect(openButtons(g)[1]).toHaveAttribute('aria-current', 'true');
    await waitFor(() => expect(polite()).toHaveTextContent('Opened conversation with ABC Trucks'), {
      timeout: 3000,
    });
    // ↓ in the search field goes to the first row.
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}');
    expect(openButtons(g)[0]).toHaveFocus();
  });

  it('is uncontrolled with defaultValue and controlled with value', async () => {
    const onValueChange = vi.fn();
    const { user, unmount } = renderWithInbox(
      <Inbox defaultValue="conv_1002" onValueChange={onValueChange} />,
      { as: 'buyer' },
    );
    let g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    expect(screen.getByRole('button', { current: true })).toHaveAccessibleName(/^ABC Trucks, 1 unread/);
    await user.click(screen.getByRole('button', { name: /^Jan Bakker/ }));
    expect(onValueChange).toHaveBeenCalledWith('conv_1006');
    expect(screen.getByRole('button', { current: true })).toHaveAccessibleName(/^Jan Bakker/);
    unmount();

    const changes: Array<string | null> = [];
    function Controlled() {
      const [value, setValue] = useState<string | null>('conv_1003');
      return (
        <>
          <Inbox value={value} onValueChange={(id) => changes.push(id)} />
          <button type="button" onClick={() => setValue('conv_1004')}>
            pick Dirk
          </button>
        </>
      );
    }
    renderWithInbox(<Controlled />, { as: 'buyer' });
    g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    expect(screen.getByRole('button', { current: true })).toHaveAccessibleName(
      /^Van Centrum BV, Van Centrum BV: No known/,
    );
    await user.click(screen.getByRole('button', { name: /^Jan Bakker/ }));
    expect(changes).toEqual(['conv_1006']);
    expect(screen.getByRole('button', { current: true })).toHaveAccessibleName(
      /^Van Centrum BV, Van Centrum BV: No known/,
    );
    await user.click(screen.getByRole('button', { name: 'pick Dirk' }));
    expect(screen.getByRole('button', { current: true })).toHaveAccessibleName(/^Dirk Transport/);
  });
});

describe('Inbox loading, error and empty states', () => {
  it('shows skeletons while loading, then an error with Retry that recovers', async () => {
    let fail = true;
    mock.use(
      http.get('*/v1/messages/conversations', () =>
        fail ? HttpResponse.json({ success: false, error: { message: 'boom' } }, { status: 500 }) : undefined,
      ),
    );
    const { user, container } = renderWithInbox(<Inbox />, { as: 'buyer' });
    expect(container.querySelector('[data-slot="inbox-skeleton"]')).toHaveAttribute('aria-hidden', 'true');
    expect(
      await screen.findByText('Conversations could not be loaded.', { selector: 'p' }),
    ).toBeInTheDocument();
    expect(document.querySelector('[data-slot="announcer-assertive"]')).toHaveTextContent(
      'Conversations could not be loaded.',
    );
    expect(screen.queryByRole('grid')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(6));
    expect(screen.queryByText('Conversations could not be loaded.', { selector: 'p' })).toBeNull();
  });

  it('says so when there are no conversations at all', async () => {
    mock.use(
      http.get('*/v3/user/:id/inbox', () =>
        HttpResponse.json({
          success: true,
          data: [],
          meta: { total: 0, hasMore: false, sums: { unreadMessagesCount: 0, unreadThreads: 0 } },
        }),
      ),
    );
    const { container } = renderWithInbox(<Inbox />, { as: 'staff' });
    expect(await screen.findByText('No conversations yet.')).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('focuses the empty text when the last row goes', async () => {
    const { user } = renderWithInbox(<Inbox />, { as: 'buyer' });
    await user.click(await screen.findByRole('radio', { name: 'Archived' }));
    const g = await grid();
    await waitFor(() => expect(openButtons(g)).toHaveLength(1));
    await user.click(within(g).getByRole('button', { name: 'Unarchive' }));
    await waitFor(() => expect(screen.getByText('No conversations match.')).toHaveFocus());
    act(() => undefined);
  });
});
