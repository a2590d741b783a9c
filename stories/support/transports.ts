import { createMarketplaceTransport } from '../../src/transports/marketplace';
import { createShopmonkeyTransport } from '../../src/transports/shopmonkey';
import { webSocketEvents } from '../../src/transports/webSocketEvents';
import type { MessagingTransport } from '../../src/transports/types';

/** The reference server's fixed identities, as stories and the playground use them. */
export const STORY_IDENTITIES = {
  buyer: {
    api: 'marketplace',
    id: 'usr_buyer_1',
    name: 'Anna de Vries',
    token: 'mk_buyer_1',
    label: 'Marketplace buyer (Anna de Vries)',
  },
  seller: {
    api: 'marketplace',
    id: 'usr_seller_1',
    name: 'ABC Trucks',
    token: 'mk_seller_1',
    label: 'Marketplace seller (ABC Trucks)',
  },
  staff: {
    api: 'shopmonkey',
    id: 'sm_user_1',
    name: 'Maria Lopez',
    token: 'sm_staff_1',
    label: 'Shopmonkey staff (Maria Lopez)',
  },
} as const;

/** A story identity. */
export type StoryIdentity = keyof typeof STORY_IDENTITIES;

function origin(): string {
  return typeof location !== 'undefined' && location.origin && location.origin !== 'null'
    ? location.origin
    : 'http://localhost';
}

/** An adapter for `as`, against the reference server on this page's origin (msw worker or Node server). */
export function storyTransport(as: StoryIdentity, options: { realtime?: boolean } = {}): MessagingTransport {
  const who = STORY_IDENTITIES[as];
  const getToken = () => who.token;
  const events = options.realtime
    ? webSocketEvents({ url: `${origin().replace(/^http/, 'ws')}/__mock/realtime`, getToken })
    : undefined;
  const common = { getToken, retries: 1, ...(events ? { events } : {}) };
  return who.api === 'marketplace'
    ? createMarketplaceTransport({ baseUrl: `${origin()}/v1`, ...common })
    : // The reference server keeps per-category notification config (its documented extension).
      createShopmonkeyTransport({
        baseUrl: `${origin()}/v3`,
        userId: who.id,
        notificationCategories: true,
        ...common,
      });
}
