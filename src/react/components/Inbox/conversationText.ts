import type { Conversation, Participant } from '../../../core/types';
import { formatListTime, formatMoney } from '../../../core/dates';
import type { Translate } from '../../strings/format';
import type { StringKey } from '../../strings/en';

/** What a row needs to know to describe itself. */
export interface RowTextContext {
  t: Translate;
  /** BCP 47 tag for times and prices. */
  locale: string;
  currentUserId: string | undefined;
  now?: Date;
}

const ROLE_KEYS: Record<string, StringKey> = {
  buyer: 'roleBuyer',
  seller: 'roleSeller',
  customer: 'roleCustomer',
  staff: 'roleStaff',
};
const STATUS_KEYS: Record<string, StringKey> = {
  active: 'listingStatusActive',
  sold: 'listingStatusSold',
  reserved: 'listingStatusReserved',
};

/** The counterpart's role as shown in a row ("Seller"); empty when the backend does not say. */
export function roleLabel(c: Conversation, t: Translate): string {
  const role = c.counterpart.role;
  if (!role) return '';
  const key = ROLE_KEYS[role];
  return key ? t(key) : role;
}

/**
 * The sender prefix in a row's name: a person's first name ("Alice" for
 * "Alice Chen"); sellers are often companies ("Van Centrum BV"), so they keep
 * the full name.
 */
export function shortName(participant: Participant): string {
  if (participant.role === 'seller') return participant.name;
  return participant.name.trim().split(/\s+/)[0] ?? participant.name;
}

/** The last-message preview text, with placeholders for deleted messages and bare attachments. */
export function previewText(c: Conversation, ctx: RowTextContext): { text: string; own: boolean } {
  const m = c.lastMessage;
  if (!m) return { text: '', own: false };
  const own = !!ctx.currentUserId && m.senderId === ctx.currentUserId;
  let text: string;
  if (m.deleted) text = ctx.t('previewDeleted');
  else if (m.text.trim()) text = m.text.replace(/\s+/g, ' ').trim();
  else if (m.hasAttachments) text = m.kind === 'image' ? ctx.t('previewImage') : ctx.t('previewAttachment');
  else text = '';
  return { text, own };
}

/** The preview line as shown: "You: …" for own messages. */
export function visiblePreview(c: Conversation, ctx: RowTextContext): string {
  const { text, own } = previewText(c, ctx);
  return own && text ? ctx.t('previewYou', { text }) : text;
}

/**
 * The preview as a row shows it, and the hidden prefix its accessible name adds:
 * the sender's first name for the counterpart's messages ("Alice: "); own messages
 * already read "You: …" visibly.
 */
export function previewParts(c: Conversation, ctx: RowTextContext): { visible: string; prefix: string } {
  const { text, own } = previewText(c, ctx);
  if (!text) return { visible: '', prefix: '' };
  if (own) return { visible: ctx.t('previewYou', { text }), prefix: '' };
  const fromCounterpart = c.lastMessage?.senderId === c.counterpart.id;
  return { visible: text, prefix: fromCounterpart ? `${shortName(c.counterpart)}: ` : '' };
}

/** The row time, compact and locale-aware (time today, weekday this week, date otherwise). */
export function rowTime(c: Conversation, ctx: RowTextContext): string {
  const iso = c.lastMessage?.sentAt ?? c.updatedAt;
  if (!iso || Number.isNaN(Date.parse(iso))) return ''; // an unreadable time must not take the row down
  return formatListTime(iso, ctx.now ?? new Date(), ctx.locale);
}

/**
 * The conversation button's accessible name (docs/accessibility.md §2):
 * "Alice Chen, 3 unread, Alice: See you at 5, 10:42". Badge digits are hidden
 * from the accessibility tree; the count lives here.
 */
export function conversationName(c: Conversation, ctx: RowTextContext): string {
  const parts = [c.counterpart.name];
  if (c.unreadCount > 0) parts.push(ctx.t.plural('unreadCount', c.unreadCount));
  const { text, own } = previewText(c, ctx);
  if (text) {
    if (own) parts.push(ctx.t('previewYou', { text }));
    else if (c.lastMessage?.senderId === c.counterpart.id) parts.push(`${shortName(c.counterpart)}: ${text}`);
    else parts.push(text);
  }
  const time = rowTime(c, ctx);
  if (time) parts.push(time);
  return parts.join(', ');
}

/** Subject line parts: listing title, price, status; or customer order number and vehicle. */
export function subjectParts(
  c: Conversation,
  ctx: RowTextContext,
): { title?: string; number?: string; price?: string; status?: string } {
  const s = c.subject;
  if (!s) return {};
  const statusKey = s.status ? STATUS_KEYS[s.status.toLowerCase()] : undefined;
  // Some backends title an order "Order #1042": don't say the number twice.
  const titleRepeatsNumber = !!s.number && s.title.includes(`#${s.number}`);
  return {
    ...(s.title && !titleRepeatsNumber ? { title: s.title } : {}),
    ...(s.number ? { number: ctx.t('orderNumber', { number: s.number }) } : {}),
    ...(s.price ? { price: formatMoney(s.price.amount, s.price.currency, ctx.locale) } : {}),
    ...(s.status ? { status: statusKey ? ctx.t(statusKey) : s.status } : {}),
  };
}

/** The subject as one line of text, e.g. "2021 Volvo FH 500, €85,000, Available" or "Order #1042, 2019 Honda Civic". */
export function subjectText(c: Conversation, ctx: RowTextContext): string {
  const p = subjectParts(c, ctx);
  return [p.number, p.title, p.price, p.status].filter(Boolean).join(', ');
}

/** Whether a conversation matches a search by counterpart or subject (client-side fallback). */
export function matchesSearch(c: Conversation, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [c.counterpart.name, c.subject?.title, c.subject?.number]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}
