import type { MockIdentity } from '../identities';

/** The marketplace collections of the reference server. (Stub: filled in by the marketplace work.) */
export interface MarketplaceDb {
  identities(): MockIdentity[];
}

/** Creates deterministic marketplace seed data. */
export function createMarketplaceDb(_options: { seed: number; size: 'small' | 'large'; now: Date }): MarketplaceDb {
  return { identities: () => [] };
}
