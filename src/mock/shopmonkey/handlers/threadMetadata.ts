import { http } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { MockHttpError } from '../../errors';
import { publishThreadChange } from '../rowChanges';
import { compareBy, matchesWhere, parseListQuery } from './listQuery';
import type { FieldType } from './listQuery';
import { ok, okList } from './respond';
import { param, withAuth } from './withAuth';

/** Fields `GET /v3/message_thread_metadata` can filter and order on. */
export const THREAD_FIELDS: Record<string, FieldType> = {
  id: 'string',
  userId: 'string',
  customerId: 'string',
  unreadMessagesCount: 'number',
  important: 'boolean',
  archived: 'boolean',
  createdDate: 'date',
  updatedDate: 'date',
  unreadTimestamp: 'date',
};

/**
 * `GET /v3/message_thread_metadata`: the company's thread metadata (every
 * user's; filter by `userId`), as a list with `where`/`orderby`/`limit`/`skip`.
 *
 * `PUT /v3/message_thread_metadata/:id/read`: the caller's own thread only
 * (403 otherwise, 404 if unknown). Zeroes the unread counter and marks the
 * customer's messages `shopRead`.
 */
export function threadMetadataHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/v3/message_thread_metadata',
      withAuth(ctx, ({ request, db }) => {
        const q = parseListQuery(new URL(request.url), THREAD_FIELDS, {
          ignoreQuery: ctx.knobs.shopmonkeyIgnoreListQuery,
        });
        const rows = [...db.threads.values()].filter((t) =>
          matchesWhere(t as unknown as Record<string, unknown>, q.where, THREAD_FIELDS),
        );
        const sorted = q.orderBy.length ? rows.sort(compareBy(q.orderBy)) : rows;
        const data = sorted.slice(q.skip, q.skip + q.limit).map((t) => ({ ...t }));
        return okList(data, { hasMore: q.skip + data.length < sorted.length, total: sorted.length });
      }),
    ),
    ...readHandlers(ctx),
  ];
}

/**
 * `PUT /v3/message_thread_metadata/:id/read`: the caller's own thread only
 * (403 otherwise, 404 if unknown). Zeroes the unread counter and marks the
 * customer's messages `shopRead`.
 */
function readHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.put(
      '*/v3/message_thread_metadata/:id/read',
      withAuth(ctx, ({ params, user, db }) => {
        const thread = db.threads.get(param(params, 'id'));
        if (!thread) throw new MockHttpError('not_found', 'Message thread not found.');
        if (thread.userId !== user.id)
          throw new MockHttpError('forbidden', 'Users can only mark their own threads as read.');
        const before = thread.unreadMessagesCount;
        const now = ctx.knobs.now().toISOString();
        thread.unreadMessagesCount = 0;
        thread.unreadTimestamp = null;
        thread.updatedDate = now;
        for (const m of db.messagesByCustomer.get(thread.customerId) ?? [])
          if (m.authorType === 'Customer' && m.shopRead === false) m.shopRead = true;
        publishThreadChange(ctx, 'UPDATE', thread, { unreadMessagesCount: [before, 0] });
        return ok(thread);
      }),
    ),
  ];
}
