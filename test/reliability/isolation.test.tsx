/**
 * Two widgets for different users on one page never see each other's data —
 * with their own QueryClients and sharing ONE — and signing out clears that
 * user's persisted drafts, outbox and cached queries only.
 */
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessagingProvider } from '../../src/react/MessagingProvider';
import { Inbox } from '../../src/react/components/Inbox';
import { Composer } from '../../src/react/components/Composer';
import { UnreadBadge } from '../../src/react/components/UnreadBadge';
import { mockInboxLayout } from '../inboxLayout';
import { clearPersistedData } from '../../src/react/hooks/useSignOut';
import {
  IDENTITIES,
  SignOutButton,
  makeTransport,
  memoryStorage,
  persisted,
  setupMockServer,
} from '../harness';
import type { As } from '../harness';
import { watchConsole } from './support';

setupMockServer();
const watch = watchConsole();
let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = mockInboxLayout();
});
afterAll(() => restoreLayout());

const newClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 0, gcTime: Infinity },
      mutations: { retry: false },
    },
  });

function Widget({
  as,
  client,
  storage,
  conversationId,
}: {
  as: As;
  client: QueryClient;
  storage: ReturnType<typeof memoryStorage>;
  conversationId: string;
}) {
  const who = IDENTITIES[as];
  return (
    <section aria-label={who.name}>
      <MessagingProvider
        transport={makeTransport(as)}
        currentUser={{ id: who.id, name: who.name }}
        queryClient={client}
        storage={storage}
        pollIntervalMs={false}
      >
        <UnreadBadge />
        <Inbox />
        <Composer conversationId={conversationId} />
        <SignOutButton />
      </MessagingProvider>
    </section>
  );
}

const rowNames = (region: HTMLElement) =>
  within(within(region).getByRole('grid', { name: 'Conversations' }))
    .getAllByRole('button')
    .filter((b) => b.dataset.cell === 'open')
    .map((b) => b.textContent ?? '');

for (const shared of [false, true]) {
  describe(`two users on one page (${shared ? 'one shared QueryClient' : 'a QueryClient each'})`, () => {
    it('each sees only their own conversations, counts and drafts', async () => {
      const one = newClient();
      const clients = shared ? [one, one] : [one, newClient()];
      const storage = memoryStorage(); // one localStorage for the page
      const user = userEvent.setup();
      render(
        <>
          <Widget as="buyer" client={clients[0]!} storage={storage} conversationId="conv_1002" />
          <Widget as="seller" client={clients[1]!} storage={storage} conversationId="conv_2001" />
        </>,
      );
      const anna = screen.getByRole('region', { name: 'Anna de Vries' });
      const abc = screen.getByRole('region', { name: 'ABC Trucks' });
      await waitFor(() =>
        expect(within(anna).getByRole('grid', { name: 'Conversations' })).toHaveAttribute(
          'aria-rowcount',
          '6',
        ),
      );
      await waitFor(() =>
        expect(within(abc).getByRole('grid', { name: 'Conversations' })).not.toHaveAttribute('aria-busy'),
      );
      await waitFor(() => expect(rowNames(abc).length).toBeGreaterThan(0));
      // Anna talks to ABC Trucks; ABC Trucks sees Anna — never themselves.
      expect(rowNames(anna).some((n) => n.startsWith('ABC Trucks'))).toBe(true);
      expect(rowNames(anna).some((n) => n.startsWith('Anna de Vries'))).toBe(false);
      expect(rowNames(abc).some((n) => n.startsWith('Anna de Vries'))).toBe(true);
      expect(rowNames(abc).some((n) => n.startsWith('ABC Trucks'))).toBe(false);
      // Badges show each user's own server count.
      const [a, s] = await Promise.all([
        makeTransport('buyer').getUnreadSummary(),
        makeTransport('seller').getUnreadSummary(),
      ]);
      await waitFor(() =>
        expect(within(anna).getByText(`${a.messages} unread messages`)).toBeInTheDocument(),
      );
      await waitFor(() => expect(within(abc).getByText(`${s.messages} unread messages`)).toBeInTheDocument());
      // Drafts go to each user's own store and storage key.
      await user.type(within(anna).getByRole('textbox', { name: 'Message' }), 'anna draft');
      expect(within(abc).getByRole('textbox', { name: 'Message' })).toHaveValue('');
      await waitFor(() =>
        expect(persisted(storage, 'marketplace:usr_buyer_1').drafts).toEqual({ conv_1002: 'anna draft' }),
      );
      expect(persisted(storage, 'marketplace:usr_seller_1').text).not.toContain('anna draft');
      // Every cached query is keyed by its user's scope.
      const scopes = new Set(
        clients.flatMap((c) =>
          c
            .getQueryCache()
            .getAll()
            .map((q) => `${String(q.queryKey[0])}|${String(q.queryKey[1])}`),
        ),
      );
      expect([...scopes].sort()).toEqual([
        'inbox-kit|marketplace:usr_buyer_1',
        'inbox-kit|marketplace:usr_seller_1',
      ]);
      watch.expectClean();
    });
  });
}

