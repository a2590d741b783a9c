/**
 * Hostile data in the inbox list (both backends): markup in listing titles,
 * names and previews shows as text; a row with an unreadable timestamp does
 * not take the list down; a malformed page is a readable error with Retry.
 */
import type { MockInstance } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithInbox, setupMockServer } from '../harness';
import { Inbox } from '../../src/react/components/Inbox';
import { mockInboxLayout } from '../inboxLayout';

const mock = setupMockServer();
let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = mockInboxLayout();
});
afterAll(() => restoreLayout());
let errors: MockInstance<typeof console.error>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error');
});
afterEach(() => errors.mockRestore());
/** console.error calls other than jsdom/test artifacts (act() warnings; jsdom not knowing the HTML `<search>` element). */
const realErrors = () =>
  errors.mock.calls.filter(
    (c) =>
      !String(c[0]).includes('not wrapped in act') &&
      !(String(c[0]).includes('is unrecognized in this browser') && c[1] === 'search'),
  );
const MARKUP = '<b>Volvo</b><img src=x onerror="window.__pwned=1">';

describe('hostile inbox data', () => {
  it('marketplace: markup in a listing title, a counterpart name and a preview is shown as text', async () => {
    const db = mock.ctx.db.marketplace;
    db.listings.get('lst_1001')!.title = MARKUP;
    db.users.get('usr_seller_1')!.name = '<script>window.__pwned=1</script>ABC';
    const last = db.messages.get('conv_1001')!.at(-1)!;
    last.content = '\u202Eevil <a href="javascript:alert(1)">x</a>';
    renderWithInbox(<Inbox />, { as: 'buyer' });
    const grid = await screen.findByRole('grid', { name: 'Conversations' });
    await waitFor(() => expect(within(grid).getAllByText(MARKUP).length).toBeGreaterThan(0));
    expect(grid.querySelector('b, img[src="x"], script')).toBeNull();
    expect(within(grid).getAllByText(/<script>window.__pwned=1<\/script>ABC/).length).toBeGreaterThan(0);
    expect(grid.querySelectorAll('a[href^="javascript"]')).toHaveLength(0);
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(realErrors()).toEqual([]);
  });

  it('shopmonkey: markup in a customer name and message text is shown as text', async () => {
    const db = mock.ctx.db.shopmonkey;
    const customer = db.customers.get('sm_cust_1')!;
    customer.firstName = '<img src=x onerror=alert(1)>';
    renderWithInbox(<Inbox />, { as: 'staff' });
    const grid = await screen.findByRole('grid', { name: 'Conversations' });
    await waitFor(() =>
      expect(within(grid).getAllByText(/<img src=x onerror=alert\(1\)>/).length).toBeGreaterThan(0),
    );
    expect(grid.querySelector('img[src="x"]')).toBeNull();
    expect(realErrors()).toEqual([]);
  });

  it('a row with an unreadable timestamp does not take down the list', async () => {
    const db = mock.ctx.db.marketplace;
    db.messages.get('conv_1002')!.at(-1)!.sentAt = 'yesterday-ish';
    db.conversations.get('conv_1002')!.updatedAt = 'yesterday-ish';
    renderWithInbox(<Inbox />, { as: 'buyer' });
    const grid = await screen.findByRole('grid', { name: 'Conversations' });
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '6'));
    expect(screen.getByRole('button', { name: /^Jan Bakker/ })).toBeInTheDocument();
    expect(realErrors()).toEqual([]);
  });

  it('a malformed page is rejected at the adapter with a readable error; Retry recovers', async () => {
    let broken = true;
    mock.use(
      http.get('*/v1/messages/conversations', () =>
        broken
          ? HttpResponse.json({ success: true, data: { conversations: [{ id: 7 }], pagination: {} } })
          : undefined,
      ),
    );
    const { user, transport } = renderWithInbox(<Inbox />, { as: 'buyer' });
    await waitFor(() =>
      expect(document.querySelector('[data-slot="inbox-error"]')).toHaveTextContent(
        'Conversations could not be loaded.',
      ),
    );
    await expect(transport.listConversations({})).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringContaining('data.conversations[0].id') as string,
    });
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    const grid = await screen.findByRole('grid', { name: 'Conversations' });
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '6'));
    expect(realErrors()).toEqual([]);
  });
});
