import type {
  Attachment,
  ChannelDelivery,
  ChannelPreferences,
  Conversation,
  DeliveryStatus,
  Message,
  MessageExtras,
  MessageKind,
  NotificationPreferences,
  Participant,
} from '../../core/types';
import type { SmNotificationConfigEntry, SmNotificationType } from './wire';
import type { ParsedConfigEntry, ParsedFile, ParsedInboxItem, ParsedMessage } from './schemas';
import { toConversationId } from './conversationId';

/** Options the message mapper needs. */
export interface MapMessageOptions {
  /** Shop quiet hours `[start, end)`, local hours, to flag held SMS as `scheduled`. */
  quietHours: [number, number];
}

const ORIGINS: Record<string, NonNullable<MessageExtras['origin']>> = {
  Web: 'web',
  Mobile: 'mobile',
  CustomerOrderPage: 'customer_order_page',
  SMS: 'sms',
  Email: 'email',
};
const STATUSES: Record<string, DeliveryStatus> = {
  Pending: 'pending',
  Sent: 'sent',
  Delivered: 'delivered',
  Read: 'read',
  Error: 'error',
  Unknown: 'unknown',
};

/** A wire file → an attachment. */
export function mapFile(f: ParsedFile): Attachment {
  return {
    id: f.id,
    name: f.fileName,
    url: f.url,
    ...(f.thumbnailUrl ? { thumbnailUrl: f.thumbnailUrl } : {}),
    size: f.fileSize,
    mimeType: f.fileType,
  };
}

function kindOf(m: ParsedMessage): MessageKind {
  if (m.internal) return 'note';
  if (m.authorType === 'System') return 'system';
  const files = m.files ?? [];
  if (!files.length) return 'text';
  return files.every((f) => f.fileType.startsWith('image/')) ? 'image' : 'document';
}

function inQuietHours(iso: string, [start, end]: [number, number]): boolean {
  const h = new Date(iso).getHours();
  if (start === end) return false;
  return start < end ? h >= start && h < end : h >= start || h < end;
}

function channel(
  send: boolean | null | undefined,
  status: string | null | undefined,
  error: string | null | undefined,
): ChannelDelivery | undefined {
  if (!send && !status) return undefined;
  return {
    status: (status && STATUSES[status]) || (send ? 'pending' : 'unknown'),
    ...(error ? { error } : {}),
  };
}

/** Who sent a message: the customer's id, the staff user's id, or `system`. */
export function senderOf(m: ParsedMessage): string {
  if (m.authorType === 'Customer') return m.customerId ?? 'customer';
  if (m.authorType === 'System') return 'system';
  return m.userId ?? 'staff';
}

function extrasOf(m: ParsedMessage): MessageExtras | undefined {
  const x: MessageExtras = {};
  if (m.origin && ORIGINS[m.origin]) x.origin = ORIGINS[m.origin];
  if (m.emailSubject) x.emailSubject = m.emailSubject;
  if (m.vehicleId) x.vehicleId = m.vehicleId;
  if (m.isOrderShare && m.orderId) {
    x.orderShare = {
      orderId: m.orderId,
      ...(m.orderNumber != null ? { orderNumber: String(m.orderNumber) } : {}),
      ...(m.orderShareType ? { type: m.orderShareType } : {}),
    };
  }
  if (m.appointmentEvent || m.appointmentId || m.requestAppointmentConfirmation) {
    x.appointment = {
      ...(m.appointmentId ? { id: m.appointmentId } : {}),
      ...(m.appointmentEvent ? { event: m.appointmentEvent } : {}),
      confirmationRequested: !!m.requestAppointmentConfirmation,
    };
  }
  if (m.suggestedReply)
    x.suggestedReply = {
      text: m.suggestedReply,
      ...(m.suggestedReplyState ? { state: m.suggestedReplyState } : {}),
    };
  if (m.userColor && m.authorType === 'User') x.authorColor = m.userColor;
  if (m.deletedUserId) x.deletedBy = m.deletedUserId;
  if (m.deletedReason) x.deletedReason = m.deletedReason;
  if (m.avoidSMSQuietHours) x.avoidQuietHours = true;
  return Object.keys(x).length ? x : undefined;
}

/**
 * A wire Message → a domain message. Customer messages are incoming (read =
 * `shopRead`); staff and System messages are outgoing (read when a channel
 * reports `Read`). Internal notes are kind `note`, System ones `system`.
 */
