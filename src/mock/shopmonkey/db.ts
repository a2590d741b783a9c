import type { MockIdentity } from '../identities';

/** The shopmonkey collections of the reference server. (Stub: filled in by the shopmonkey work.) */
export interface ShopmonkeyDb {
  identities(): MockIdentity[];
}

/** Creates deterministic shopmonkey seed data. */
export function createShopmonkeyDb(_options: { seed: number; size: 'small' | 'large'; now: Date }): ShopmonkeyDb {
  return { identities: () => [] };
}
