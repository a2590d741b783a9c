import type {
  SmFile,
  SmMessage,
  SmMessageType,
  SmOrigin,
  SmThreadMetadata,
} from '../../transports/shopmonkey/wire';
import type { MockContext } from '../context';
import type { SmUser } from './db';
import { messageRow } from './messageRow';
import { inQuietHours } from './quietHours';
import { publishMessageChange, publishThreadChange, updateMessage } from './rowChanges';

/** Readable delivery errors the mock reports. */
export const DELIVERY_ERRORS = {
  noPhone: 'This customer has no mobile phone number on file, so the SMS could not be sent.',
  noEmail: 'This customer has no email address on file, so the email could not be sent.',
} as const;

/** A validated `POST /v3/message` body. */
export interface StaffMessageInput {
  text: string;
  customerId: string;
  sendSms: boolean;
  sendEmail: boolean;
  emailSubject: string | null;
  internal: boolean;
  isOrderShare: boolean;
  orderShareType: string | null;
  orderId: string | null;
  vehicleId: string | null;
  suggestedReplyState: string | null;
  avoidSMSQuietHours: boolean;
  type: SmMessageType;
  automatedCampaignId: string | null;
  files: SmFile[];
  metadata: Record<string, unknown> | null;
}

const AUTO_REPLIES: Array<[string, string | null]> = [
  ['Thanks! Sounds good.', 'You are welcome — see you soon!'],
  ['Great, what time can I pick it up?', 'Any time before 6pm works.'],
  ['Perfect, thank you.', null],
  ['Can you send me the invoice by email?', 'Sure, I will email it right away.'],
];

/**
 * Stores a staff message and runs its side effects: thread metadata, the
 * SMS/email delivery simulation (Pending → Sent → Delivered, held during
 * quiet hours, Error without a phone/email), realtime row changes and the
 * customer auto-reply.
 */
export function createStaffMessage(ctx: MockContext, user: SmUser, input: StaffMessageInput): SmMessage {
  const db = ctx.db.shopmonkey;
  const customer = db.customers.get(input.customerId)!;
  const now = ctx.knobs.now().toISOString();
  const external = !input.internal;
  const sms = external && input.sendSms;
  const email = external && input.sendEmail;
  const message = messageRow(db, {
    authorType: 'User',
    userId: user.id,
    customerId: customer.id,
    createdDate: now,
    text: input.text,
    origin: 'Web',
    internal: input.internal,
    sendSms: external ? input.sendSms : false,
    sendEmail: external ? input.sendEmail : false,
    emailSubject: input.emailSubject,
    smsStatus: sms ? (customer.phone ? 'Pending' : 'Error') : null,
    smsError: sms && !customer.phone ? DELIVERY_ERRORS.noPhone : null,
    emailStatus: email ? (customer.email ? 'Pending' : 'Error') : null,
    emailError: email && !customer.email ? DELIVERY_ERRORS.noEmail : null,
    isOrderShare: input.isOrderShare,
    orderShareType: input.orderShareType,
    orderId: input.orderId,
    vehicleId: input.vehicleId,
    suggestedReplyState: input.suggestedReplyState,
    avoidSMSQuietHours: input.avoidSMSQuietHours,
    type: input.type,
    automatedCampaignId: input.automatedCampaignId,
    files: input.files,
    metadata: input.metadata,
  });
  db.insertMessage(message);

  let thread = db.threadFor(user.id, customer.id);
  if (!thread) {
    thread = {
      id: db.nextId('sm_mtm'),
      createdDate: now,
      updatedDate: now,
      locationId: db.locationId,
      companyId: db.companyId,
      unreadTimestamp: null,
      unreadMessagesCount: 0,
      important: false,
      archived: false,
      userId: user.id,
      customerId: customer.id,
    };
    db.threads.set(thread.id, thread);
    publishThreadChange(ctx, 'INSERT', thread);
  } else {
    thread.updatedDate = now;
  }
  publishMessageChange(ctx, 'INSERT', message);

  if (message.smsStatus === 'Pending') scheduleDelivery(ctx, message.id, 'sms');
  if (message.emailStatus === 'Pending') scheduleDelivery(ctx, message.id, 'email');
  if (external && ctx.knobs.autoReply) {
    const origin: SmOrigin = sms ? 'SMS' : email ? 'Email' : 'CustomerOrderPage';
    ctx.schedule(() => {
      if (!ctx.db.shopmonkey.customers.has(customer.id)) return;
      const n = (ctx.db.shopmonkey.messagesByCustomer.get(customer.id)?.length ?? 0) % AUTO_REPLIES.length;
      const [text, suggestedReply] = AUTO_REPLIES[n]!;
      createCustomerMessage(ctx, customer.id, { text, origin, suggestedReply });
    }, ctx.knobs.autoReplyDelayMs);
  }
  return message;
}

/** Stores a customer's message: every thread of that customer gets an unread, un-archives, and hears about it. */
export function createCustomerMessage(
  ctx: MockContext,
  customerId: string,
  fields: { text: string; origin: SmOrigin; suggestedReply?: string | null },
): SmMessage {
  const db = ctx.db.shopmonkey;
  const now = ctx.knobs.now().toISOString();
  const message = messageRow(db, {
    authorType: 'Customer',
    customerId,
    createdDate: now,
    text: fields.text,
    origin: fields.origin,
    shopRead: false,
    suggestedReply: fields.suggestedReply ?? null,
  });
  db.insertMessage(message);
  for (const t of db.threadsOfCustomer(customerId)) bumpUnread(ctx, t, now);
  publishMessageChange(ctx, 'INSERT', message);
  return message;
}

function bumpUnread(ctx: MockContext, thread: SmThreadMetadata, now: string): void {
  const before = { unreadMessagesCount: thread.unreadMessagesCount, archived: thread.archived };
  thread.unreadMessagesCount = (thread.unreadMessagesCount ?? 0) + 1;
  thread.unreadTimestamp ??= now;
  thread.archived = false;
  thread.updatedDate = now;
  publishThreadChange(ctx, 'UPDATE', thread, {
    unreadMessagesCount: [before.unreadMessagesCount, thread.unreadMessagesCount],
    ...(before.archived ? { archived: [true, false] } : {}),
  });
}

/**
 * Moves one channel Pending → Sent → Delivered, one `deliveryDelayMs` per
 * step. An SMS with `avoidSMSQuietHours` waits (re-checking every step) while
 * `knobs.now()` is inside the quiet hours.
 */
function scheduleDelivery(ctx: MockContext, messageId: string, channel: 'sms' | 'email'): void {
  const key = channel === 'sms' ? 'smsStatus' : 'emailStatus';
  const step = () => {
    const message = ctx.db.shopmonkey.messages.get(messageId);
    if (!message) return;
    const status = message[key];
    if (channel === 'sms' && status === 'Pending' && message.avoidSMSQuietHours && inQuietHours(ctx.knobs)) {
      ctx.schedule(step, Math.max(10, ctx.knobs.deliveryDelayMs));
      return;
    }
    const next = status === 'Pending' ? 'Sent' : status === 'Sent' ? 'Delivered' : undefined;
    if (!next) return;
    const diff = updateMessage(ctx, message, { [key]: next });
    publishMessageChange(ctx, 'UPDATE', message, diff);
    if (next === 'Sent') ctx.schedule(step, ctx.knobs.deliveryDelayMs);
  };
  ctx.schedule(step, ctx.knobs.deliveryDelayMs);
}
