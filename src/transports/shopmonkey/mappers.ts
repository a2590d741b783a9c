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
  Template,
} from '../../core/types';
import type { SmNotificationConfigEntry, SmNotificationType } from './wire';
import type {
  DecodedConfigEntry as ParsedConfigEntry,
  DecodedCustomer,
  DecodedFile as ParsedFile,
  DecodedInboxItem as ParsedInboxItem,
  DecodedMessage as ParsedMessage,
  DecodedTemplate,
} from './decode';
import { parseTemplateVariables } from '../../core/templates';
import { toConversationId } from './conversationId';

/** Options the message mapper needs. */
export interface MapMessageOptions {
  /** Shop quiet hours `[start, end)`, local hours, to flag held SMS as `scheduled`. */
  quietHours: [number, number];
  /**
   * Whether a row meant as an internal note was not confirmed internal by the server (see
   * {@link isUnverifiedNote}); such a row is shown as a note with a warning.
   */
  unverifiedNote?: (m: ParsedMessage) => boolean;
}

/** The `metadata` marker inbox-kit puts on notes it creates, so a note the server made public is recognisable. */
export const NOTE_MARKER = 'inboxKitNote';

/**
 * Whether a row is plainly an internal note: `internal: true` and nothing sent by SMS or email. A note
 * that comes back otherwise may have reached the customer.
 */
export function isPlainlyInternal(m: ParsedMessage): boolean {
  return m.internal === true && !m.sendSms && !m.sendEmail && !m.smsStatus && !m.emailStatus;
}

/** A row inbox-kit created as a note (marker in `metadata`) that the server did not keep internal. */
export function isUnverifiedNote(m: ParsedMessage): boolean {
  return m.metadata?.[NOTE_MARKER] === true && !isPlainlyInternal(m);
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
    name: f.fileName ?? f.id,
    url: f.url,
    ...(f.thumbnailUrl ? { thumbnailUrl: f.thumbnailUrl } : {}),
    size: f.fileSize ?? 0,
    mimeType: f.fileType || 'application/octet-stream',
  };
}

function kindOf(m: ParsedMessage, unverifiedNote: boolean): MessageKind {
  if (m.internal || unverifiedNote) return 'note';
  if (m.authorType === 'System') return 'system';
  const files = m.files ?? [];
  if (!files.length) return 'text';
  return files.every((f) => (f.fileType ?? '').startsWith('image/')) ? 'image' : 'document';
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

function extrasOf(m: ParsedMessage, unverifiedNote: boolean): MessageExtras | undefined {
  const x: MessageExtras = {};
  if (m.type === 'Marketing')
    x.marketing = m.automatedCampaignId ? { campaignId: m.automatedCampaignId } : {};
  if (unverifiedNote) x.noteUnverified = true;
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
  const unverified = (options.unverifiedNote ?? isUnverifiedNote)(m);
  const extras = extrasOf(m, unverified);
  return {
    id: m.id,
    conversationId,
    senderId: senderOf(m),
    direction: incoming ? 'incoming' : 'outgoing',
    kind: kindOf(m, unverified),
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
export function customerName(c: DecodedCustomer): string {
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
  // `phone`/`email` on the inbox customer are a reference-server extension: without them the composer
  // offers both channels and the server reports a delivery error if the customer cannot be reached.
  const ext = c as DecodedCustomer & { phone?: unknown; email?: unknown };
  const counterpart: Participant = {
    id: c.id,
    name: customerName(c),
    role: 'customer',
    ...(ext.phone === null || typeof ext.phone === 'string' ? { hasPhone: !!ext.phone } : {}),
    ...(ext.email === null || typeof ext.email === 'string' ? { hasEmail: !!ext.email } : {}),
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
    createdAt: meta.createdDate ?? item.createdDate,
    updatedAt:
      item.createdDate > (meta.updatedDate ?? '') ? item.createdDate : (meta.updatedDate ?? item.createdDate),
  };
}

/** A canned message (`/v3/message_template`) → a template; Shopmonkey has no categories. */
export function mapTemplate(t: DecodedTemplate): Template {
  return {
    id: t.id,
    name: t.name,
    category: 'other',
    content: t.text,
    variables: parseTemplateVariables(t.text),
  };
}

const CATEGORIES: readonly SmNotificationType[] = ['message', 'appointment', 'order', 'payment'];
const toChannels = (e: ParsedConfigEntry): ChannelPreferences => ({
  email: e.sendEmail,
  sms: e.sendSms,
  inApp: e.sendInApp,
});

/**
 * Config array → preferences. The entry without `type` is the default; without one, everything is off.
 * Typed entries are the reference server's extension and are read only when `categories` is on.
 */
export function mapPreferences(entries: ParsedConfigEntry[], categories = true): NotificationPreferences {
  const def = entries.find((e) => !e.type);
  const prefs: NotificationPreferences = {
    default: def ? toChannels(def) : { email: false, sms: false, inApp: false },
    categories: {},
  };
  if (!categories) return prefs;
  for (const e of entries) {
    if (e.type && (CATEGORIES as readonly string[]).includes(e.type))
      prefs.categories[e.type as SmNotificationType] = toChannels(e);
  }
  return prefs;
}

/**
 * Preferences → the whole config array `PUT` expects (default first). With `categories` off, the
 * documented shape: the default entry, followed by any other entries the server sent (`keep`), unchanged,
 * since `PUT` replaces the whole array.
 */
export function toConfigEntries(
  prefs: NotificationPreferences,
  categories = true,
  keep: ParsedConfigEntry[] = [],
): SmNotificationConfigEntry[] {
  const entry = (c: ChannelPreferences) => ({ sendEmail: c.email, sendInApp: c.inApp, sendSms: c.sms });
  const out: SmNotificationConfigEntry[] = [entry(prefs.default)];
  if (!categories) {
    for (const e of keep)
      if (e.type)
        out.push({
          type: e.type as SmNotificationType,
          sendEmail: e.sendEmail,
          sendInApp: e.sendInApp,
          sendSms: e.sendSms,
        });
    return out;
  }
  for (const type of CATEGORIES) {
    const c = prefs.categories[type];
    if (c) out.push({ type, ...entry(c) });
  }
  return out;
}
