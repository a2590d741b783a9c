import { http } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { MockHttpError } from '../../errors';
import { publishThreadChange } from '../rowChanges';
import { ok } from './respond';
import { param, withAuth } from './withAuth';

/**
 * `PUT /v3/message_thread_metadata/:id/read`: the caller's own thread only
 * (403 otherwise, 404 if unknown). Zeroes the unread counter and marks the
 * customer's messages `shopRead`.
 */
export function threadMetadataHandlers(ctx: MockContext): HttpHandler[] {
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
