import type { AppNotification, Page } from '../../../core/types';
import type { CallOptions, MessagingTransport } from '../../types';
import { envelope, invalid, isObj, list, optNumber, pagination, required } from '../api/decode';
import { readNotification } from '../api/read';
import type { MarketplaceContext } from './context';
import { decodeCursor, req, seg } from './context';

/** `/api/notifications` (both profiles), read tolerantly like the rest of the `/api` family. */

export async function listNotifications(
  ctx: MarketplaceContext,
  params: Parameters<MessagingTransport['listNotifications']>[0] = {},
): Promise<Page<AppNotification>> {
  const { page } = decodeCursor(params.cursor);
  const limit = params.limit ?? 20;
  const d = ctx.decode('GET /api/notifications');
  const root = envelope(
    d,
    await req(ctx.notificationsHttp, {
      method: 'GET',
      path: '',
      query: { page, limit, unreadOnly: params.unreadOnly ? true : undefined },
      signal: params.signal,
    }),
  );
  if (!Array.isArray(root.data)) throw invalid(d, 'data', 'array', root.data);
  const items = list(d, root.data, 'data', (value, path) => readNotification(d, value, path));
  const p = pagination(d, root, { page, limit });
  const hasMore = p.totalPages !== undefined ? p.page < p.totalPages : root.data.length >= p.limit;
  // The real server ignores `unreadOnly`: filter here, so "Unread" never lists read items.
  const shown = params.unreadOnly ? items.filter((n) => !n.read) : items;
  if (shown.length < items.length)
    ctx.diagnostics.report({
      kind: 'ignored_filter',
      endpoint: d.endpoint,
      path: '',
      message: `${d.endpoint}: unreadOnly was ignored by the server; read notifications were filtered out here`,
    });
  return {
    items: shown,
    ...(p.total !== undefined && !params.unreadOnly ? { total: p.total } : {}),
    hasMore,
    ...(hasMore ? { next: String(p.page + 1) } : {}),
  };
}

export async function markNotificationRead(
  ctx: MarketplaceContext,
  id: string,
  opts: CallOptions = {},
): Promise<AppNotification> {
  const d = ctx.decode('PATCH /api/notifications/:id/read');
  const root = envelope(
    d,
    await req(ctx.notificationsHttp, {
      method: 'PATCH',
      path: `/${seg(id)}/read`,
      idempotent: true,
      signal: opts.signal,
    }),
  );
  return required(d, () => readNotification(d, root.data, 'data'));
}

export async function markAllNotificationsRead(
  ctx: MarketplaceContext,
  opts: CallOptions = {},
): Promise<{ updated: number }> {
  const d = ctx.decode('PATCH /api/notifications/read-all');
  const root = envelope(
    d,
    await req(ctx.notificationsHttp, {
      method: 'PATCH',
      path: '/read-all',
      idempotent: true,
      signal: opts.signal,
    }),
  );
  return { updated: (isObj(root.data) ? optNumber(d, root.data, 'updatedCount', 'data') : undefined) ?? 0 };
}
