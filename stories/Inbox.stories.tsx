import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { delay, http, HttpResponse } from 'msw';
import { useState } from 'react';
import type { Conversation, Page } from '../src/core/types';
import type { MessagingTransport } from '../src/transports/types';
import { MessagingProvider } from '../src/react/MessagingProvider';
import { useInboxStoreApi } from '../src/react/store/useInboxStoreApi';
import { Inbox } from '../src/react/components/Inbox';
import type { InboxFilter } from '../src/transports/types';
import { STORY_IDENTITIES, storyTransport } from './support/transports';
import { storyLocale } from './support/withInbox';

/** Starts the inbox on a filter, as if the user had picked it. */
function WithFilter({ filter }: { filter: InboxFilter }) {
  const store = useInboxStoreApi();
  useState(() => store.getState().setFilter(filter));
  return <Inbox />;
}

const meta = {
  title: 'Components/Inbox',
  component: Inbox,
  parameters: { layout: 'padded', inbox: { as: 'buyer' } },
} satisfies Meta<typeof Inbox>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Anna de Vries, a marketplace buyer: listings with thumbnails, prices and status; unread counts; row actions on hover and focus. */
export const Buyer: Story = {};

/** ABC Trucks, a verified dealer: also filters by the role it has in each conversation. */
export const Seller: Story = { parameters: { inbox: { as: 'seller' } } };

/** Maria Lopez, Shopmonkey staff: customers with order numbers; no archive or delete (the backend has none). */
export const ShopmonkeyStaff: Story = { parameters: { inbox: { as: 'staff' } } };

/** Skeleton rows while the first page loads (a slow reference server). */
export const Loading: Story = {
  // Only the list never answers: a global latency knob would also stall the worker's own
  // traffic, and Chromium then reported a failed service-worker update.
  parameters: { msw: [http.get('*/v1/messages/conversations', () => delay('infinite'))] },
};

/** Nobody has written yet. */
export const Empty: Story = {
  parameters: {
    msw: [
      http.get('*/v1/messages/conversations', () =>
        HttpResponse.json({
          success: true,
          data: {
            conversations: [],
            pagination: { page: 1, limit: 20, total: 0 },
            summary: { total: 0, unread: 0 },
          },
        }),
      ),
    ],
  },
};

/** The list failed to load: an error with Retry. */
export const LoadError: Story = {
  name: 'Error',
  parameters: {
    msw: [
      http.get('*/v1/messages/conversations', () =>
        HttpResponse.json({ success: false, message: 'Service unavailable' }, { status: 503 }),
      ),
    ],
  },
};

/** The Archived filter: rows offer Unarchive. */
export const ArchivedFilter: Story = { render: () => <WithFilter filter="archived" /> };

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** Dutch strings and dates. */
export const Dutch: Story = { name: 'nl', globals: { locale: 'nl' } };

/** German strings and dates, as Shopmonkey staff. */
export const German: Story = {
  name: 'de',
  globals: { locale: 'de' },
  parameters: { inbox: { as: 'staff' } },
};

/**
 * 5,000 conversations, paged 50 at a time from an in-memory transport (the
 * buyer's adapter with a synthetic list): scrolling stays fluid because only
 * the visible rows (plus a viewport of overscan) are mounted.
 */
export const LargeInbox: Story = {
  parameters: { inbox: false },
  render: (_args, ctx) => (
    <LargeInboxFrame
      theme={ctx.globals.theme === 'dark' ? 'dark' : 'light'}
      locale={typeof ctx.globals.locale === 'string' ? ctx.globals.locale : 'en'}
    />
  ),
};

const LARGE_TOTAL = 5000;
const PAGE = 50;

function syntheticConversation(i: number, now: number): Conversation {
  const at = new Date(now - i * 37 * 60_000).toISOString();
  const makes = ['Volvo FH', 'Scania R', 'DAF XF', 'MAN TGX', 'Iveco S-Way', 'Renault T', 'Mercedes Actros'];
  return {
    id: `conv_large_${i}`,
    subject: {
      kind: 'listing',
      id: `lst_large_${i}`,
      title: `${2010 + (i % 14)} ${makes[i % makes.length]} #${i}`,
      price: { amount: 5000 + (i % 190) * 500, currency: 'EUR' },
      status: i % 17 === 0 ? 'sold' : 'active',
    },
    counterpart: {
      id: `usr_dealer_${i % 25}`,
      name: `Dealer ${String.fromCharCode(65 + (i % 25))}${(i % 25) + 1} Trucks`,
      role: 'seller',
      verified: i % 3 !== 0,
    },
    lastMessage: {
      text: i % 2 ? 'Is it still available?' : 'Yes, you are welcome to view it.',
      senderId: i % 2 ? STORY_IDENTITIES.buyer.id : `usr_dealer_${i % 25}`,
      sentAt: at,
      read: i % 9 !== 0,
    },
    unreadCount: i % 9 === 0 ? 1 : 0,
    archived: false,
    createdAt: at,
    updatedAt: at,
  };
}

function largeTransport(): MessagingTransport {
  const base = storyTransport('buyer', { realtime: false });
  const now = Date.now();
  const listConversations: MessagingTransport['listConversations'] = async (params = {}) => {
    const start = params.cursor ? Number(params.cursor) : 0;
    const items = Array.from({ length: Math.min(PAGE, LARGE_TOTAL - start) }, (_, k) =>
      syntheticConversation(start + k, now),
    );
    const next = start + items.length;
    const page: Page<Conversation> = {
      items,
      total: LARGE_TOTAL,
      hasMore: next < LARGE_TOTAL,
      ...(next < LARGE_TOTAL ? { next: String(next) } : {}),
    };
    return page;
  };
  // Everything else (threads, actions) goes to the reference server as usual.
  return Object.assign(Object.create(base) as MessagingTransport, { id: 'large-demo', listConversations });
}

function LargeInboxFrame({ theme, locale }: { theme: 'light' | 'dark'; locale: string }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } }),
  );
  const [transport] = useState(largeTransport);
  return (
    <MessagingProvider
      transport={transport}
      currentUser={{ id: STORY_IDENTITIES.buyer.id, name: STORY_IDENTITIES.buyer.name }}
      queryClient={queryClient}
      theme={theme}
      locale={storyLocale(locale)}
    >
      <div className="ik-root" data-theme={theme} style={{ height: 560 }}>
        <Inbox />
      </div>
    </MessagingProvider>
  );
}
