import type { Meta, StoryObj } from '@storybook/react-vite';
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
