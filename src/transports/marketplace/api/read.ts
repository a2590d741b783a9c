import type {
  AppNotification,
  Attachment,
  Conversation,
  Message,
  Participant,
  ParticipantRole,
  Subject,
} from '../../../core/types';
import { describeValue } from '../../diagnostics';
import { directionOf } from '../mappers';
import type { Perspective } from '../mappers';
import type { Decode, Obj } from './decode';
import {
  Unreadable,
  at,
  id,
  isObj,
  list,
  num,
  optBool,
  optNumber,
  optStr,
  optUrl,
  resolveUrl,
  str,
} from './decode';

/**
 * `/api` wire → domain, tolerant of what real servers send (see the seeds' "Observed on real servers"):
 * images as objects or strings, relative URLs, decimal prices as strings, `attachments: null`, null
 * avatars, unknown extra fields.
 */

function item(value: unknown, path: string): Obj {
  if (isObj(value)) return value;
  throw new Unreadable(path, 'object', describeValue(value));
}

/** The first usable image: a URL string, or `{thumbnailUrl, mediumUrl, originalUrl}`. */
function firstImage(d: Decode, listing: Obj, path: string): string | undefined {
  const images = list(d, listing.images, at(path, 'images'), (value, p) => {
    if (typeof value === 'string') return resolveUrl(d, value, p);
    if (isObj(value))
      return (
        optUrl(d, value, 'thumbnailUrl', p) ??
        optUrl(d, value, 'mediumUrl', p) ??
        optUrl(d, value, 'originalUrl', p)
      );
    d.report({
      kind: 'decode',
      endpoint: d.endpoint,
      path: p,
      expected: 'string or object',
      received: describeValue(value),
    });
    return undefined;
  });
  return images[0];
}

/** A listing as the subject; an unusable listing is dropped (the conversation still shows). */
function subject(d: Decode, t: Obj, path: string): Subject | undefined {
  const value = t.listing;
  const p = at(path, 'listing');
  if (value === undefined || value === null) return undefined;
  try {
    const l = item(value, p);
    const s: Subject = { kind: 'listing', id: id(l, 'id', p), title: str(l, 'title', p) };
    const thumb = firstImage(d, l, p);
    if (thumb) s.thumbnailUrl = thumb;
    const price = optNumber(d, l, 'price', p);
    if (price !== undefined) s.price = { amount: price, currency: optStr(d, l, 'priceCurrency', p) ?? 'EUR' };
    return s;
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    d.report({
      kind: 'decode',
      endpoint: d.endpoint,
      path: e.path,
      expected: e.expected,
      received: e.received,
    });
    return undefined;
  }
}

/** The other party. `role` only when the adapter learned it (the `/api` family never says). */
export function party(d: Decode, value: unknown, path: string, role?: ParticipantRole): Participant {
  const o = item(value, path);
  const out: Participant = { id: id(o, 'id', path), name: str(o, 'name', path) };
  if (role) out.role = role;
  const avatar = optUrl(d, o, 'avatarUrl', path);
  if (avatar) out.avatarUrl = avatar;
  return out;
}

/** What the adapter learned about the current user's role per thread. */
export type Roles = Map<string, ParticipantRole>;

const other = (role: ParticipantRole): ParticipantRole => (role === 'buyer' ? 'seller' : 'buyer');

