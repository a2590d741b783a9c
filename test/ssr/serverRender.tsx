/**
 * Server rendering of every inbox-kit component, the way a Next.js-style host does it:
 * `react-dom/server` in plain Node (no `window`, no `document`), with the query cache
 * filled before the final render and dehydrated for the client.
 *
 * Data comes from the reference server (msw in Node). The queries a tree needs are found
 * by rendering it: `useQuery` registers its query in the cache during render, so we
 * render, fetch what was registered, and repeat until nothing new appears (the
 * "prepass" hosts do with `prefetchQuery` + the exported `queryOptions`).
 *
 * Used in-process by ssr.test.tsx (node environment) and as a child process by
 * hydrate.test.tsx (jsdom), which needs HTML rendered where `window` really is absent.
 */
import { QueryClient, dehydrate } from '@tanstack/react-query';
import type { DehydratedState } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MessagingProvider } from '../../src/react/MessagingProvider';
import { Inbox } from '../../src/react/components/Inbox';
import { InboxLayout } from '../../src/react/components/InboxLayout';
import { ConversationThread } from '../../src/react/components/ConversationThread';
import { Composer } from '../../src/react/components/Composer';
import { UnreadBadge } from '../../src/react/components/UnreadBadge';
import { NotificationList } from '../../src/react/components/NotificationList';
import { NotificationSettings } from '../../src/react/components/NotificationSettings';
import { createMarketplaceTransport } from '../../src/transports/marketplace';
import type { MessagingTransport } from '../../src/transports/types';

/** Anna (marketplace buyer) and her long conversation in the small seed. */
export const SSR_USER = { id: 'usr_buyer_1', name: 'Anna de Vries', token: 'mk_buyer_1' } as const;
export const SSR_CONVERSATION = 'conv_1001';

/** Every component, as a host would drop it in. */
export const SSR_CASES: Record<string, () => ReactElement> = {
  Inbox: () => <Inbox />,
  ConversationThread: () => <ConversationThread conversationId={SSR_CONVERSATION} />,
  Composer: () => <Composer conversationId={SSR_CONVERSATION} />,
  UnreadBadge: () => <UnreadBadge kind="messages" />,
  NotificationList: () => <NotificationList />,
  NotificationSettings: () => <NotificationSettings />,
  InboxLayout: () => <InboxLayout defaultValue={SSR_CONVERSATION} />,
};
export type SsrCaseName = keyof typeof SSR_CASES;

/** A transport for the reference server (msw intercepts `fetch` in both Node and jsdom). */
export function ssrTransport(): MessagingTransport {
  return createMarketplaceTransport({
    baseUrl: 'http://localhost/v1',
    getToken: () => SSR_USER.token,
    retries: 0,
  });
}

/** A QueryClient that does not refetch what the server rendered. */
export function ssrQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

/** The tree both sides render: the same props, so the same markup. */
export function ssrTree(
  name: SsrCaseName,
  transport: MessagingTransport,
  queryClient: QueryClient,
): ReactElement {
  return (
    <MessagingProvider
      transport={transport}
      currentUser={{ id: SSR_USER.id, name: SSR_USER.name }}
      queryClient={queryClient}
      pollIntervalMs={false}
    >
      {SSR_CASES[name]!()}
    </MessagingProvider>
  );
}

/** What a server render produced. */
export interface ServerRender {
  name: SsrCaseName;
  /** Markup with an empty cache (loading states). */
  emptyHtml: string;
  /** Markup with the cache filled. */
  html: string;
  /** The filled cache, for the client's `hydrate`. */
  state: DehydratedState;
  /** Queries the tree needed. */
  queries: number;
}

/** Renders one case on the server: empty first, then filled by prepasses. */
export async function renderOnServer(name: SsrCaseName): Promise<ServerRender> {
  const transport = ssrTransport();
  const emptyHtml = renderToString(ssrTree(name, transport, ssrQueryClient()));
  const queryClient = ssrQueryClient();
  let html = renderToString(ssrTree(name, transport, queryClient));
  for (let pass = 0; pass < 4; pass += 1) {
    const pending = queryClient
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.status === 'pending');
    if (pending.length === 0) break;
    await Promise.all(pending.map((q) => q.fetch().catch(() => undefined)));
    html = renderToString(ssrTree(name, transport, queryClient));
  }
  // Errors are not dehydrated by default; keep them so the client renders the same error state.
  const state = dehydrate(queryClient, { shouldDehydrateQuery: () => true });
  return {
    name,
    emptyHtml,
    html,
    state: JSON.parse(JSON.stringify(state)) as DehydratedState,
    queries: queryClient.getQueryCache().getAll().length,
  };
}
