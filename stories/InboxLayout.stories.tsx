import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { InboxLayout } from '../src/react/components/InboxLayout';

const meta = {
  title: 'Components/InboxLayout',
  component: InboxLayout,
  parameters: { layout: 'padded', inbox: { as: 'buyer', height: 640 } },
} satisfies Meta<typeof InboxLayout>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Inbox and thread side by side; opening a conversation moves focus to the composer. */
export const Wide: Story = { parameters: { inbox: { as: 'buyer', width: 1040, height: 640 } } };

/** A 360 px container: one pane at a time, "Back to conversations" in the thread header. */
export const Narrow: Story = {
  name: 'Narrow (360px)',
  parameters: { inbox: { as: 'staff', width: 360, height: 640 } },
};

/** Dark theme, Shopmonkey staff. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { inbox: { as: 'staff', width: 1040, height: 640 } },
};

/** A 320 px side panel: one pane at a time, row actions behind "More", nothing scrolls sideways. */
export const SidePanel320: Story = {
  name: 'Side panel (320px)',
  parameters: { inbox: { as: 'buyer', width: 320, height: 640 }, storyTest: { browserOnly: true } },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector<HTMLElement>('[data-slot="inbox-layout"]')!;
    await expect(root.dataset.layout).toBe('narrow');
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="inbox-item-more"]')).not.toBeNull());
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
};

/** A 390 px phone column: open a conversation, the thread replaces the list and Escape returns. */
export const Phone390: Story = {
  name: 'Phone (390px)',
  parameters: { inbox: { as: 'buyer', width: 390, height: 760 }, storyTest: { browserOnly: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = (await canvas.findAllByRole('button', { name: /unread/ }))[0]!;
    await userEvent.click(row);
    await canvas.findByRole('textbox', { name: 'Message' });
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-pane="list"]')?.hasAttribute('hidden')).toBe(true),
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-pane="thread"]')?.hasAttribute('hidden')).toBe(true),
    );
  },
};

/** A 768 px tablet: both panes side by side (the split starts at 640 px of container). */
export const Tablet768: Story = {
  name: 'Tablet (768px)',
  parameters: { inbox: { as: 'buyer', width: 768, height: 640 } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector<HTMLElement>('[data-slot="inbox-layout"]')?.dataset.layout).toBe(
      'wide',
    );
  },
};

/**
 * Right to left with a mixed-direction thread: the layout mirrors (list on the right), and an
 * Arabic and Hebrew message sent into an English conversation keeps each run in its own order.
 */
export const RightToLeft: Story = {
  name: 'Right to left (Arabic, Hebrew)',
  parameters: { inbox: { as: 'buyer', width: 900, height: 640 }, storyTest: { browserOnly: true } },
  decorators: [
    (Story) => (
      <div dir="rtl" lang="ar">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = (await canvas.findAllByRole('button', { name: /unread/ }))[0]!;
    await userEvent.click(row);
    const box = await canvas.findByRole('textbox', { name: 'Message' });
    const text = 'مرحبا، هل الشاحنة Volvo FH 500 متاحة؟ שלום, אפשר לראות מחר?';
    await userEvent.type(box, text);
    await userEvent.keyboard('{Enter}');
    const body = await canvas.findByText(text);
    // The body isolates its direction; the list pane sits at the right edge.
    await expect(body.closest('[dir="auto"]')).not.toBeNull();
    const list = canvasElement.querySelector('[data-pane="list"]')!.getBoundingClientRect();
    const thread = canvasElement.querySelector('[data-pane="thread"]')!.getBoundingClientRect();
    await expect(list.left).toBeGreaterThan(thread.left);
  },
};
