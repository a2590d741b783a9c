import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { MockHttpError } from '../../errors';
import { isUuid } from '../uuid';
import { notificationApi } from '../views';
import { paging, param, withAuth } from './withAuth';

/** `/api/notifications`: newest first, all of them (like the real server, which offers no unread filter). */
export function notificationHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/api/notifications',
      withAuth(ctx, ({ request, user, db }) => {
        const url = new URL(request.url);
        const { page, limit } = paging(url, 20);
        const items = db.notifications.filter((n) => n.userId === user.id);
        return HttpResponse.json({
          success: true,
          data: items.slice((page - 1) * limit, page * limit).map((n) => notificationApi(db, n)),
          pagination: {
            page,
            limit,
            total: items.length,
            totalPages: Math.max(1, Math.ceil(items.length / limit)),
          },
        });
      }),
    ),

    http.get(
      '*/api/notifications/unread-count',
      withAuth(ctx, ({ user, db }) =>
        HttpResponse.json({
          success: true,
          data: { count: db.notifications.filter((n) => n.userId === user.id && !n.readAt).length },
        }),
      ),
    ),

    http.patch(
      '*/api/notifications/read-all',
      withAuth(ctx, ({ user, db }) => {
        const readAt = ctx.knobs.now().toISOString();
        let updatedCount = 0;
        for (const n of db.notifications) {
          if (n.userId === user.id && !n.readAt) {
            n.readAt = readAt;
            updatedCount++;
          }
        }
        return HttpResponse.json({ success: true, data: { updatedCount } });
      }),
    ),

    http.patch(
      '*/api/notifications/:id/read',
      withAuth(ctx, ({ params, user, db }) => {
        const uuid = param(params, 'id');
        if (!isUuid(uuid))
          throw new MockHttpError('validation_failed', 'Validation failed', [
            { field: 'id', message: 'id must be a UUID.', code: 'invalid_uuid' },
          ]);
        const id = db.fromUuid(uuid);
        const n = db.notifications.find((x) => x.id === id);
        if (!n || n.userId !== user.id) throw new MockHttpError('not_found', 'Notification not found.');
        n.readAt ??= ctx.knobs.now().toISOString();
        return HttpResponse.json({ success: true, data: notificationApi(db, n) });
      }),
    ),
  ];
}
