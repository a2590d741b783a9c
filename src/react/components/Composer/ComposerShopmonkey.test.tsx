import { screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { axeViolations, memoryStorage, renderWithInbox, setupMockServer } from '../../../../test/harness';
import type { ComposerProps } from './index';
import { Composer } from './index';
import { createShopmonkeyTransport } from '../../../transports/shopmonkey';
import { messageField, smConversationId, smCount, smLast } from '../../../../test/composerTestUtils';

const mock = setupMockServer();

/** Renders the composer as Maria Lopez for a customer's conversation. */
async function renderFor(
  customer: string,
  props: Partial<ComposerProps> = {},
  options: { storage?: ReturnType<typeof memoryStorage> } = {},
) {
  const r = renderWithInbox(<div />, { as: 'staff', ...options });
  const id = await smConversationId(r.transport, customer);
  const ui = (p: Partial<ComposerProps> = props): ReactElement => <Composer conversationId={id} {...p} />;
  r.rerenderInbox(ui());
  return { ...r, id, ui };
}

const DAY = () => new Date(2025, 4, 6, 14, 0);
const NIGHT = () => new Date(2025, 4, 6, 22, 30);

describe('Composer: Shopmonkey channels', () => {
  it('disables SMS with an explanation for a customer without a phone, and sends email with a subject', async () => {
    const { user, container } = await renderFor('Daniel Okafor', { now: DAY });
    const sms = await screen.findByRole('checkbox', { name: 'SMS' });
    await waitFor(() => expect(sms).toHaveAttribute('aria-disabled', 'true'));
    expect(sms).toHaveAccessibleDescription('No phone number on file for this customer.');
    expect(sms).not.toBeChecked();
    const email = screen.getByRole('checkbox', { name: 'Email' });
    expect(email).toBeChecked();
    expect(screen.getByRole('group', { name: 'Send as' })).toBeInTheDocument();
    // Clicking the unavailable SMS box changes nothing and keeps focus there.
    await user.click(sms);
    expect(sms).not.toBeChecked();
    expect(sms).toHaveFocus();
    expect(messageField()).toHaveAccessibleDescription(/^Email to Daniel Okafor\./);
    expect(await axeViolations(container)).toEqual([]);
    await user.type(screen.getByRole('textbox', { name: 'Email subject' }), 'Your Golf');
    await user.type(messageField(), 'The Golf is ready.{Enter}');
    await waitFor(() => expect(smLast(mock, 'sm_cust_4').text).toBe('The Golf is ready.'));
    expect(smLast(mock, 'sm_cust_4')).toMatchObject({
      sendSms: false,
      sendEmail: true,
      emailSubject: 'Your Golf',
    });
  });

  it('combines SMS and email, and hides the subject when email is off', async () => {
    const { user } = await renderFor('Jamie Rivera', { now: DAY });
    const sms = await screen.findByRole('checkbox', { name: 'SMS' });
    expect(sms).toBeChecked();
    expect(screen.queryByRole('textbox', { name: 'Email subject' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Email' }));
    expect(screen.getByRole('textbox', { name: 'Email subject' })).toBeInTheDocument();
    await user.type(messageField(), 'Both ways{Enter}');
    await waitFor(() => expect(smLast(mock, 'sm_cust_1').text).toBe('Both ways'));
    expect(smLast(mock, 'sm_cust_1')).toMatchObject({ sendSms: true, sendEmail: true });
  });

  it('writes internal notes that look different and are not sent to the customer', async () => {
    const { user } = await renderFor('Priya Shah', { now: DAY });
    await user.click(await screen.findByRole('checkbox', { name: 'Internal note' }));
    expect(document.querySelector('[data-slot="composer"]')).toHaveAttribute('data-mode', 'note');
    expect(screen.getByText('Not sent to customer', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'SMS' })).toHaveAttribute('aria-disabled', 'true');
    expect(messageField()).toHaveAccessibleDescription(/^Internal note, not sent to the customer\./);
    await user.type(messageField(), 'Customer prefers mornings');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(smLast(mock, 'sm_cust_2').text).toBe('Customer prefers mornings'));
    expect(smLast(mock, 'sm_cust_2')).toMatchObject({ internal: true, sendSms: false, sendEmail: false });
    expect(messageField()).toHaveFocus();
  });

  it('hides note mode when the shop switched notes off on the transport', async () => {
    const transport = createShopmonkeyTransport({
      baseUrl: 'http://localhost/v3',
      userId: 'sm_user_1',
      getToken: () => 'sm_staff_1',
      retries: 0,
      notes: false,
    });
    const r = renderWithInbox(<div />, { as: 'staff', transport });
    const id = await smConversationId(r.transport, 'Priya Shah');
    r.rerenderInbox(<Composer conversationId={id} />);
    expect(await screen.findByRole('checkbox', { name: 'SMS' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Internal note' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
  });

  it('says before sending that an SMS will wait for quiet hours to end, and holds it', async () => {
    const { user } = await renderFor('Priya Shah', { now: NIGHT });
    const note = await screen.findByText('Quiet hours: this SMS will go out when they end.');
    const send = screen.getByRole('button', { name: 'Send' });
    const hold = screen.getByRole('checkbox', { name: 'Hold SMS during quiet hours' });
    expect(hold).toBeChecked();
    await user.type(messageField(), 'Reminder');
    expect(send).toHaveAccessibleDescription(note.textContent);
    await user.click(hold);
    expect(screen.queryByText('Quiet hours: this SMS will go out when they end.')).toBeNull();
    await user.click(hold);
    await user.click(send);
    await waitFor(() => expect(smLast(mock, 'sm_cust_2').text).toBe('Reminder'));
    expect(smLast(mock, 'sm_cust_2').avoidSMSQuietHours).toBe(true);
  });

  it('uses custom quiet hours and shows no note in the daytime', async () => {
    await renderFor('Priya Shah', { now: DAY, quietHours: [13, 15] });
    expect(await screen.findByText('Quiet hours: this SMS will go out when they end.')).toBeInTheDocument();
  });

  it('shares the conversation’s current order', async () => {
    const { user, transport, id } = await renderFor('Jamie Rivera', { now: DAY });
    const conversation = await transport.getConversation(id);
    expect(conversation.subject?.kind).toBe('order');
    const share = await screen.findByRole('button', { name: `Share order #${conversation.subject!.number}` });
    await user.click(share);
    await waitFor(() => expect(smLast(mock, 'sm_cust_1').isOrderShare).toBe(true));
    expect(smLast(mock, 'sm_cust_1')).toMatchObject({
      orderId: conversation.subject!.id,
      text: `Here is order #${conversation.subject!.number}.`,
    });
  });
});

describe('Composer: suggested replies', () => {
  const SUGGESTION = 'Yes, we are open until 6pm — see you then!';

  it('sends the suggestion as is, and does not offer it again', async () => {
    const { user } = await renderFor('Jamie Rivera', { now: DAY });
    const region = await screen.findByRole('region', { name: 'Suggested reply' });
    expect(within(region).getByText(SUGGESTION)).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Send as is' }));
    await waitFor(() => expect(smLast(mock, 'sm_cust_1').text).toBe(SUGGESTION));
    expect(smLast(mock, 'sm_cust_1').suggestedReplyState).toBe('used');
    expect(screen.queryByRole('region', { name: 'Suggested reply' })).toBeNull();
    expect(messageField()).toHaveFocus();
  });

  it('edits the suggestion in the textarea and reports it as edited', async () => {
    const { user } = await renderFor('Jamie Rivera', { now: DAY });
    const region = await screen.findByRole('region', { name: 'Suggested reply' });
    await user.click(within(region).getByRole('button', { name: 'Edit' }));
    expect(messageField()).toHaveValue(SUGGESTION);
    expect(messageField()).toHaveFocus();
    expect(screen.queryByRole('region', { name: 'Suggested reply' })).toBeNull();
    await user.type(messageField(), ' Ask for Tom.{Enter}');
    await waitFor(() => expect(smLast(mock, 'sm_cust_1').text).toBe(`${SUGGESTION} Ask for Tom.`));
    expect(smLast(mock, 'sm_cust_1').suggestedReplyState).toBe('edited');
  });

  it('dismisses the suggestion for good (across reloads) and reports it with the next message', async () => {
    const storage = memoryStorage();
    const first = await renderFor('Jamie Rivera', { now: DAY }, { storage });
    const region = await screen.findByRole('region', { name: 'Suggested reply' });
    await first.user.click(within(region).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Suggested reply' })).toBeNull();
    expect(messageField()).toHaveFocus();
    first.unmount();
    const count = smCount(mock, 'sm_cust_1');
    const second = await renderFor('Jamie Rivera', { now: DAY }, { storage });
    await waitFor(() => expect(messageField()).toBeEnabled());
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('region', { name: 'Suggested reply' })).toBeNull();
    await second.user.type(messageField(), 'We close at 6.{Enter}');
    await waitFor(() => expect(smCount(mock, 'sm_cust_1')).toBe(count + 1));
    expect(smLast(mock, 'sm_cust_1').suggestedReplyState).toBe('dismissed');
  });
});
