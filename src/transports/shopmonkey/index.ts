export { createShopmonkeyTransport } from './createShopmonkeyTransport';
export type { ShopmonkeyTransportOptions } from './createShopmonkeyTransport';
export { shopmonkeyCapabilities, SHOPMONKEY_MIME_TYPES } from './capabilities';
export { toConversationId, fromConversationId } from './conversationId';
export type {
  SmAppointmentEvent,
  SmAuthorType,
  SmDeliveryStatus,
  SmFile,
  SmInboxItem,
  SmMessage,
  SmNotificationConfigEntry,
  SmOrigin,
  SmRowChange,
  SmThreadMetadata,
} from './wire';
export * from './webhooks';
export { createSseEvents } from '../sseEvents';
export type { SseEventsOptions } from '../sseEvents';
