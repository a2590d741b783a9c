import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import { UnreadBadge } from '../UnreadBadge/UnreadBadge';
import { NotificationBell } from './NotificationBell';
import { inboxKeys } from '../../queryKeys';
import { NotificationList } from './NotificationList';

const mock = setupMockServer();

const polite = () => document.querySelector('[data-slot="announcer-polite"]')?.textContent ?? '';
const assertive = () => document.querySelector('[data-slot="announcer-assertive"]')?.textContent ?? '';
const list = () => screen.findByRole('list');
const itemNamed = (name: RegExp) => screen.getByRole('button', { name }).closest('li')!;

/** Adds `n` older read notifications for the buyer, so the list has more than one page. */
function addOlderNotifications(n: number) {
  const db = mock.ctx.db.marketplace;
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.now() - (300 + i) * 3_600_000).toISOString();
    db.notifications.push({
      id: `ntf_old_${i}`,
      userId: 'usr_buyer_1',
      type: 'NEW_REVIEW',
      title: `Old review ${i + 1}`,
      createdAt: at,
      readAt: at,
    });
  }
}

describe('NotificationList (marketplace)', () => {
  it('lists notifications with unread state in the name, body as description, and passes axe', async () => {
    const { container } = renderWithInbox(<NotificationList />, { as: 'buyer' });
    expect(screen.getByRole('heading', { level: 2, name: 'Notifications' })).toBeInTheDocument();
    const items = within(await list()).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    const open = screen.getByRole('button', { name: /^Unread\. New message from ABC Trucks, .+ ago$/ });
    expect(open).toHaveAccessibleDescription('About 2021 Volvo FH 500');
    expect(screen.getByRole('button', { name: /^New review, .+ ago$/ })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Mark as read' })).toHaveLength(3);
    const first = items[0]!;
    expect(first).toHaveAttribute('data-state', 'unread');
    expect(first).toHaveAttribute('data-type', 'NEW_MESSAGE');
    expect(first.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('opening an item marks it read and calls onOpen; the badge follows the server', async () => {
    const onOpen = vi.fn();
    const { user, transport } = renderWithInbox(
      <>
        <UnreadBadge kind="notifications" />
        <NotificationList onOpen={onOpen} />
      </>,
      { as: 'buyer' },
    );
    await list();
    expect(await screen.findByText('3 unread notifications')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Unread\. Price drop on a favourite/ }));
    expect(onOpen).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Price drop on a favourite' }),
      expect.anything(),
    );
    expect(screen.getByRole('button', { name: /^Price drop on a favourite, / })).toBeInTheDocument();
    expect(screen.getByText('2 unread notifications')).toBeInTheDocument();
    await waitFor(async () => expect((await transport.getUnreadSummary()).notifications).toBe(2));
  });

  it('"Mark as read" keeps focus on its toggle and announces it (keyboard path)', async () => {
    const { user } = renderWithInbox(<NotificationList />, { as: 'buyer' });
    await list();
    await user.tab(); // Unread only
    await user.tab(); // Mark all as read
    await user.tab(); // first item
    expect(screen.getByRole('button', { name: /^Unread\. New message from ABC Trucks/ })).toHaveFocus();
    await user.tab();
    const toggle = within(itemNamed(/^Unread\. New message from ABC Trucks/)).getByRole('button', {
      name: 'Mark as read',
    });
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    const done = within(itemNamed(/^New message from ABC Trucks/)).getByRole('button', { name: 'Read' });
    expect(done).toHaveFocus();
    expect(done).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() => expect(polite()).toContain('Marked as read'));
  });

  it('unread filter: a read item leaves and focus passes to the next, then to the empty state', async () => {
    const { user } = renderWithInbox(<NotificationList />, { as: 'buyer' });
    await list();
    await user.click(screen.getByRole('checkbox', { name: 'Unread only' }));
    await waitFor(() => expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(3));
    const marks = () => screen.getAllByRole('button', { name: 'Mark as read' });
    await user.click(marks()[0]!);
    await waitFor(() => expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(2));
    expect(marks()[0]).toHaveFocus();
    expect(within(itemNamed(/Price drop/)).getByRole('button', { name: 'Mark as read' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('No notifications.')).toHaveFocus();
  });

  it('"Mark all as read" updates list and badge at once and announces', async () => {
    const { user, transport } = renderWithInbox(
      <>
        <UnreadBadge kind="notifications" />
        <NotificationList />
      </>,
      { as: 'buyer' },
    );
    await list();
    await screen.findByText('3 unread notifications');
    const button = screen.getByRole('button', { name: 'Mark all as read' });
    await user.click(button);
    expect(screen.queryAllByRole('button', { name: /^Unread\./ })).toHaveLength(0);
    expect(screen.queryByText(/unread notifications/)).toBeNull();
    expect(button).toHaveFocus();
    await waitFor(() => expect(polite()).toContain('All marked as read'));
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect((await transport.getUnreadSummary()).notifications).toBe(0);
  });

  it('rolls "Mark all as read" back on a server error', async () => {
    mock.use(
      http.patch('*/api/notifications/read-all', () =>
        HttpResponse.json({ success: false, error: { message: 'Database unavailable' } }, { status: 500 }),
      ),
    );
    const { user } = renderWithInbox(
      <>
        <UnreadBadge kind="notifications" />
        <NotificationList />
      </>,
      { as: 'buyer' },
    );
    await list();
    await screen.findByText('3 unread notifications');
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(assertive()).toMatch(/^Could not save: /));
    expect(screen.getAllByRole('button', { name: /^Unread\./ })).toHaveLength(3);
    expect(screen.getByText('3 unread notifications')).toBeInTheDocument();
  });

  it('shows an error with Retry, and an empty state', async () => {
    let fail = true;
    mock.use(
      http.get('*/api/notifications', () =>
        fail
          ? HttpResponse.json({ success: false, error: { message: 'Down' } }, { status: 500 })
          : HttpResponse.json({
              success: true,
              data: [],
              pagination: { page: 1, limit: 20, total: 0, totalPages: 1 },
            }),
      ),
    );
    const { user } = renderWithInbox(<NotificationList />, { as: 'buyer' });
    expect(await screen.findByText('Notifications could not be loaded.')).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No notifications.')).toBeInTheDocument();
  });

  it('"Load more" appends the next page; focus goes to the first new item when it is the last', async () => {
    addOlderNotifications(20);
    const { user } = renderWithInbox(<NotificationList />, { as: 'buyer' });
    await waitFor(async () => expect(within(await list()).getAllByRole('listitem')).toHaveLength(20));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(26));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Old review 15, / })).toHaveFocus();
  });

  it('announces a new notification (throttled) and inserts it at the top without moving focus', async () => {
    const { user, queryClient, transport, who } = renderWithInbox(<NotificationList />, {
      as: 'buyer',
      provider: { pollIntervalMs: 150 },
    });
    await list();
    const checkbox = screen.getByRole('checkbox', { name: 'Unread only' });
    await user.click(checkbox);
    await user.click(checkbox);
    // The provider's one poll (the unread counts) has its first answer: a change of the count from here on
    // refetches the list.
    await waitFor(() =>
      expect(queryClient.getQueryState(inboxKeys.unread(`${transport.id}:${who.id}`))?.status).toBe(
        'success',
      ),
    );
    mock.ctx.db.marketplace.notifications.unshift({
      id: 'ntf_new',
      userId: 'usr_buyer_1',
      type: 'LISTING_SOLD',
      title: 'Your Transit was sold',
      createdAt: new Date().toISOString(),
    });
    await waitFor(() => expect(polite()).toContain('New notification: Your Transit was sold'), {
      timeout: 3000,
    });
    expect(within(screen.getByRole('list')).getAllByRole('listitem')[0]).toHaveTextContent(
      'Your Transit was sold',
    );
    expect(checkbox).toHaveFocus();
  });

  it('says so on a backend without notifications', async () => {
    renderWithInbox(<NotificationList />, { as: 'staff' });
    expect(screen.getByText('Not available for this account.')).toBeInTheDocument();
  });
});

describe('NotificationBell', () => {
  it('opens a non-modal dialog from a bell named with the count; Esc returns focus (keyboard path)', async () => {
    const { user, container } = renderWithInbox(<NotificationBell />, { as: 'buyer' });
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    await user.tab();
    expect(bell).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    const dialog = screen.getByRole('dialog', { name: 'Notifications' });
    expect(dialog).not.toHaveAttribute('aria-modal');
    expect(dialog).toHaveFocus();
    await within(dialog).findAllByRole('listitem');
    expect(await axeViolations(container)).toEqual([]);
    await user.tab();
    expect(within(dialog).getByRole('checkbox', { name: 'Unread only' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bell).toHaveFocus();
  });

  it('keeps the bell count in step with mark all, and closes on an outside click', async () => {
    const { user } = renderWithInbox(
      <>
        <button type="button">Elsewhere</button>
        <NotificationBell />
      </>,
      { as: 'buyer' },
    );
    await user.click(await screen.findByRole('button', { name: 'Notifications, 3 unread' }));
    await within(screen.getByRole('dialog')).findAllByRole('listitem');
    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(screen.getByRole('button', { name: 'Notifications' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
