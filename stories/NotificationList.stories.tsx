import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { NotificationBell, NotificationList } from '../src/react/components/NotificationList';

const meta = {
  title: 'Components/NotificationList',
  component: NotificationList,
  args: { defaultUnreadOnly: false },
  parameters: { inbox: { as: 'buyer' }, layout: 'padded' },
} satisfies Meta<typeof NotificationList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Anna's notifications: message, price drop, listing approved/expiring, review, sold; three unread. */
export const Default: Story = {};

/** Only unread ones; reading one removes it and focus moves to the next. */
export const UnreadOnly: Story = { args: { defaultUnreadOnly: true } };

/** No notifications. */
export const Empty: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/api/notifications', () =>
          HttpResponse.json({
            success: true,
            data: [],
            pagination: { page: 1, limit: 20, total: 0, totalPages: 1 },
          }),
        ),
      ],
    },
  },
};

/** The list cannot load: a message and Retry. */
export const LoadError: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/api/notifications', () =>
          HttpResponse.json({ success: false, error: { message: 'Service unavailable' } }, { status: 503 }),
        ),
      ],
    },
  },
};

/** Bell mode: a button named with the unread count opens the list in a non-modal dialog; Esc closes it. */
export const Bell: Story = {
  parameters: { inbox: { as: 'buyer', height: 640 } },
  render: () => (
    <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 8 }}>
      <NotificationBell />
    </div>
  ),
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { backgrounds: { disable: true } },
};

/** Dutch strings and relative times. */
export const Dutch: Story = { globals: { locale: 'nl' } };

/** German strings and relative times (seller's notifications). */
export const German: Story = { globals: { locale: 'de' }, parameters: { inbox: { as: 'seller' } } };
