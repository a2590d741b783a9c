import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockContext } from '../../context';
import { MockHttpError, readJsonObject } from '../../errors';
import type { MkConversation } from '../db';
import {
  announceConversation,
  assertValid,
  findIdempotent,
  storeMessage,
  textErrors,
  threadForListing,
  unreadTotals,
} from '../operations';
import { detailV1, messageV1, otherSide, summaryV1 } from '../views';
import { loadConversation } from './access';
import { paging, param, withAuth } from './withAuth';

const STATUSES = ['all', 'unread', 'read', 'archived'] as const;

/**
 * `GET|POST /v1/messages/conversations`, `GET|DELETE /v1/messages/conversations/:id`.
 * `q` (search over counterpart name and listing title) is a mock extension.
 */
export function conversationHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/v1/messages/conversations',
      withAuth(ctx, ({ request, user, db }) => {
        const url = new URL(request.url);
        const { page, limit } = paging(url, 20);
        const status = url.searchParams.get('status') ?? 'all';
        const role = url.searchParams.get('role');
        const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
        const errors = [];
        if (!(STATUSES as readonly string[]).includes(status))
          errors.push({
            field: 'status',
            message: `status must be one of ${STATUSES.join(', ')}.`,
            code: 'invalid_enum',
          });
        if (role !== null && role !== 'buyer' && role !== 'seller')
          errors.push({ field: 'role', message: 'role must be buyer or seller.', code: 'invalid_enum' });
        assertValid(errors);
        const all = db.conversationsOf(user.id);
        const matches = (c: MkConversation) => {
          const archived = c.archivedBy.has(user.id);
          if (status === 'archived' ? !archived : archived) return false;
          if (status === 'unread' && db.unreadCount(c, user.id) === 0) return false;
          if (status === 'read' && db.unreadCount(c, user.id) > 0) return false;
          if (role === 'buyer' && c.buyerId !== user.id) return false;
          if (role === 'seller' && c.sellerId !== user.id) return false;
          if (q) {
            const other = db.users.get(otherSide(c, user.id))!;
            const listing = db.listings.get(c.listingId)!;
            if (!other.name.toLowerCase().includes(q) && !listing.title.toLowerCase().includes(q))
              return false;
          }
          return true;
        };
        const filtered = all
          .filter(matches)
          .sort((a, b) =>
            a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1,
          );
        const slice = filtered.slice((page - 1) * limit, page * limit);
        return HttpResponse.json({
          success: true,
          data: {
            conversations: slice.map((c) => summaryV1(db, c, user.id)),
            pagination: { page, limit, total: filtered.length },
            summary: { total: all.length, unread: unreadTotals(db, user.id).unread_count },
          },
        });
      }),
    ),

    http.post(
      '*/v1/messages/conversations',
      withAuth(ctx, async ({ request, user, db }) => {
        const body = await readJsonObject(request);
        const key = request.headers.get('idempotency-key');
        const repeated = findIdempotent(db, user, key);
        if (repeated) {
          const c = db.conversations.get(repeated.conversationId)!;
          return HttpResponse.json({
            success: true,
            data: { conversation: detailV1(db, c, user.id), message: messageV1(db, repeated, user.id) },
          });
        }
        const errors = textErrors(body.message, 'message', true);
        if (typeof body.listing_id !== 'string' || !body.listing_id)
          errors.unshift({ field: 'listing_id', message: 'listing_id is required.', code: 'required' });
        assertValid(errors);
        const { conversation, created } = threadForListing(
          ctx,
          db,
          user,
          body.listing_id as string,
          'listing_id',
        );
        const { message } = storeMessage(ctx, db, conversation, user, {
          type: 'text',
          content: (body.message as string).trim(),
          idempotencyKey: key,
          ...(created ? { onStored: () => announceConversation(ctx, db, conversation) } : {}),
        });
        return HttpResponse.json(
          {
            success: true,
            data: {
              conversation: detailV1(db, conversation, user.id),
              message: messageV1(db, message, user.id),
            },
          },
          { status: created ? 201 : 200 },
        );
      }),
    ),

    http.get(
      '*/v1/messages/conversations/:id',
      withAuth(ctx, ({ request, params, user, db }) => {
        const c = loadConversation(db, param(params, 'id'), user);
        const url = new URL(request.url);
        const { page, limit } = paging(url, 50);
        const before = url.searchParams.get('before');
        let list = db.messages.get(c.id) ?? [];
        if (before !== null) {
          const t = Date.parse(before);
          if (Number.isNaN(t))
            throw new MockHttpError('validation_failed', 'Validation failed', [
              { field: 'before', message: 'before must be an ISO timestamp.', code: 'invalid_date' },
            ]);
          // messages are sorted by time: binary search for the cut
          let lo = 0;
          let hi = list.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (Date.parse(list[mid]!.sentAt) < t) lo = mid + 1;
            else hi = mid;
          }
          list = list.slice(0, lo);
        }
        const total = list.length;
        const end = Math.max(0, total - (page - 1) * limit);
        const start = Math.max(0, end - limit);
        return HttpResponse.json({
          success: true,
          data: {
            conversation: detailV1(db, c, user.id),
            messages: list.slice(start, end).map((m) => messageV1(db, m, user.id)),
            pagination: { page, limit, total, has_more: start > 0 },
          },
        });
      }),
    ),

    http.delete(
      '*/v1/messages/conversations/:id',
      withAuth(ctx, ({ params, user, db }) => {
        const c = loadConversation(db, param(params, 'id'), user);
        c.deletedBy.add(user.id);
        c.archivedBy.delete(user.id);
        return HttpResponse.json({ success: true, data: { conversation_id: c.id, deleted: true } });
      }),
    ),
  ];
}
