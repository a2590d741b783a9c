import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { http, HttpResponse } from 'msw';
import { NotificationSettings } from '../src/react/components/NotificationSettings';

const meta = {
  title: 'Components/NotificationSettings',
  component: NotificationSettings,
  args: { layout: 'auto' },
  argTypes: { layout: { control: 'inline-radio', options: ['auto', 'table', 'fieldsets'] } },
  parameters: { inbox: { as: 'staff' }, layout: 'padded' },
} satisfies Meta<typeof NotificationSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Maria's Shopmonkey notification config: categories × email/SMS/in-app, saved as you toggle. */
export const Shopmonkey: Story = {};

/** At 300 px the table becomes one fieldset per category. */
export const Narrow: Story = { parameters: { inbox: { as: 'staff', width: 300 } } };

/** The marketplace has no preferences: the component says so. */
export const MarketplaceUnsupported: Story = { parameters: { inbox: { as: 'buyer' } } };

/** Every save fails: the switch reverts, an error shows and is announced. */
export const SaveError: Story = {
  parameters: {
    msw: {
      handlers: [
        http.put('*/v3/user/:id/notification_config', () =>
          HttpResponse.json({ success: false, message: 'Internal error' }, { status: 500 }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Toggle one switch: the save fails, the switch goes back and the error shows.
    const toggle = (await canvas.findAllByRole('switch'))[0] as HTMLInputElement;
    const before = toggle.checked;
    await userEvent.click(toggle);
    await expect(await canvas.findByText(/Internal error/)).toBeTruthy();
    await waitFor(() => expect(toggle.checked).toBe(before));
  },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { backgrounds: { disable: true } },
};

/** Dutch strings. */
export const Dutch: Story = { globals: { locale: 'nl' } };

/** German strings. */
export const German: Story = { globals: { locale: 'de' } };
