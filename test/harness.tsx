/**
 * Shared harness for component tests: a seeded reference server (msw in
 * Node), real adapters signed in as the mock identities, a fresh QueryClient
 * (retry off) and an in-memory store per test, user-event, and axe.
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createMockServer } from '../src/mock/node';
import type { MockServer } from '../src/mock/node';
import type { MockKnobs } from '../src/mock/knobs';
import { createMarketplaceTransport } from '../src/transports/marketplace';
import { createShopmonkeyTransport } from '../src/transports/shopmonkey';
import { webSocketEvents } from '../src/transports/webSocketEvents';
import type { MessagingTransport } from '../src/transports/types';
import { MessagingProvider } from '../src/react/MessagingProvider';
import { useSignOut } from '../src/react/hooks/useSignOut';
import type { MessagingProviderProps } from '../src/react/MessagingProvider';

/** The fixed identities of the reference server. */
export const IDENTITIES = {
  buyer: { api: 'marketplace', id: 'usr_buyer_1', name: 'Anna de Vries', token: 'mk_buyer_1' },
  seller: { api: 'marketplace', id: 'usr_seller_1', name: 'ABC Trucks', token: 'mk_seller_1' },
  buyer2: { api: 'marketplace', id: 'usr_buyer_2', name: 'Jan Bakker', token: 'mk_buyer_2' },
  staff: { api: 'shopmonkey', id: 'sm_user_1', name: 'Maria Lopez', token: 'sm_staff_1' },
  staff2: { api: 'shopmonkey', id: 'sm_user_2', name: 'Tom Becker', token: 'sm_staff_2' },
} as const;

/** An identity name. */
export type As = keyof typeof IDENTITIES;

/** Options for {@link makeTransport}. */
export interface MakeTransportOptions {
  /** Subscribe to the mock's realtime link. @defaultValue false */
  realtime?: boolean;
  getToken?: () => string | Promise<string>;
  onUnauthorized?: () => void;
}

/** A real adapter signed in as `as`, talking to the reference server at http://localhost. */
export function makeTransport(as: As, options: MakeTransportOptions = {}): MessagingTransport {
  const who = IDENTITIES[as];
  const getToken = options.getToken ?? (() => who.token);
  const events = options.realtime
    ? webSocketEvents({ url: 'ws://localhost/__mock/realtime', getToken })
    : undefined;
  const common = {
    getToken,
    retries: 0,
    retryDelayMs: 1,
    ...(events ? { events } : {}),
    ...(options.onUnauthorized ? { onUnauthorized: options.onUnauthorized } : {}),
  };
  return who.api === 'marketplace'
    ? createMarketplaceTransport({ baseUrl: 'http://localhost/v1', ...common })
    : // The reference server keeps per-category notification config (its documented extension).
      createShopmonkeyTransport({
        baseUrl: 'http://localhost/v3',
        userId: who.id,
        notificationCategories: true,
        ...common,
      });
}

/**
 * Starts a reference server for the calling test file: listening before all
 * tests, reset (seed data and per-test handlers) after each, closed at the end.
 * Auto-reply and delivery delays are off unless a test turns them on.
 */
export function setupMockServer(knobs: Partial<MockKnobs> = {}): MockServer {
  const mock = createMockServer({ seed: 1, knobs: { autoReply: false, deliveryDelayMs: 50, ...knobs } });
  const initial = { ...mock.ctx.knobs };
  beforeAll(() => mock.listen());
  afterEach(() => {
    mock.reset();
    Object.assign(mock.ctx.knobs, initial);
  });
  afterAll(() => mock.close());
  return mock;
}

/** An in-memory StateStorage, so persisted drafts can be checked across "reloads". */
export function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** Options for {@link renderWithInbox}. */
export interface RenderWithInboxOptions extends MakeTransportOptions {
  as?: As;
  transport?: MessagingTransport;
  queryClient?: QueryClient;
  storage?: StateStorage;
  provider?: Partial<Omit<MessagingProviderProps, 'children'>>;
}

/** Renders `ui` inside a MessagingProvider wired to the reference server. */
export function renderWithInbox(ui: ReactElement, options: RenderWithInboxOptions = {}) {
  const as = options.as ?? 'buyer';
  const who = IDENTITIES[as];
  const transport = options.transport ?? makeTransport(as, options);
  const queryClient =
    options.queryClient ??
    new QueryClient({
      defaultOptions: {
        queries: { retry: false, staleTime: 0, gcTime: Infinity },
        mutations: { retry: false },
      },
    });
  const storage = options.storage ?? memoryStorage();
  const user = userEvent.setup();
  const wrap = (node: ReactElement) => (
    <MessagingProvider
      transport={transport}
      currentUser={{ id: who.id, name: who.name }}
      queryClient={queryClient}
      storage={storage}
      pollIntervalMs={false}
      {...options.provider}
    >
      {node}
    </MessagingProvider>
  );
  const result: RenderResult = render(wrap(ui));
  return {
    ...result,
    user,
    transport,
    queryClient,
    storage,
    who,
    rerenderInbox: (next: ReactElement) => result.rerender(wrap(next)),
  };
}

/**
 * Runs axe-core on a container. Rules jsdom cannot judge (colour contrast,
 * which needs layout) run in real Chromium in the e2e suite instead.
 */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: {
      'color-contrast': { enabled: false },
      region: { enabled: false },
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
    },
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** A host's sign-out button: `useSignOut()` on click. */
export function SignOutButton() {
  const signOut = useSignOut();
  return (
    <button type="button" onClick={() => void signOut()}>
      Sign out
    </button>
  );
}

/** What a user's persisted inbox state holds in `storage` (one key per draft and outbox entry). */
export function persisted(
  storage: StateStorage,
  scope = 'marketplace:usr_buyer_1',
): { drafts: Record<string, string>; outbox: Array<Record<string, unknown>>; keys: string[]; text: string } {
  const data = (storage as { data?: Map<string, string> }).data;
  if (!data) throw new Error('persisted() reads a memoryStorage()');
  const prefix = `inbox-kit:${scope}/`;
  const drafts: Record<string, string> = {};
  const outbox: Array<Record<string, unknown>> = [];
  const keys: string[] = [];
  for (const [k, v] of data) {
    if (k !== `inbox-kit:${scope}` && !k.startsWith(prefix)) continue;
    keys.push(k);
    if (k.startsWith(`${prefix}draft/`)) drafts[k.slice(prefix.length + 6)] = v;
    if (k.startsWith(`${prefix}outbox/`)) outbox.push(JSON.parse(v) as Record<string, unknown>);
  }
  return { drafts, outbox, keys, text: keys.map((k) => data.get(k)).join('\n') };
}
