import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { http, HttpResponse } from 'msw';
import { useEffect, useRef } from 'react';
import { ConversationThread } from '../src/react/components/ConversationThread';
import type { ConversationThreadProps } from '../src/react/components/ConversationThread';
import { useConversations } from '../src/react/hooks/useConversations';
import { useSendMessage } from '../src/react/hooks/useSendMessage';

/**
 * Shopmonkey conversation ids are `<threadMetadataId>~<customerId>`; stories
 * pick a thread by the customer's name through the inbox list instead of
 * hard-coding ids.
 */
function ThreadWith({
  customer,
  ...props
}: Omit<ConversationThreadProps, 'conversationId'> & { customer: string }) {
  const { conversations } = useConversations({ filter: 'all' });
  const archived = useConversations({ filter: 'archived' }).conversations;
  const c = [...conversations, ...archived].find((x) => x.counterpart.name === customer);
  return c ? (
    <ConversationThread conversationId={c.id} {...props} />
  ) : (
    <p className="ik-thread__history">Loading…</p>
  );
}

/** Sends one message on mount, as if the composer had; the story's msw override makes it fail once. */
function SendOnMount({ conversationId, text }: { conversationId: string; text: string }) {
  const { send } = useSendMessage(conversationId);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void send({ text });
  }, [send, text]);
  return null;
}

const noop = () => {};

const meta = {
  title: 'Components/ConversationThread',
  component: ConversationThread,
  args: { conversationId: 'conv_1001', announceIncoming: 'sender' },
  argTypes: {
    announceIncoming: { control: 'inline-radio', options: ['sender', 'sender-and-text', 'off'] },
  },
  parameters: { inbox: { as: 'buyer' }, layout: 'padded' },
} satisfies Meta<typeof ConversationThread>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Anna ↔ ABC Trucks about the Volvo: days, sender groups, the "New messages" marker, a read receipt, photos, a PDF and a quick reply. */
export const Marketplace: Story = {};

/** The seller's side of the same thread, with a Back button as in a narrow layout. */
export const MarketplaceSellerNarrow: Story = {
  args: { onBack: noop },
  parameters: { inbox: { as: 'seller', width: 360 } },
};

/** Jamie Rivera: an appointment with a confirmation request, an order share, a colleague's internal note (staff colour), SMS/email delivery, two unread. */
export const Shopmonkey: Story = {
  parameters: { inbox: { as: 'staff' } },
  render: (args) => (
    <ThreadWith
      customer="Jamie Rivera"
      announceIncoming={args.announceIncoming}
      onOpenOrder={noop}
      onOpenAppointment={noop}
    />
  ),
};

/** Daniel Okafor: an SMS that failed (no phone on file) with its error in words, two inspection photos, a message deleted with a reason. */
export const ShopmonkeySmsErrorAndDeleted: Story = {
  parameters: { inbox: { as: 'staff' } },
  render: () => <ThreadWith customer="Daniel Okafor" />,
};

/** Northwind Logistics: System messages as centred notices (rescheduled, reminder, acknowledgement), an invoice PDF shared with the order, a canceled appointment. */
export const ShopmonkeySystemAndOrderShare: Story = {
  parameters: { inbox: { as: 'staff' } },
  render: () => <ThreadWith customer="Northwind Logistics" onOpenOrder={noop} onOpenAppointment={noop} />,
};

/** Chen Wei: an SMS held for quiet hours (shown as scheduled), an internal note, a system notice, an unread customer message. */
export const ShopmonkeyQuietHours: Story = {
  parameters: { inbox: { as: 'staff' } },
  render: () => <ThreadWith customer="Chen Wei" onOpenOrder={noop} />,
};

/**
 * The long thread. Storybook cannot pick the reference server's `large` size
 * per story yet, so this is the normal seed's 30 messages; the 10,000-message
 * case is measured in the benchmarks (`npm run bench`).
 */
export const LongThread: Story = {
  parameters: { inbox: { as: 'buyer', height: 720 } },
};

/** Sends to this story's server fail three times in four (HTTP 500): the first attempt and the transport's two automatic retries. */
let sendAttempts = 0;

/** A send that keeps failing (HTTP 500, also on the transport's own retries): the message shows "Not sent" with Retry and Discard; Retry goes through. */
export const FailedSendWithRetry: Story = {
  args: { conversationId: 'conv_1002' },
  parameters: {
    inbox: { as: 'buyer' },
    msw: {
      handlers: [
        http.post('*/v1/messages/conversations/:id', () =>
          sendAttempts++ % 4 < 3
            ? HttpResponse.json(
                { error: { code: 'internal', message: 'The server had a hiccup.' } },
                { status: 500 },
              )
            : undefined,
        ),
      ],
    },
  },
  render: (args) => (
    <>
      <ConversationThread {...args} />
      <SendOnMount conversationId={args.conversationId} text="Is the Scania still available?" />
    </>
  ),
};

/** Attachments: image thumbnails open the modal viewer (←/→, Esc); documents download with name, type and size. */
export const Attachments: Story = {
  parameters: { inbox: { as: 'staff' } },
  render: () => <ThreadWith customer="Daniel Okafor" />,
};

/** Dark theme (staff colours lightened for contrast). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { inbox: { as: 'staff' }, backgrounds: { disable: true } },
  render: () => <ThreadWith customer="Jamie Rivera" onOpenOrder={noop} onOpenAppointment={noop} />,
};

/** Dutch strings and dates. */
export const Dutch: Story = {
  globals: { locale: 'nl' },
};

/** German strings and dates (Shopmonkey thread). */
export const German: Story = {
  globals: { locale: 'de' },
  parameters: { inbox: { as: 'staff' } },
  render: () => <ThreadWith customer="Jamie Rivera" onOpenOrder={noop} onOpenAppointment={noop} />,
};

/** A seller asks to be paid by gift card and contacted on WhatsApp: a calm safety notice sits under the message. */
export const SafetyNotice: Story = {
  args: { conversationId: 'conv_1004' },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-slot="message-safety"]')?.textContent).toMatch(
        /paying outside the platform/,
      ),
    );
  },
};

/** Find in conversation (Ctrl/Cmd+F in the thread): "inspection", ignoring case and accents, with "1 of n"; the newest match is the last message, so the thread stays at its newest. */
export const FindInConversation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Find in conversation' }));
    await userEvent.type(canvas.getByRole('searchbox'), 'inspection');
    await waitFor(() => expect(within(canvas.getByRole('search')).getByText(/^1 of \d+$/)).toBeTruthy());
  },
};
