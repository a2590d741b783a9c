/**
 * valibot schemas for every v1 marketplace response the adapter reads (and the
 * notification count both families share), split by
 * verb group (`schemas/threads`, `schemas/unread`, `schemas/templates`,
 so each group's verbs load only their own schemas.
 * This list gathers them for tests and tools; the adapter imports the groups.
 */
export { issuePath, parseWire } from './schemas/base';
export {
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
