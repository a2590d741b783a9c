import type { AppNotification, Page } from '../../../core/types';
import type { CallOptions, MessagingTransport } from '../../types';
import { toNotification } from '../mappers';
import { parseWire } from '../schemas/base';
import {
  apiNotificationListSchema,
  apiNotificationReadSchema,
  apiReadAllSchema,
} from '../schemas/notifications';
import type { MarketplaceContext } from './context';
import { decodeCursor, req, seg } from './context';

/** `/api/notifications` (both profiles). */

export async function listNotifications(
  ctx: MarketplaceContext,
  params: Parameters<MessagingTransport['listNotifications']>[0] = {},
): Promise<Page<AppNotification>> {
  const { page } = decodeCursor(params.cursor);
  const body = parseWire(
    apiNotificationListSchema,
    await req(ctx.notificationsHttp, {
      method: 'GET',
      path: '',
      query: { page, limit: params.limit ?? 20, unreadOnly: params.unreadOnly ? true : undefined },
      signal: params.signal,
    }),
  );
  const items = body.data.map(toNotification);
  const hasMore = body.pagination.page < body.pagination.totalPages;
  return {
    items: params.unreadOnly ? items.filter((n) => !n.read) : items,
    total: body.pagination.total,
    hasMore,
    ...(hasMore ? { next: String(body.pagination.page + 1) } : {}),
  };
}

export async function markNotificationRead(
  ctx: MarketplaceContext,
  id: string,
  opts: CallOptions = {},
): Promise<AppNotification> {
  return toNotification(
    parseWire(
      apiNotificationReadSchema,
      await req(ctx.notificationsHttp, {
        method: 'PATCH',
        path: `/${seg(id)}/read`,
        idempotent: true,
        signal: opts.signal,
      }),
    ).data,
  );
}

export async function markAllNotificationsRead(
  ctx: MarketplaceContext,
  opts: CallOptions = {},
): Promise<{ updated: number }> {
  const body = parseWire(
    apiReadAllSchema,
    await req(ctx.notificationsHttp, {
      method: 'PATCH',
      path: '/read-all',
      idempotent: true,
      signal: opts.signal,
    }),
  );
  return { updated: body.data.updatedCount };
}