/** A row of `GET /api/messages`. Throws {@link Unreadable} when the row cannot be shown. */
export function readThread(
  d: Decode,
  value: unknown,
  path: string,
  archived: boolean,
  roles: Roles,
): Conversation {
  const t = item(value, path);
  const threadId = id(t, 'id', path);
  const myRole = roles.get(threadId);
  const counterpart = party(d, t.otherParty, at(path, 'otherParty'), myRole && other(myRole));
  let lastMessage: Conversation['lastMessage'];
  if (t.lastMessage !== undefined && t.lastMessage !== null) {
    const p = at(path, 'lastMessage');
    try {
      const m = item(t.lastMessage, p);
      lastMessage = {
        id: id(m, 'id', p),
        text: str(m, 'body', p),
        senderId: id(m, 'senderId', p),
        sentAt: str(m, 'createdAt', p),
        read: optBool(d, m, 'isRead', p) ?? true,
      };
    } catch (e) {
      if (!(e instanceof Unreadable)) throw e;
      d.report({
        kind: 'decode',
        endpoint: d.endpoint,
        path: e.path,
        expected: e.expected,
        received: e.received,
      });
    }
  }
  const createdAt = optStr(d, t, 'createdAt', path) ?? lastMessage?.sentAt;
  const updatedAt = optStr(d, t, 'lastMessageAt', path) ?? lastMessage?.sentAt ?? createdAt;
  if (!createdAt || !updatedAt)
    throw new Unreadable(at(path, 'createdAt'), 'string', describeValue(t.createdAt));
  const out: Conversation = {
    id: threadId,
    counterpart,
    unreadCount: num(d, t, 'unreadCount', path),
    archived,
    createdAt,
    updatedAt,
  };
  const s = subject(d, t, path);
  if (s) out.subject = s;
  if (myRole) out.myRole = myRole;
  if (lastMessage) out.lastMessage = lastMessage;
  return out;
}

function attachment(d: Decode, value: unknown, path: string): Attachment {
  const a = item(value, path);
  const url = optUrl(d, a, 'url', path);
  if (!url) throw new Unreadable(at(path, 'url'), 'string', describeValue(a.url));
  const out: Attachment = {
    id: optStr(d, a, 'id', path) ?? url,
    name:
      optStr(d, a, 'name', path) ??
      decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') ??
      'file',
    url,
    size: optNumber(d, a, 'size', path) ?? 0,
    mimeType: optStr(d, a, 'mimeType', path) ?? optStr(d, a, 'mime_type', path) ?? 'application/octet-stream',
  };
  const thumb = optUrl(d, a, 'thumbnailUrl', path);
  if (thumb) out.thumbnailUrl = thumb;
  return out;
}

/** A message of the `/api` family. Throws {@link Unreadable} when it cannot be shown. */
export function readMessage(
  d: Decode,
  value: unknown,
  path: string,
  conversationId: string,
  who: Perspective,
): Message {
  const m = item(value, path);
  const senderId = id(m, 'senderId', path);
  const attachments = list(d, m.attachments, at(path, 'attachments'), (v, p) => attachment(d, v, p));
  const out: Message = {
    id: id(m, 'id', path),
    conversationId,
    senderId,
    direction: directionOf(senderId, who),
    kind: attachments.length
      ? attachments.every((a) => a.mimeType.startsWith('image/'))
        ? 'image'
        : 'document'
      : 'text',
    text: optStr(d, m, 'body', path) ?? '',
    attachments,
    sentAt: str(m, 'createdAt', path),
  };
  const read = optBool(d, m, 'isRead', path);
  if (read !== undefined) out.read = read;
  const readAt = optStr(d, m, 'readAt', path);
  if (readAt) out.readAt = readAt;
  return out;
}

/** A notification. Throws {@link Unreadable} when it cannot be shown. */
export function readNotification(d: Decode, value: unknown, path: string): AppNotification {
  const n = item(value, path);
  const out: AppNotification = {
    id: id(n, 'id', path),
    type: optStr(d, n, 'type', path) ?? 'OTHER',
    title: str(n, 'title', path),
    read: optBool(d, n, 'isRead', path) ?? false,
    createdAt: str(n, 'createdAt', path),
  };
  const body = optStr(d, n, 'body', path);
  if (body) out.body = body;
  const readAt = optStr(d, n, 'readAt', path);
  if (readAt) out.readAt = readAt;
  if (isObj(n.data)) out.data = n.data;
  else if (n.data !== undefined && n.data !== null)
    d.report({
      kind: 'decode',
      endpoint: d.endpoint,
      path: at(path, 'data'),
      expected: 'object',
      received: describeValue(n.data),
    });
  return out;
}
