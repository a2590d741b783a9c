import { TransportError } from '../../../core/TransportError';
import type { UnreadSummary } from '../../../core/types';
import { parseWire } from '../schemas/base';
import { apiCountSchema, v1UnreadSchema } from '../schemas/unread';
import type { CallOptions } from '../../types';
import type { MarketplaceContext } from './context';
import { req } from './context';

/** The unread verb of the v1 family: all a badge host loads. */

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
    req(ctx.http, { method: 'GET', path: '/messages/unread', signal: opts.signal }).then(parseUnread),
    notificationCount(ctx, opts.signal),
  ]);
  return notifications === undefined ? summary : { ...summary, notifications };
}

/** `PUT …/read` answers the new counts (v1). */
export function parseUnread(body: unknown): UnreadSummary {
  const d = parseWire(v1UnreadSchema, body).data;
  return { messages: d.unread_count, conversations: d.conversations_with_unread };
}
