/// <reference types="vite/client" />
/**
 * Real adapters for a reference-server identity. Found by folder, like the
 * components, so the playground still runs (identities, API explorer) while
 * an adapter is being written.
 */
import type { MockIdentity } from '../src/mock/identities';
import { createSseEvents } from '../src/transports/sseEvents';
import { webSocketEvents } from '../src/transports/webSocketEvents';
import type { MessagingTransport } from '../src/transports/types';

type Factory = (options: Record<string, unknown>) => MessagingTransport;
const adapters = import.meta.glob<Record<string, unknown>>(
  '../src/transports/{marketplace,shopmonkey}/index.ts',
  { eager: true },
);
const factories: Record<MockIdentity['api'], Factory | undefined> = {
  marketplace: adapters['../src/transports/marketplace/index.ts']?.createMarketplaceTransport as
    Factory | undefined,
  shopmonkey: adapters['../src/transports/shopmonkey/index.ts']?.createShopmonkeyTransport as
    Factory | undefined,
};

/** An adapter signed in as `who` against the worker on this origin, or `undefined` while that adapter does not exist. */
export function createTransport(who: MockIdentity, realtime = true): MessagingTransport | undefined {
  const factory = factories[who.api];
  if (!factory) return undefined;
  const getToken = () => who.token;
  // "Realtime via relay" (`?relay=<url of npm run mock-server -- --relay>`): events arrive as
  // Server-Sent Events from the relay instead of the reference server's WebSocket link.
  const relay = relayUrl();
  const events = !realtime
    ? undefined
    : relay
      ? createSseEvents(`${relay}/__relay/events?token=${encodeURIComponent(who.token)}`)
      : webSocketEvents({ url: `${location.origin.replace(/^http/, 'ws')}/__mock/realtime`, getToken });
  const common = { getToken, ...(events ? { events } : {}) };
  return who.api === 'marketplace'
    ? factory({ baseUrl: `${location.origin}/v1`, ...common })
    : factory({ baseUrl: `${location.origin}/v3`, userId: who.id, ...common });
}

/** The relay the page's `?relay=` names, if any. */
export function relayUrl(): string | undefined {
  const relay = new URLSearchParams(location.search).get('relay');
  return relay ? relay.replace(/\/$/, '') : undefined;
}
