import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Composer, StartConversationForm, useComposerContext } from '../src/react/components/Composer';
import type { ComposerProps } from '../src/react/components/Composer';
import { useConversations } from '../src/react/hooks/useConversations';

/** Shopmonkey conversation ids are `<threadMetadataId>~<customerId>`: pick one by the customer's name. */
function ComposerFor({ customer, ...props }: Omit<ComposerProps, 'conversationId'> & { customer: string }) {
  const { conversations } = useConversations({ filter: 'all' });
  const c = conversations.find((x) => x.counterpart.name === customer);
  return c ? <Composer conversationId={c.id} {...props} /> : <p>Loading…</p>;
}

/** Runs `effect` once the composer's parts are mounted (opening a popup, picking files). */
function OnMount({ run }: { run: () => void }) {
  // The latest `run`, called once 300 ms after mount: a re-render meanwhile (the conversation loading)
  // must neither cancel it nor schedule it twice.
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const timer = setTimeout(() => latest.current(), 300);
    return () => clearTimeout(timer);
  }, []);
  return null;
}

/** The drop-in's parts recomposed, with something done on mount inside the root's context. */
function Recomposed({ conversationId, children }: { conversationId: string; children: ReactNode }) {
  return (
    <Composer.Root conversationId={conversationId}>
      <Composer.DropZone>
        {children}
        <Composer.ChannelToggles />
        <Composer.TemplateVariablesForm />
        <Composer.AttachmentChips />
        <div className="ik-composer__row">
          <Composer.AttachButton />
          <Composer.TemplatePicker />
          <Composer.Input />
          <Composer.SendButton />
        </div>
        <Composer.Status />
      </Composer.DropZone>
    </Composer.Root>
  );
}

function PickFiles() {
  const c = useComposerContext('PickFiles');
  return (
    <OnMount
      run={() => {
        const big = new File([new Uint8Array(8)], 'dashcam-video.png', { type: 'image/png' });
        Object.defineProperty(big, 'size', { value: 25 * 1024 * 1024 });
        c.addFiles([
          new File(['%PDF-1.4'], 'service-history.pdf', { type: 'application/pdf' }),
          big,
          new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
        ]);
      }}
    />
  );
}

function NoteMode() {
  const c = useComposerContext('NoteMode');
  return <OnMount run={() => c.setMode('note')} />;
}

function OpenTemplates() {
  return (
    <OnMount
      run={() => document.querySelector<HTMLButtonElement>('.ik-composer__templates-button')?.click()}
    />
  );
}

const NIGHT = () => {
  const d = new Date();
  d.setHours(22, 30, 0, 0);
  return d;
};

const meta = {
  title: 'Components/Composer',
  component: Composer,
  args: { conversationId: 'conv_1002' },
  parameters: { inbox: { as: 'buyer', height: 360 }, layout: 'padded' },
  render: (args) => (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'flex-end',
        height: '100%',
        paddingTop: 280,
      }}
    >
      <Composer {...args} />
    </div>
  ),
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Marketplace buyer: Enter sends, Shift+Enter adds a line, `/` opens templates, quick replies, Attach, New template. */
export const Marketplace: Story = {};

/** The Templates button opened: an APG combobox filtering by name and category. */
export const TemplatesPopupOpen: Story = {
  render: (args) => (
    <div style={{ paddingTop: 300 }}>
      <Composer {...args} />
      <OpenTemplates />
    </div>
  ),
};

/** Picked files: a PDF chip, and the reasons two files were refused (too big, wrong type). */
export const AttachmentsWithError: Story = {
  render: () => (
    <Recomposed conversationId="conv_1002">
      <PickFiles />
    </Recomposed>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The PDF is attached; the oversized video and the executable are refused, each with its reason.
    await expect(await canvas.findByText('service-history.pdf')).toBeTruthy();
    await waitFor(async () => {
      const errors = canvasElement.querySelector('.ik-composer__file-errors');
      await expect(errors?.textContent).toMatch(/dashcam-video\.png/);
      await expect(errors?.textContent).toMatch(/setup\.exe/);
    });
  },
};

/** Shopmonkey: "Send as" SMS and Email (combinable), email subject, internal note, order sharing, a suggested reply. */
export const ShopmonkeyChannels: Story = {
  parameters: { inbox: { as: 'staff', height: 420 } },
  render: () => <ComposerFor customer="Jamie Rivera" />,
};

/** A customer without a phone: SMS is unavailable, with the reason; email is chosen instead. */
export const NoPhoneCustomer: Story = {
  parameters: { inbox: { as: 'staff' } },
  render: () => <ComposerFor customer="Daniel Okafor" />,
};

/** Internal-note mode: tinted, "Not sent to customer", and "Add note" on the button. */
export const InternalNoteMode: Story = {
  parameters: { inbox: { as: 'staff' } },
  render: () => <NoteComposer />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Through the control a person uses, so the story shows the mode whatever the draft state was.
    const toggle = await canvas.findByRole('checkbox', { name: 'Internal note' });
    if (!(toggle as HTMLInputElement).checked) await userEvent.click(toggle);
    await expect(await canvas.findByRole('button', { name: 'Add note' })).toBeTruthy();
    await expect(canvas.getAllByText('Not sent to customer').length).toBeGreaterThan(0);
    await expect(canvasElement.querySelector('[data-slot="composer"]')?.getAttribute('data-mode')).toBe(
      'note',
    );
  },
};

function NoteComposer() {
  const { conversations } = useConversations({ filter: 'all' });
  const c = conversations.find((x) => x.counterpart.name === 'Priya Shah');
  return c ? (
    <Recomposed conversationId={c.id}>
      <NoteMode />
    </Recomposed>
  ) : (
    <p>Loading…</p>
  );
}

/** Chen Wei's latest message carries a suggested reply: send as is, edit or dismiss. */
export const SuggestedReply: Story = {
  parameters: { inbox: { as: 'staff', height: 420 } },
  render: () => <ComposerFor customer="Chen Wei" />,
};

/** At 22:30 an SMS is held for the shop's quiet hours; the composer says so before sending. */
export const QuietHours: Story = {
  parameters: { inbox: { as: 'staff' } },
  render: () => <ComposerFor customer="Priya Shah" now={NIGHT} />,
};

/** Asking about a listing nobody has asked about yet (marketplace `POST /v1/messages/conversations`). */
export const StartConversation: Story = {
  render: () => <StartConversationForm listingId="lst_1010" />,
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { inbox: { as: 'staff', height: 420 }, backgrounds: { disable: true } },
  render: () => <ComposerFor customer="Jamie Rivera" />,
};

/** Dutch strings. */
export const Dutch: Story = {
  globals: { locale: 'nl' },
};

/** German strings, Shopmonkey channels. */
export const German: Story = {
  globals: { locale: 'de' },
  parameters: { inbox: { as: 'staff', height: 420 } },
  render: () => <ComposerFor customer="Daniel Okafor" />,
};

/** The buyer types their phone number: the composer says once that sharing contact details is at their own risk. */
export const ContactDetailsWarning: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Call me on 06 1234 5678');
    await expect(await canvas.findByText(/at your own risk/)).toBeTruthy();
  },
};
