import * as v from 'valibot';
import { TransportError } from '../../core/TransportError';

const nstr = v.nullish(v.string());
const nbool = v.nullish(v.boolean());

/** A `files[]` item (also the upload answer). */
export const fileSchema = v.looseObject({
  id: v.string(),
  url: v.string(),
  thumbnailUrl: nstr,
  fileSize: v.number(),
  fileType: v.string(),
  fileName: v.string(),
});

const messageEntries = {
  id: v.string(),
  metadata: v.nullish(v.record(v.string(), v.unknown())),
  createdDate: v.string(),
  updatedDate: nstr,
  text: v.string(),
  sendEmail: nbool,
  emailSubject: nstr,
  emailStatus: nstr,
  emailError: nstr,
  sendSms: nbool,
  smsStatus: nstr,
  smsError: nstr,
  authorType: v.picklist(['Customer', 'User', 'System']),
  origin: nstr,
  isOrderShare: nbool,
  orderShareType: nstr,
  customerId: nstr,
  userId: nstr,
  orderId: nstr,
  appointmentId: nstr,
  vehicleId: nstr,
  shopRead: nbool,
  internal: nbool,
  deleted: nbool,
  deletedUserId: nstr,
  deletedDate: nstr,
  deletedReason: nstr,
  suggestedReply: nstr,
  suggestedReplyState: nstr,
  requestAppointmentConfirmation: nbool,
  appointmentEvent: nstr,
  avoidSMSQuietHours: nbool,
  files: v.nullish(v.array(fileSchema)),
  orderNumber: v.nullish(v.union([v.string(), v.number()])),
  userColor: nstr,
};

/** A Message. Core fields are required; the rest tolerate `null` or absence. */
export const messageSchema = v.looseObject(messageEntries);

/** A MessageThreadMetadata row. */
export const threadSchema = v.looseObject({
  id: v.string(),
  createdDate: v.string(),
  updatedDate: nstr,
  unreadTimestamp: nstr,
  unreadMessagesCount: v.nullish(v.number()),
  important: nbool,
  archived: nbool,
  userId: v.string(),
  customerId: v.string(),
});

/** The inbox's customer (`phone`/`email` are a reference-server extension). */
export const customerSchema = v.looseObject({
  id: v.string(),
  customerType: nstr,
  firstName: nstr,
  lastName: nstr,
  companyName: nstr,
  phone: nstr,
  email: nstr,
});

/** One inbox row. */
export const inboxItemSchema = v.looseObject({
  ...messageEntries,
  customer: customerSchema,
  messageThreadMetadata: threadSchema,
  order: v.nullish(v.looseObject({ id: v.string(), number: v.union([v.number(), v.string()]) })),
});

/** A notification config entry. */
export const notificationConfigEntrySchema = v.looseObject({
  sendEmail: v.boolean(),
  sendInApp: v.boolean(),
  sendSms: v.boolean(),
  type: v.nullish(v.string()),
});

const listMetaSchema = v.looseObject({
  hasMore: v.boolean(),
  total: v.number(),
  sums: v.nullish(v.record(v.string(), v.number())),
});

/** `{success, data}` around one item. */
export function envelope<T extends v.GenericSchema>(data: T) {
  return v.looseObject({ success: v.boolean(), data });
}

/** `{success, data: [...], meta?}`. */
export function listEnvelope<T extends v.GenericSchema>(item: T) {
  return v.looseObject({ success: v.boolean(), data: v.array(item), meta: v.nullish(listMetaSchema) });
}

/** A webhook-style row change from the realtime link. */
export const rowChangeSchema = v.looseObject({
  operation: v.picklist(['INSERT', 'UPDATE', 'DELETE']),
  table: v.string(),
  data: v.unknown(),
});

/** A validated Message. */
export type ParsedMessage = v.InferOutput<typeof messageSchema>;
/** A validated inbox row. */
export type ParsedInboxItem = v.InferOutput<typeof inboxItemSchema>;
/** A validated thread metadata row. */
export type ParsedThread = v.InferOutput<typeof threadSchema>;
/** A validated file. */
export type ParsedFile = v.InferOutput<typeof fileSchema>;
/** A validated notification config entry. */
export type ParsedConfigEntry = v.InferOutput<typeof notificationConfigEntrySchema>;

/** `data[3].authorType` from a valibot issue path. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/**
 * Validates `value`; a mismatch rejects with `invalid_response` naming the
 * first bad field's path, e.g. `data[3].authorType`.
 */
export function parseWire<T extends v.GenericSchema>(
  schema: T,
  value: unknown,
  what: string,
): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issuePath(issue);
  throw new TransportError(
    'invalid_response',
    `The server sent an invalid ${what}: ${path}: ${issue.message}`,
    {
      cause: result.issues,
      fieldErrors: result.issues.slice(0, 10).map((i) => ({ field: issuePath(i), message: i.message })),
    },
  );
}
