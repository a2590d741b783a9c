import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { http, HttpResponse } from 'msw';
import { UnreadBadge } from '../src/react/components/UnreadBadge';
import { useUnreadCount } from '../src/react/components/UnreadBadge';
import { useEffect, useState } from 'react';
import { useDocumentTitleBadge } from '../src/react/hooks/useDocumentTitleBadge';

/** Forces the marketplace's unread counts (messages and notifications). */
const counts = (messages: number, notifications: number) => [
  http.get('*/v1/messages/unread', () =>
    HttpResponse.json({
      success: true,
      data: { unread_count: messages, conversations_with_unread: Math.min(messages, 5) },
    }),
  ),
  http.get('*/api/notifications/unread-count', () =>
    HttpResponse.json({ success: true, data: { count: notifications } }),
  ),
];

/** A host's inbox button that folds the count into its name ("Inbox, 3 unread"). */
function InboxButton() {
  const unread = useUnreadCount('messages');
  return (
    <button type="button" className="ik-button">
      <span aria-hidden="true">Inbox</span>
      <span className="ik-sr-only">{unread.withName('Inbox')}</span>
      <UnreadBadge size="sm" decorative />
    </button>
  );
}

const meta = {
  title: 'Components/UnreadBadge',
  component: UnreadBadge,
  args: { kind: 'messages', max: 99, showZero: false, live: false, size: 'md', variant: 'solid' },
  argTypes: {
    kind: { control: 'inline-radio', options: ['messages', 'notifications', 'both'] },
    size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] },
    variant: { control: 'inline-radio', options: ['solid', 'subtle', 'dot'] },
  },
  parameters: { inbox: { as: 'buyer', height: 120 }, layout: 'padded' },
} satisfies Meta<typeof UnreadBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Anna's real unread messages from the reference server. */
export const Messages: Story = {};

/** Nothing unread: the badge renders nothing. */
export const ZeroHidden: Story = {
  parameters: { msw: { handlers: counts(0, 0) }, storyTest: { allowEmpty: true } },
};

/** `showZero` keeps a muted "0". */
export const ZeroShown: Story = {
  args: { showZero: true },
  parameters: { msw: { handlers: counts(0, 0) } },
};

/** Three unread. */
export const Three: Story = {
  parameters: { msw: { handlers: counts(3, 0) } },
};

/** 142 unread shows "99+" and reads "142 unread messages". */
export const OverMax: Story = {
  parameters: { msw: { handlers: counts(142, 0) } },
};

/** Messages and notifications together. */
export const Both: Story = {
  args: { kind: 'both' },
};

/** Sizes and variants side by side. */
export const SizesAndVariants: Story = {
  parameters: { msw: { handlers: counts(142, 4) } },
  render: () => (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
      <UnreadBadge size="sm" />
      <UnreadBadge size="md" />
      <UnreadBadge size="lg" />
      <UnreadBadge variant="subtle" kind="notifications" />
      <UnreadBadge variant="dot" kind="notifications" />
    </div>
  ),
};

/** Inside a host control: the count is part of the button's name. */
export const InsideAButton: Story = {
  parameters: { msw: { handlers: counts(3, 0) } },
  render: () => <InboxButton />,
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { backgrounds: { disable: true } },
  render: () => (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
      <UnreadBadge />
      <UnreadBadge variant="subtle" kind="both" />
    </div>
  ),
};

/** Dutch label ("… ongelezen berichten"). */
export const Dutch: Story = { globals: { locale: 'nl' } };

/** German label. */
export const German: Story = { globals: { locale: 'de' }, args: { kind: 'both' } };

/** Shows the page title a `useDocumentTitleBadge()` host gets, "(3) Messages", as text (a story cannot show its own tab). */
function TitlePreview() {
  useDocumentTitleBadge();
  const [title, setTitle] = useState('');
  useEffect(() => {
    const read = () => setTitle(document.title);
    read();
    const observer = new MutationObserver(read);
    const head = document.querySelector('title') ?? document.head;
    observer.observe(head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <p>
      Page title: <output data-testid="title">{title}</output>
    </p>
  );
}

/** `useDocumentTitleBadge()`: the unread count in the browser tab's title, restored on unmount. */
export const DocumentTitle: Story = {
  parameters: { msw: { handlers: counts(3, 0) } },
  render: () => <TitlePreview />,
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-testid="title"]')?.textContent).toMatch(/^\(3\)/),
    );
  },
};
