export { createMarketplaceTransport } from './createMarketplaceTransport';
export type { MarketplaceTransportOptions } from './createMarketplaceTransport';
export type {
  ApiAttachment,
  ApiAuthTokens,
  ApiImage,
  ApiMessage,
  ApiNotification,
  ApiPaged,
  ApiPagination,
  ApiThread,
  ApiThreadDetail,
  ApiUserRef,
  V1Attachment,
  V1ConversationDetail,
  V1ConversationList,
  V1ConversationSummary,
  V1ConversationThread,
  V1LastMessage,
  V1Listing,
  V1MarkReadResult,
  V1Message,
  V1MessageType,
  V1Pagination,
  V1Participant,
  V1RealtimePayload,
  V1Report,
  V1SentMessage,
  V1StartedConversation,
  V1Template,
  V1TemplateCategory,
  V1UnreadCounts,
  WireEnvelope,
} from './wire';
export { createSseEvents } from '../sseEvents';
export type { SseEventsOptions } from '../sseEvents';
export { createMarketplaceSession } from './session';
export type {
  MarketplaceSession,
  MarketplaceSessionOptions,
  MarketplaceSessionTokens,
  MarketplaceSessionUser,
} from './session';
