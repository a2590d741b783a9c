import { TransportError } from '../../../core/TransportError';
import type { UnreadSummary } from '../../../core/types';
import type { CallOptions } from '../../types';
import { envelope, num, obj, required } from '../api/decode';
import type { MarketplaceContext } from './context';
import { req } from './context';

/**
 * The unread verb of the `/api` family: all a badge host loads.
 *
 * The real server allows 1,000 requests per 15 minutes per IP, shared by everyone behind one NAT, so a
 * poll costs one request: the first call reads both counts and the thread lists (for the number of
 * conversations with unread messages, kept current by every list read since), later calls read the message count, and
 * every {@link NOTIFICATIONS_EVERY}th call the notification count instead (notifications are less
 * urgent than messages). The other count is the last one read.
 */
export const NOTIFICATIONS_EVERY = 4;

interface Counts {
  calls: number;
  messages?: number;
  notifications?: number;
}
const state = new WeakMap<MarketplaceContext, Counts>();

async function count(ctx: MarketplaceContext, which: 'messages' | 'notifications', signal?: AbortSignal) {
  const d = ctx.decode(
    which === 'messages' ? 'GET /api/messages/unread' : 'GET /api/notifications/unread-count',
  );
  const body =
    which === 'messages'
      ? await req(ctx.apiHttp, { method: 'GET', path: '/api/messages/unread', signal })
      : await req(ctx.notificationsHttp, { method: 'GET', path: '/unread-count', signal });
  const root = envelope(d, body);
  return required(d, () => num(d, obj(root, 'data', ''), 'count', 'data'));
}

async function notificationCount(ctx: MarketplaceContext, signal?: AbortSignal): Promise<number | undefined> {
  try {
    return await count(ctx, 'notifications', signal);
  } catch (e) {
    if (e instanceof TransportError && e.code === 'aborted') throw e;
    return undefined; // the badge still works without notifications
  }
}

export async function getUnreadSummary(
  ctx: MarketplaceContext,
  opts: CallOptions & { messagesOnly?: boolean } = {},
): Promise<UnreadSummary> {
  let s = state.get(ctx);
  if (!s) state.set(ctx, (s = { calls: 0 }));
  s.calls += 1;
  if (s.messages === undefined) {
    // The first read (not a poll) also lists the threads, for the count of conversations with unread.
    const { allThreads } = await import('./apiThreads');
    const [messages, notifications] = await Promise.all([
      count(ctx, 'messages', opts.signal),
      opts.messagesOnly ? undefined : notificationCount(ctx, opts.signal),
      allThreads(ctx, opts.signal),
    ]);
    s.messages = messages;
    if (notifications !== undefined) s.notifications = notifications;
  } else if (!opts.messagesOnly && s.calls % NOTIFICATIONS_EVERY === 0) {
    const n = await notificationCount(ctx, opts.signal);
    if (n !== undefined) s.notifications = n;
  } else {
    s.messages = await count(ctx, 'messages', opts.signal);
  }
  let conversations = 0;
  for (const n of ctx.threadUnread.values()) if (n > 0) conversations += 1;
  // The list rows may be older than the count: never claim more conversations than unread messages.
  conversations = Math.min(conversations, s.messages);
  return {
    messages: s.messages,
    conversations,
    ...(s.notifications !== undefined ? { notifications: s.notifications } : {}),
  };
}
