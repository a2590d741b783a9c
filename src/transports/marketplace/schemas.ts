/**
 * valibot schemas for every marketplace response the adapter reads, split by
 * verb group (`schemas/threads`, `schemas/unread`, `schemas/templates`,
 * `schemas/notifications`) so each group's verbs load only their own schemas.
 * This list gathers them for tests and tools; the adapter imports the groups.
 */
export { apiPaginationSchema, issuePath, parseWire } from './schemas/base';
export {
  apiArchivedSchema,
  apiMessageSchema,
  apiSentSchema,
  apiThreadDetailSchema,
  apiThreadListSchema,
  apiThreadSchema,
  v1ConversationListSchema,
  v1ConversationSummarySchema,
  v1MessageSchema,
  v1RealtimeSchema,
  v1SentMessageSchema,
  v1SentSchema,
  v1StartedSchema,
  v1ThreadSchema,
} from './schemas/threads';
export { apiCountSchema, v1UnreadSchema } from './schemas/unread';
export { v1TemplateCreatedSchema, v1TemplatesSchema } from './schemas/templates';
export {
  apiNotificationListSchema,
  apiNotificationReadSchema,
  apiNotificationSchema,
  apiReadAllSchema,
} from './schemas/notifications';
