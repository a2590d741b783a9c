import { act, screen, waitFor, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { Message } from '../../../core/types';
import { createShopmonkeyTransport } from '../../../transports/shopmonkey';
import { useSendMessage } from '../../hooks/useSendMessage';
import { axeViolations, renderWithInbox, setupMockServer } from '../../../../test/harness';
import type { TransportDiagnostic } from '../../../transports/diagnostics';
import { Composer } from '../Composer';
import { ConversationThread } from './ConversationThread';
import { setupThreadLayout } from '../../../../test/threadLayout';

const mock = setupMockServer();
setupThreadLayout();

function articleWith(text: string): HTMLElement {
  const hit = screen.getAllByRole('article').find((a) => a.textContent?.includes(text));
  if (!hit) throw new Error(`no article with ${text}`);
  return hit;
}

/** Opens the staff thread with one customer. */
async function openCustomer(
  name: string,
  extra: Partial<Parameters<typeof ConversationThread>[0]> = {},
  options: Parameters<typeof renderWithInbox>[1] = {},
) {
  const probe = renderWithInbox(<></>, { as: 'staff' });
  const list = await probe.transport.listConversations({ filter: 'all' });
  const archived = await probe.transport.listConversations({ filter: 'archived' });
  const conversation = [...list.items, ...archived.items].find((c) => c.counterpart.name === name)!;
  probe.unmount();
  const r = renderWithInbox(<ConversationThread conversationId={conversation.id} {...extra} />, {
    as: 'staff',
    ...options,
  });
  await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThan(0));
  return { ...r, conversation };
}

