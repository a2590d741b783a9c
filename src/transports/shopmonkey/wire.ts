/**
 * Wire shapes of the Shopmonkey v3 message API, as the documentation excerpt
 * (`shared/seeds/003_…txt`) and the seed README describe them. Fields the docs
 * mark "Required" are always present and may be `null`. These types never
 * leave the adapter: `mappers.ts` turns them into domain types. The reference
 * server builds its rows from them too.
 */

/** Who wrote a message. */
export type SmAuthorType = 'Customer' | 'User' | 'System';

/** SMS / email delivery status. */
export type SmDeliveryStatus = 'Pending' | 'Sent' | 'Delivered' | 'Read' | 'Error' | 'Unknown';

/** Where a message was written. */
export type SmOrigin = 'Web' | 'Mobile' | 'CustomerOrderPage' | 'SMS' | 'Email';

/** Appointment events a message can announce. */
export type SmAppointmentEvent =
  'Scheduled' | 'Rescheduled' | 'Reminder' | 'Confirm' | 'Canceled' | 'Acknowledgement';

/** Notification categories of the notification config. */
export type SmNotificationType = 'message' | 'appointment' | 'order' | 'payment';

/** Whether a message is a reply to one customer or part of a bulk campaign. */
export type SmMessageType = 'Transactional' | 'Marketing';

/** A file attached to a message (also what a finished `PUT /v3/blob` upload becomes). */
export interface SmFile {
  id: string;
  url: string;
  thumbnailUrl: string | null;
  fileSize: number;
  fileType: string;
  fileName: string;
}

/** Metadata about the most recent change to a row. */
export interface SmRowMeta {
  userId?: string | null;
  sessionId?: string | null;
  version?: number;
}

/** The full Message schema. */
export interface SmMessage {
  id: string;
  meta?: SmRowMeta | null;
  /** Reserved for API customers; inbox-kit stores `clientId` here. */
  metadata?: Record<string, unknown> | null;
  createdDate: string;
  updatedDate: string | null;
  locationId: string;
  companyId: string;
  text: string;
  sendEmail: boolean | null;
  emailSubject: string | null;
  emailStatus: SmDeliveryStatus | null;
  emailError: string | null;
  sendSms: boolean | null;
  smsStatus: SmDeliveryStatus | null;
  smsError: string | null;
  authorType: SmAuthorType;
  /** NOT NULL in the data model. */
  origin: SmOrigin;
  isOrderShare: boolean | null;
  orderShareType: string | null;
  customerId: string | null;
  userId: string | null;
  orderId: string | null;
  appointmentId: string | null;
  vehicleId: string | null;
  vendorId: string | null;
  shopRead: boolean | null;
  internal: boolean | null;
  detached: boolean | null;
  /** The customer's conversation; NOT NULL in the data model. */
  conversationId: string;
  /** NOT NULL in the data model. */
  deleted: boolean;
  deletedUserId: string | null;
  deletedDate: string | null;
  deletedReason: string | null;
  locationReviewRequestId: string | null;
  suggestedReply: string | null;
  suggestedReplyState: string | null;
  requestAppointmentConfirmation: boolean | null;
  appointmentEvent: SmAppointmentEvent | null;
  avoidSMSQuietHours: boolean | null;
  files: SmFile[];
  /** `Transactional` for a message written to this customer, `Marketing` for a campaign. */
  type: SmMessageType;
  /** The automated campaign that sent a `Marketing` message. */
  automatedCampaignId: string | null;
  orderNumber?: string | null;
  userColor?: string | null;
}

/** A thread between one staff user and one customer. */
export interface SmThreadMetadata {
  id: string;
  createdDate: string;
  updatedDate: string | null;
  locationId: string;
  companyId: string;
  unreadTimestamp?: string | null;
  unreadMessagesCount: number | null;
  important: boolean | null;
  archived: boolean | null;
  userId: string;
  customerId: string;
}

/**
 * The customer of an inbox item. `phone` and `email` are a reference-server
 * extension (the documented inbox customer lacks them); the adapter works
 * without them.
 */
export interface SmInboxCustomer {
  id: string;
  customerType: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  phone?: string | null;
  email?: string | null;
}

/** One row of `GET /v3/user/:id/inbox`: a thread's newest message plus context. */
export interface SmInboxItem extends SmMessage {
  customer: SmInboxCustomer;
  messageThreadMetadata: SmThreadMetadata;
  order: { id: string; number: number } | null;
}

/**
 * One entry of a user's notification config. The documented entry has the three switches only; `type`
 * (one category) is a reference-server extension, and an entry without it is the default.
 */
export interface SmNotificationConfigEntry {
  sendEmail: boolean;
  sendInApp: boolean;
  sendSms: boolean;
  type?: SmNotificationType;
}

/** A canned message of `/v3/message_template` (soft-deleted ones carry `deleted: true`). */
export interface SmMessageTemplate {
  id: string;
  createdDate: string;
  updatedDate: string | null;
  locationId: string;
  companyId: string;
  name: string;
  text: string;
  deleted: boolean;
  deletedDate: string | null;
}

/** Body of `PUT /v3/blob`, which starts an upload of `count` parts. */
export interface SmBlobStart {
  count: number;
  fileName: string;
  fileSize: number;
  fileType: string;
}

/** List metadata. */
export interface SmListMeta {
  hasMore: boolean;
  total: number;
  /** The mock's inbox fills `unreadMessagesCount` and `unreadThreads` here. */
  sums?: Record<string, number>;
}

/** `{success, data}` envelope. */
export interface SmEnvelope<T> {
  success: boolean;
  data: T;
}

/** List envelope. */
export interface SmListEnvelope<T> extends SmEnvelope<T[]> {
  meta: SmListMeta;
}

/** Body of `POST /v3/message`. */
export interface SmCreateMessageBody {
  text: string;
  customerId: string;
  sendEmail?: boolean;
  emailSubject?: string;
  sendSms?: boolean;
  isOrderShare?: boolean;
  orderShareType?: string;
  orderId?: string;
  vehicleId?: string;
  suggestedReplyState?: string;
  /** Ordered ids of files uploaded with `PUT /v3/blob`. */
  files?: string[];
  /** Creates an internal note (unconfirmed: the field exists on Message, but is not documented on create). */
  internal?: boolean;
  avoidSMSQuietHours?: boolean;
  /** `Transactional` for staff replies. */
  type?: SmMessageType;
  automatedCampaignId?: string;
  /** Customer-controlled metadata (not documented on create): inbox-kit's `clientId` and note marker. */
  metadata?: { clientId?: string } & Record<string, unknown>;
}

/** A webhook-style row change pushed over the realtime link. */
export interface SmRowChange {
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  table: 'message' | 'message_thread_metadata' | (string & {});
  data: unknown;
  diff?: Record<string, unknown>;
}