describe('signing out', () => {
  it("clears that user's drafts, outbox and cache — not the other user's", async () => {
    const client = newClient();
    const storage = memoryStorage();
    storage.setItem(
      'inbox-kit:marketplace:usr_buyer_1',
      JSON.stringify({
        state: {
          drafts: { conv_1002: 'secret draft' },
          outbox: [
            {
              clientId: 'c1',
              conversationId: 'conv_1002',
              text: 'queued',
              createdAt: new Date().toISOString(),
              status: 'failed',
              error: 'x',
              retryable: false,
            },
          ],
          dismissedSuggestions: [],
        },
        version: 1,
      }),
    );
    storage.setItem(
      'inbox-kit:marketplace:usr_seller_1',
      JSON.stringify({
        state: { drafts: { conv_2001: 'seller draft' }, outbox: [], dismissedSuggestions: [] },
        version: 1,
      }),
    );
    const user = userEvent.setup();
    render(
      <>
        <Widget as="buyer" client={client} storage={storage} conversationId="conv_1002" />
        <Widget as="seller" client={client} storage={storage} conversationId="conv_2001" />
      </>,
    );
    const anna = screen.getByRole('region', { name: 'Anna de Vries' });
    const abc = screen.getByRole('region', { name: 'ABC Trucks' });
    await waitFor(() =>
      expect(within(anna).getByRole('textbox', { name: 'Message' })).toHaveValue('secret draft'),
    );
    await waitFor(() =>
      expect(within(abc).getByRole('textbox', { name: 'Message' })).toHaveValue('seller draft'),
    );
    await waitFor(() =>
      expect(
        client.getQueryCache().findAll({ queryKey: ['inbox-kit', 'marketplace:usr_buyer_1'] }).length,
      ).toBeGreaterThan(0),
    );
    await user.click(within(anna).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(within(anna).getByRole('textbox', { name: 'Message' })).toHaveValue(''));
    expect(persisted(storage, 'marketplace:usr_buyer_1').keys).toEqual([]);
    // The other user keeps everything.
    expect(within(abc).getByRole('textbox', { name: 'Message' })).toHaveValue('seller draft');
    expect(persisted(storage, 'marketplace:usr_seller_1').text).toContain('seller draft');
    expect(
      client.getQueryCache().findAll({ queryKey: ['inbox-kit', 'marketplace:usr_seller_1'] }).length,
    ).toBeGreaterThan(0);
    watch.expectClean();
  });

  it('clearPersistedData removes a scope from storage without a provider', () => {
    const storage = memoryStorage();
    storage.setItem('inbox-kit:shopmonkey:sm_user_1', '{"state":{"drafts":{"x":"y"}}}');
    storage.setItem('inbox-kit:shopmonkey:sm_user_2', '{}');
    clearPersistedData('shopmonkey:sm_user_1', storage);
    expect(storage.getItem('inbox-kit:shopmonkey:sm_user_1')).toBeNull();
    expect(storage.getItem('inbox-kit:shopmonkey:sm_user_2')).toBe('{}');
  });
});