export function mapMessage(m: ParsedMessage, conversationId: string, options: MapMessageOptions): Message {
  const incoming = m.authorType === 'Customer';
  const sms = channel(m.sendSms, m.smsStatus, m.smsError);
  if (
    sms &&
    sms.status === 'pending' &&
    m.avoidSMSQuietHours &&
    inQuietHours(m.createdDate, options.quietHours)
  )
    sms.scheduled = true;
  const email = channel(m.sendEmail, m.emailStatus, m.emailError);
  const clientId = m.metadata?.clientId;
  const extras = extrasOf(m);
  return {
    id: m.id,
    conversationId,
    senderId: senderOf(m),
    direction: incoming ? 'incoming' : 'outgoing',
    kind: kindOf(m),
    text: m.text,
    attachments: (m.files ?? []).map(mapFile),
    sentAt: m.createdDate,
    read: incoming ? m.shopRead !== false : m.smsStatus === 'Read' || m.emailStatus === 'Read',
    ...(sms || email ? { delivery: { ...(sms ? { sms } : {}), ...(email ? { email } : {}) } } : {}),
    ...(m.deleted ? { deleted: true } : {}),
    ...(typeof clientId === 'string' ? { clientId } : {}),
    ...(incoming ? {} : { status: 'sent' as const }),
    ...(extras ? { extras } : {}),
  };
}

/** The customer's display name: company name, or first and last name. */
export function customerName(c: ParsedInboxItem['customer']): string {
  const person = [c.firstName, c.lastName].filter(Boolean).join(' ').trim();
  if (c.customerType === 'Company' && c.companyName) return c.companyName;
  return person || c.companyName || 'Customer';
}

/** An inbox row → a conversation (one per thread metadata). */
export function mapInboxItem(item: ParsedInboxItem, options: MapMessageOptions): Conversation {
  const meta = item.messageThreadMetadata;
  const c = item.customer;
  const id = toConversationId(meta.id, c.id);
  const unread = meta.unreadMessagesCount ?? 0;
  const last = mapMessage(item, id, options);
  const counterpart: Participant = {
    id: c.id,
    name: customerName(c),
    role: 'customer',
    ...(c.phone !== undefined ? { hasPhone: !!c.phone } : {}),
    ...(c.email !== undefined ? { hasEmail: !!c.email } : {}),
  };
  return {
    id,
    ...(item.order
      ? {
          subject: {
            kind: 'order' as const,
            id: item.order.id,
            title: `Order #${item.order.number}`,
            number: String(item.order.number),
          },
        }
      : {}),
    counterpart,
    lastMessage: {
      id: last.id,
      text: last.text,
      senderId: last.senderId,
      sentAt: last.sentAt,
      read: last.direction === 'incoming' ? unread === 0 : true,
      hasAttachments: last.attachments.length > 0,
      ...(last.deleted ? { deleted: true } : {}),
      kind: last.kind,
    },
    unreadCount: unread,
    archived: !!meta.archived,
    important: !!meta.important,
    myRole: 'staff',
    createdAt: meta.createdDate,
    updatedAt:
      item.createdDate > (meta.updatedDate ?? '') ? item.createdDate : (meta.updatedDate ?? item.createdDate),
  };
}

const CATEGORIES: readonly SmNotificationType[] = ['message', 'appointment', 'order', 'payment'];
const toChannels = (e: ParsedConfigEntry): ChannelPreferences => ({
  email: e.sendEmail,
  sms: e.sendSms,
  inApp: e.sendInApp,
});

/** Config array → preferences. The entry without `type` is the default; without one, everything is off. */
export function mapPreferences(entries: ParsedConfigEntry[]): NotificationPreferences {
  const def = entries.find((e) => !e.type);
  const prefs: NotificationPreferences = {
    default: def ? toChannels(def) : { email: false, sms: false, inApp: false },
    categories: {},
  };
  for (const e of entries) {
    if (e.type && (CATEGORIES as readonly string[]).includes(e.type))
      prefs.categories[e.type as SmNotificationType] = toChannels(e);
  }
  return prefs;
}

/** Preferences → the whole config array `PUT` expects (default first). */
export function toConfigEntries(prefs: NotificationPreferences): SmNotificationConfigEntry[] {
  const entry = (c: ChannelPreferences) => ({ sendEmail: c.email, sendInApp: c.inApp, sendSms: c.sms });
  const out: SmNotificationConfigEntry[] = [entry(prefs.default)];
  for (const type of CATEGORIES) {
    const c = prefs.categories[type];
    if (c) out.push({ type, ...entry(c) });
  }
  return out;
}
