import { TransportError } from '../../../core/TransportError';
import type { UnreadSummary } from '../../../core/types';
import { parseWire } from '../schemas/base';
import { apiCountSchema, v1UnreadSchema } from '../schemas/unread';
import type { CallOptions } from '../../types';
import type { MarketplaceContext } from './context';
import { req } from './context';

/**
 * The unread verb: all a badge host loads. The `/api` family has no
 * conversations-with-unread count, so there it walks the thread lists
 * (loaded on demand).
 */

export async function apiUnread(ctx: MarketplaceContext, signal?: AbortSignal): Promise<UnreadSummary> {
  const { apiAllThreads } = await import('./threads');
  const [count, threads] = await Promise.all([
    req(ctx.apiHttp, { method: 'GET', path: '/api/messages/unread', signal }).then(
      (b) => parseWire(apiCountSchema, b).data.count,
    ),
    apiAllThreads(ctx, signal),
  ]);
  return { messages: count, conversations: threads.filter((t) => t.unreadCount > 0).length };
}

async function notificationCount(ctx: MarketplaceContext, signal?: AbortSignal): Promise<number | undefined> {
  try {
    return parseWire(
      apiCountSchema,
      await req(ctx.notificationsHttp, { method: 'GET', path: '/unread-count', signal }),
    ).data.count;
  } catch (e) {
    if (e instanceof TransportError && e.code === 'aborted') throw e;
    return undefined; // the badge still works without notifications
  }
}

export async function getUnreadSummary(
  ctx: MarketplaceContext,
  opts: CallOptions = {},
): Promise<UnreadSummary> {
  const [summary, notifications] = await Promise.all([
    ctx.profile === 'v1'
      ? req(ctx.http, { method: 'GET', path: '/messages/unread', signal: opts.signal }).then((b) => {
          const d = parseWire(v1UnreadSchema, b).data;
          return { messages: d.unread_count, conversations: d.conversations_with_unread };
        })
      : apiUnread(ctx, opts.signal),
    notificationCount(ctx, opts.signal),
  ]);
  return notifications === undefined ? summary : { ...summary, notifications };
}

/** `PUT …/read` answers the new counts (v1). */
export function parseUnread(body: unknown): UnreadSummary {
  const d = parseWire(v1UnreadSchema, body).data;
  return { messages: d.unread_count, conversations: d.conversations_with_unread };
}