describe('ConversationThread (Shopmonkey)', () => {
  it('shows internal notes, order shares, appointment events, staff colours and message hints', async () => {
    const onOpenOrder = vi.fn();
    const onOpenAppointment = vi.fn();
    const { user, container } = await openCustomer('Jamie Rivera', { onOpenOrder, onOpenAppointment });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(8));

    const note = articleWith('Rotors are below minimum thickness');
    expect(note).toHaveAttribute('data-kind', 'note');
    expect(within(note).getByText('Internal note · Not sent to customer')).toBeInTheDocument();
    // Tom's colour travels as a custom property; his name is not on the wire, so the role is shown.
    expect(note.style.getPropertyValue('--ik-author-color')).toBe('#b45309');
    expect(note).toHaveAttribute('data-author-color'); // what the stylesheet's colour stripe matches
    expect(note).toHaveAccessibleName(/^Staff /);
    expect(within(note).getByText('via Mobile app')).toBeInTheDocument();

    const share = articleWith('Here is the estimate for front brake pads');
    expect(within(share).getByText('Shared order #1042')).toBeInTheDocument();
    expect(within(share).getByText('Estimate')).toBeInTheDocument();
    expect(within(share).getByText('Subject: Estimate #1042 from Lopez Auto Repair')).toBeInTheDocument();
    expect(share).toHaveAccessibleName(/^You /);
    await user.click(within(share).getByRole('button', { name: 'Open order' }));
    expect(onOpenOrder).toHaveBeenCalledWith(
      expect.objectContaining({ orderId: 'sm_order_1', orderNumber: '1042', type: 'Estimate' }),
      expect.objectContaining({ text: expect.stringContaining('estimate') as string }),
    );

    const appt = articleWith('Reply YES to confirm');
    expect(within(appt).getByText('Appointment: Scheduled')).toBeInTheDocument();
    expect(within(appt).getByText('Confirmation requested')).toBeInTheDocument();
    await user.click(within(appt).getByRole('button', { name: 'Open appointment' }));
    expect(onOpenAppointment).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'sm_appt_1', event: 'Scheduled', confirmationRequested: true }),
      expect.anything(),
    );
    expect(
      within(screen.getByText('YES').closest('article')!).getByText('Appointment: Confirmed'),
    ).toBeInTheDocument();

    // Delivery per channel, shape + text.
    expect(within(appt).getByText('SMS: Delivered')).toBeInTheDocument();
    expect(within(appt).getByText('Email: Read')).toBeInTheDocument();
    expect(
      within(articleWith('Thanks! Does the estimate include the rotors?')).getByText('via SMS'),
    ).toBeInTheDocument();

    // Copy: the order is named once in the header, and no raw vehicle id is shown to people.
    const subject = container.querySelector('[data-slot="thread-subject"]')!;
    expect(subject.textContent?.match(/Order #1042/g)).toHaveLength(1);
    expect(container.textContent).not.toMatch(/sm_veh_|Vehicle sm_/);

    // Two unread customer messages: the marker sits on the first.
    expect(
      within(articleWith('Thanks! Does the estimate include the rotors?')).getByRole('heading', {
        level: 3,
        name: 'New messages',
      }),
    ).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows SMS errors in words and deleted messages with who deleted them and why', async () => {
    const { user } = await openCustomer('Daniel Okafor');
    const photos = articleWith('Here are the photos from the inspection.');
    expect(within(photos).getByText('SMS: Not sent')).toBeInTheDocument();
    expect(
      within(photos).getByText(
        /This customer has no mobile phone number on file, so the SMS could not be sent\./,
      ),
    ).toBeInTheDocument();
    expect(within(photos).getByText('Email: Delivered')).toBeInTheDocument();
    expect(photos.querySelector('[data-channel="sms"]')).toHaveAttribute('data-state', 'failed');

    // Photos: two image buttons and the viewer.
    const front = within(photos).getByRole('button', { name: 'Open image inspection-front.jpg, 1 of 2' });
    await user.click(front);
    const dialog = await screen.findByRole('dialog', { name: 'inspection-front.jpg' });
    await user.click(within(dialog).getByRole('button', { name: /Next image/ }));
    expect(screen.getByRole('dialog', { name: 'inspection-rear.png' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(front).toHaveFocus());

    const deleted = screen.getByText(/This message was deleted\./).closest('article')!;
    expect(deleted).toHaveAttribute('data-deleted');
    expect(deleted).toHaveTextContent('Deleted by You: Sent to the wrong customer');
    expect(deleted).not.toHaveTextContent('Your Civic is ready for pickup.');
    expect(deleted).toHaveAccessibleDescription(
      /This message was deleted\. Deleted by You: Sent to the wrong customer/,
    );
  });

  it('renders System messages as notices and invoice documents as downloads', async () => {
    await openCustomer('Northwind Logistics');
    const notice = articleWith('Appointment rescheduled to Monday 8:00 AM.');
    expect(notice).toHaveAttribute('data-kind', 'system');
    expect(notice).toHaveAccessibleName(/^System /);
    expect(within(notice).getByText('Appointment: Rescheduled')).toBeInTheDocument();
    const invoice = articleWith('The invoice is attached.');
    expect(within(invoice).getByRole('link', { name: 'invoice-1043.pdf, PDF, 178 KB' })).toHaveAttribute(
      'download',
      'invoice-1043.pdf',
    );
    expect(within(invoice).getByText('Shared order #1043')).toBeInTheDocument();
    // Without onOpenOrder there is no button to open it.
    expect(within(invoice).queryByRole('button', { name: 'Open order' })).not.toBeInTheDocument();
    expect(
      within(articleWith('Your follow-up inspection on Friday has been canceled.')).getByText(
        'Email: Status unknown',
      ),
    ).toBeInTheDocument();
  });

  it('shows an SMS held for quiet hours as scheduled', async () => {
    await openCustomer('Chen Wei');
    const held = articleWith('We will start on your Outback first thing tomorrow.');
    expect(within(held).getByText('SMS: Scheduled after quiet hours')).toBeInTheDocument();
    expect(held.querySelector('[data-channel="sms"]')).toHaveAttribute('data-state', 'scheduled');
    // A drawn clock (a shape, hidden from screen readers) next to the words.
    expect(
      held.querySelector('[data-channel="sms"] .ik-delivery__icon[aria-hidden="true"] svg'),
    ).not.toBeNull();
  });

  it('marks the whole conversation read when its unread message is seen (no per-message read)', async () => {
    const { transport, conversation } = await openCustomer('Chen Wei');
    expect(conversation.unreadCount).toBe(1);
    await waitFor(async () => expect((await transport.getConversation(conversation.id)).unreadCount).toBe(0));
  });

  it('PgUp on the first loaded message loads older ones and focuses the one above; positions count from the server total', async () => {
    const transport = createShopmonkeyTransport({
      baseUrl: 'http://localhost/v3',
      userId: 'sm_user_1',
      getToken: () => 'sm_staff_1',
      retries: 0,
      pageSize: 3,
    });
    const { user } = await openCustomer('Jamie Rivera', {}, { transport });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    const feed = screen.getByRole('feed', { name: 'Messages' });
    const first = screen.getAllByRole('article')[0]!;
    // The server tells the total, so positions are exact before the start is loaded; the set size
    // stays unknown (−1) until the start of history is loaded (docs/accessibility.md §3).
    expect(first).toHaveAttribute('aria-setsize', '-1');
    expect(first).toHaveAttribute('aria-posinset', '6');
    expect(first).toHaveTextContent('Rotors are below minimum thickness');
    act(() => first.focus());
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(6));
    await waitFor(() =>
      expect(document.activeElement).toHaveTextContent('Here is the estimate for front brake pads'),
    );
    expect(feed).toHaveAttribute('aria-busy', 'false');
    // Keep going to the start: then positions are known.
    for (let i = 0; i < 3; i++) await user.keyboard('{PageUp}');
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(8));
    await waitFor(() => expect(screen.getAllByRole('article')[0]).toHaveAttribute('aria-posinset', '1'));
    expect(screen.getByText('Start of conversation')).toBeInTheDocument();
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-setsize'))).toEqual(
      Array(8).fill('8'),
    );
  });

  it('a send takes the next position; the messages already shown keep theirs and are not rendered again', async () => {
    const transport = createShopmonkeyTransport({
      baseUrl: 'http://localhost/v3',
      userId: 'sm_user_1',
      getToken: () => 'sm_staff_1',
      retries: 0,
      pageSize: 3,
    });
    const bodies = new Map<string, number>();
    const MessageBody = ({ message }: { message: Message }) => {
      bodies.set(message.text, (bodies.get(message.text) ?? 0) + 1);
      return <div className="ik-message__body">{message.text}</div>;
    };
    function Send({ conversationId }: { conversationId: string }) {
      const { send } = useSendMessage(conversationId);
      return (
        <button type="button" onClick={() => void send({ text: 'On my way' })}>
          test send
        </button>
      );
    }
    const { conversation, rerenderInbox, user } = await openCustomer(
      'Jamie Rivera',
      {},
      { transport, provider: { components: { MessageBody } } },
    );
    rerenderInbox(
      <>
        <ConversationThread conversationId={conversation.id} />
        <Send conversationId={conversation.id} />
      </>,
    );
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-posinset'))).toEqual([
      '6',
      '7',
      '8',
    ]);
    const shown = new Map(bodies);
    await user.click(screen.getByRole('button', { name: 'test send' }));
    await waitFor(() => expect(articleWith('On my way')).toHaveAttribute('data-status', 'sent'));
    const all = screen.getAllByRole('article');
    expect(all.map((a) => a.getAttribute('aria-posinset'))).toEqual(['6', '7', '8', '9']);
    expect(all.map((a) => a.getAttribute('aria-setsize'))).toEqual(['-1', '-1', '-1', '-1']);
    for (const [text, count] of shown) expect(bodies.get(text), text).toBe(count);
  });

  it('a note the server did not keep internal is marked with a visible warning and reported', async () => {
    mock.ctx.knobs.shopmonkeyIgnoreInternal = true;
    const diagnostics: TransportDiagnostic[] = [];
    const transport = createShopmonkeyTransport({
      baseUrl: 'http://localhost/v3',
      userId: 'sm_user_1',
      getToken: () => 'sm_staff_1',
      retries: 0,
      onDiagnostic: (d) => diagnostics.push(d),
    });
    const { conversation, rerenderInbox, user, container } = await openCustomer(
      'Priya Shah',
      {},
      { transport },
    );
    rerenderInbox(
      <>
        <ConversationThread conversationId={conversation.id} />
        <Composer conversationId={conversation.id} />
      </>,
    );
    // SMS is on for Priya; note mode must still ask for no delivery at all.
    expect(await screen.findByRole('checkbox', { name: 'SMS' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Internal note' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Owes us for the last visit');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() =>
      expect(
        within(articleWith('Owes us for the last visit')).getByText(
          'This note may have been visible to the customer',
        ),
      ).toBeVisible(),
    );
    expect(within(articleWith('Owes us for the last visit')).queryByText(/Not sent to customer/)).toBeNull();
    const stored = mock.ctx.db.shopmonkey.messagesByCustomer.get('sm_cust_2')!.at(-1)!;
    expect(stored).toMatchObject({
      text: 'Owes us for the last visit',
      internal: false,
      sendSms: false,
      sendEmail: false,
    });
    expect(diagnostics.map((d) => d.kind)).toContain('unverified_note');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('never shows another customer’s message, even when the server ignores the thread filter', async () => {
    mock.ctx.knobs.shopmonkeyIgnoreListQuery = true;
    const diagnostics: TransportDiagnostic[] = [];
    const transport = createShopmonkeyTransport({
      baseUrl: 'http://localhost/v3',
      userId: 'sm_user_1',
      getToken: () => 'sm_staff_1',
      retries: 0,
      onDiagnostic: (d) => diagnostics.push(d),
    });
    await openCustomer('Priya Shah', {}, { transport });
    const priya = mock.ctx.db.shopmonkey.messagesByCustomer.get('sm_cust_2')!;
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(priya.length));
    const shown = screen.getAllByRole('article').map((a) => a.getAttribute('data-message-id'));
    expect(shown).toEqual(priya.map((m) => m.id));
    expect(diagnostics.map((d) => d.kind)).toEqual(expect.arrayContaining(['ignored_filter', 'foreign_row']));
  });

  it('labels campaign (Marketing) messages', async () => {
    await openCustomer('Sofia Marino');
    const campaign = articleWith('Winter tire check');
    expect(within(campaign).getByText('Marketing message')).toBeVisible();
    expect(within(articleWith('Picked it up')).queryByText('Marketing message')).toBeNull();
  });

  it('store-then-drop-the-answer: one SMS stored, one shown, and Retry after "may not have been sent" adds none', async () => {
    let posts = 0;
    let failNextRead = false;
    // The server stores the message and sends the SMS; the answer is lost, and so is the first check read.
    const flaky: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (init?.method === 'GET' && url.includes('/v3/message?') && failNextRead) {
        failNextRead = false;
        throw new TypeError('Failed to fetch');
      }
      const res = await fetch(input, init);
      if (init?.method === 'POST' && url.endsWith('/v3/message') && ++posts === 1) {
        failNextRead = true;
        throw new TypeError('Failed to fetch');
      }
      return res;
    };
    const transport = createShopmonkeyTransport({
      baseUrl: 'http://localhost/v3',
      userId: 'sm_user_1',
      getToken: () => 'sm_staff_1',
      retries: 0,
      reconcileDelayMs: 5,
      fetch: flaky,
    });
    const { conversation, rerenderInbox, user } = await openCustomer('Priya Shah', {}, { transport });
    rerenderInbox(
      <>
        <ConversationThread conversationId={conversation.id} />
        <Composer conversationId={conversation.id} />
      </>,
    );
    expect(await screen.findByRole('checkbox', { name: 'SMS' })).toBeChecked();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Your car is ready{Enter}');
    const failed = await waitFor(() => {
      const a = articleWith('Your car is ready');
      expect(within(a).getByText('May not have been sent')).toBeVisible();
      return a;
    });
    const stored = () =>
      mock.ctx.db.shopmonkey.messagesByCustomer
        .get('sm_cust_2')!
        .filter((m) => m.text === 'Your car is ready');
    expect(stored()).toHaveLength(1);
    expect(stored()[0]!.sendSms).toBe(true);
    await user.click(within(failed).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(articleWith('Your car is ready')).toHaveAttribute('data-status', 'sent'));
    expect(
      screen.getAllByRole('article').filter((a) => a.textContent?.includes('Your car is ready')),
    ).toHaveLength(1);
    expect(stored()).toHaveLength(1);
    expect(posts).toBe(1);
  }, 30_000);
});
