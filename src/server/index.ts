/**
 * `inbox-kit/server`: a realtime relay for Node ≥ 20 on Web-standard
 * `Request`/`Response`. Backend events and Shopmonkey webhooks go in; each
 * user's browser receives its own events over Server-Sent Events.
 */
export { createRelay } from './relay';
export type { Relay, RelayEvent, RelayOptions, ShopmonkeyRecipient, ShopmonkeyWebhookOptions } from './relay';
export { createMemoryBroker } from './broker';
export type { MemoryBrokerOptions, RelayBacklog, RelayBroker, RelayEntry } from './broker';
export type { EventId } from './ids';
export { toNodeHandler } from './node';
export type { FetchHandler } from './node';
