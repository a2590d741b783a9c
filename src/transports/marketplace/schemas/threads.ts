import * as v from 'valibot';
import { envelope, nstr, num, str } from './base';

/**
 * Conversations, threads, messages and realtime payloads of the v1 family
 * (the `/api` family is read tolerantly by `api/decode` instead).
 * Required fields are the ones the excerpt's examples always carry; mock
 * extensions and fields missing from some examples are optional.
 */

const listingSchema = v.looseObject({
  id: str,
  title: str,
  thumbnail: nstr,
  price: v.nullish(num),
  status: nstr,
  url: nstr,
});

const participantSchema = v.looseObject({
  id: str,
  name: str,
  avatar: nstr,
  type: v.picklist(['buyer', 'seller']),
  verified: v.optional(v.boolean()),
  online: v.optional(v.boolean()),
});

const messageTypeSchema = v.picklist(['text', 'image', 'document', 'quick_reply']);

const lastMessageSchema = v.looseObject({
  content: str,
  sender: str,
  sent_at: str,
  read: v.boolean(),
  id: v.optional(str),
  type: v.optional(messageTypeSchema),
  has_attachments: v.optional(v.boolean()),
});

/** A row of `GET /v1/messages/conversations`. */
export const v1ConversationSummarySchema = v.looseObject({
  id: str,
  listing: listingSchema,
  participant: participantSchema,
  last_message: v.nullable(lastMessageSchema),
  unread_count: num,
  archived: v.optional(v.boolean()),
  created_at: str,
  updated_at: str,
});

const paginationSchema = v.looseObject({
  page: num,
  limit: num,
  total: num,
  has_more: v.optional(v.boolean()),
});

/** `GET /v1/messages/conversations`. */
export const v1ConversationListSchema = envelope(
  v.looseObject({
    conversations: v.array(v1ConversationSummarySchema),
    pagination: paginationSchema,
    summary: v.optional(v.looseObject({ total: num, unread: num })),
  }),
);

const attachmentSchema = v.looseObject({
  id: str,
  name: str,
  url: str,
  thumbnail_url: nstr,
  size: num,
  mime_type: str,
});

/** A message in a thread. */
export const v1MessageSchema = v.looseObject({
  id: str,
  content: str,
  sender_id: str,
  type: messageTypeSchema,
  read: v.boolean(),
  read_at: nstr,
  sent_at: str,
  attachments: v.optional(v.array(attachmentSchema)),
  template_id: nstr,
  reported: v.optional(v.boolean()),
});

/** A just-sent message: the excerpt's answer has only id, content, type and sent_at. */
export const v1SentMessageSchema = v.looseObject({
  id: str,
  content: str,
  type: v.optional(messageTypeSchema),
  sent_at: str,
  sender_id: v.optional(str),
  read: v.optional(v.boolean()),
  read_at: nstr,
  attachments: v.optional(v.array(attachmentSchema)),
  template_id: nstr,
});

const detailSchema = v.looseObject({
  id: str,
  listing: listingSchema,
  participant: participantSchema,
  archived: v.optional(v.boolean()),
  unread_count: v.optional(num),
  last_message: v.nullish(lastMessageSchema),
  created_at: v.optional(str),
  updated_at: v.optional(str),
});

/** `GET /v1/messages/conversations/:id`. */
export const v1ThreadSchema = envelope(
  v.looseObject({
    conversation: detailSchema,
    messages: v.array(v1MessageSchema),
    pagination: v.looseObject({ page: num, limit: num, total: num, has_more: v.boolean() }),
  }),
);

/** `POST /v1/messages/conversations`: the excerpt's answer is slim. */
export const v1StartedSchema = envelope(
  v.looseObject({
    conversation: v.looseObject({
      id: str,
      listing: v.looseObject({ ...listingSchema.entries, title: str }),
      participant: v.looseObject({
        ...participantSchema.entries,
        type: v.optional(v.picklist(['buyer', 'seller'])),
      }),
      archived: v.optional(v.boolean()),
      unread_count: v.optional(num),
      last_message: v.nullish(lastMessageSchema),
      created_at: str,
      updated_at: v.optional(str),
    }),
    message: v1SentMessageSchema,
  }),
);

/** `POST /v1/messages/conversations/:id`. */
export const v1SentSchema = envelope(v.looseObject({ message: v1SentMessageSchema }));

/** Realtime payloads (webhook shapes). */
export const v1RealtimeSchema = v.variant('type', [
  v.looseObject({
    type: v.literal('message.received'),
    data: v.looseObject({ conversation_id: str, message: v1MessageSchema }),
  }),
  v.looseObject({
    type: v.literal('message.read'),
    data: v.looseObject({
      conversation_id: str,
      message_ids: v.optional(v.array(str)),
      read_at: str,
      reader_id: v.optional(str),
    }),
  }),
  v.looseObject({
    type: v.literal('conversation.created'),
    data: v.looseObject({ conversation: v1ConversationSummarySchema }),
  }),
]);
