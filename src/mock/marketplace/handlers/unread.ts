import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { unreadTotals } from '../operations';
import { withAuth } from './withAuth';

/** `GET /v1/messages/unread` (archived conversations included). */
export function unreadHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/v1/messages/unread',
      withAuth(ctx, ({ user, db }) => HttpResponse.json({ success: true, data: unreadTotals(db, user.id) })),
    ),
  ];
}
