import type { SmMessage } from '../../transports/shopmonkey/wire';
import type { ShopmonkeyDb } from './db';

/** The fields a caller sets; everything else gets the schema's null/false default. */
export type MessageFields = Partial<SmMessage> & Pick<SmMessage, 'text' | 'authorType' | 'createdDate'>;

/**
 * Builds a row carrying the full Message schema of the docs (every field,
 * `null` where unset), with a fresh id and the staff author's `userColor`.
 */
export function messageRow(db: ShopmonkeyDb, fields: MessageFields): SmMessage {
  const isCustomer = fields.authorType === 'Customer';
  const author = fields.userId ? db.users.get(fields.userId) : undefined;
  const order = fields.orderId ? db.orders.get(fields.orderId) : undefined;
  const id = fields.id ?? db.nextId('sm_msg');
  return {
    id,
    meta: { userId: fields.userId ?? null, sessionId: null, version: 1 },
    metadata: null,
    updatedDate: null,
    locationId: db.locationId,
    companyId: db.companyId,
    sendEmail: isCustomer ? null : false,
    emailSubject: null,
    emailStatus: null,
    emailError: null,
    sendSms: isCustomer ? null : false,
    smsStatus: null,
    smsError: null,
    origin: 'Web',
    isOrderShare: false,
    orderShareType: null,
    customerId: null,
    userId: null,
    orderId: null,
    appointmentId: null,
    vehicleId: null,
    vendorId: null,
    shopRead: isCustomer ? true : null,
    internal: isCustomer ? null : false,
    detached: false,
    // NOT NULL in the data model: the customer's conversation (Shopmonkey keeps one per customer).
    conversationId: `sm_conv_${fields.customerId ?? 'none'}`,
    deleted: false,
    deletedUserId: null,
    deletedDate: null,
    deletedReason: null,
    locationReviewRequestId: null,
    suggestedReply: null,
    suggestedReplyState: null,
    requestAppointmentConfirmation: false,
    appointmentEvent: null,
    avoidSMSQuietHours: false,
    files: [],
    type: 'Transactional',
    automatedCampaignId: null,
    orderNumber: order ? String(order.number) : null,
    userColor: author?.color ?? null,
    ...fields,
  };
}
