import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { FieldError } from '../../../core/TransportError';
import type { MockContext } from '../../context';
import { MockHttpError, readJsonObject } from '../../errors';
import type { MarketplaceDb, MkConversation, MkUser } from '../db';
import {
  announceConversation,
  assertValid,
  findIdempotent,
  markRead,
  storeMessage,
  textErrors,
  threadForListing,
  unreadTotals,
} from '../operations';
import { isUuid } from '../uuid';
import { messageApi, otherSide, threadApi, userRefApi } from '../views';
import { loadConversation } from './access';
import { paging, param, withAuth } from './withAuth';

/** A thread by its UUID: malformed → 400, unknown → 404, not a participant → 403. */
function loadThread(db: MarketplaceDb, uuid: string, user: MkUser): MkConversation {
  if (!isUuid(uuid))
    throw new MockHttpError('validation_failed', 'Validation failed', [
      { field: 'threadId', message: 'threadId must be a UUID.', code: 'invalid_uuid' },
    ]);
  const id = db.fromUuid(uuid);
  if (!id || !db.conversations.has(id)) throw new MockHttpError('not_found', 'Thread not found.');
  return loadConversation(db, id, user);
}

const totalPages = (total: number, limit: number) => Math.max(1, Math.ceil(total / limit));

/**
 * The older `/api/messages` family over the same data: camelCase, UUIDs,
 * `pagination` beside `data`. Reading a thread marks the other side's
 * messages read after answering; there is no un-archive.
 */
export function apiMessageHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/api/messages',
      withAuth(ctx, ({ request, user, db }) => {
        const url = new URL(request.url);
        const { page, limit } = paging(url, 20);
        const archivedParam = url.searchParams.get('archived');
        if (archivedParam !== null && archivedParam !== 'true' && archivedParam !== 'false') {
          throw new MockHttpError('validation_failed', 'Validation failed', [
            { field: 'archived', message: 'archived must be true or false.', code: 'invalid_type' },
          ]);
        }
        const archived = archivedParam === 'true';
        const threads = db
          .conversationsOf(user.id)
          .filter((c) => c.archivedBy.has(user.id) === archived && (db.messages.get(c.id)?.length ?? 0) > 0)
          .map((c) => threadApi(db, c, user.id))
          .sort((a, b) =>
            a.lastMessageAt === b.lastMessageAt
              ? a.id < b.id
                ? 1
                : -1
              : a.lastMessageAt < b.lastMessageAt
                ? 1
                : -1,
          );
        return HttpResponse.json({
          success: true,
          data: threads.slice((page - 1) * limit, page * limit),
          pagination: { page, limit, total: threads.length, totalPages: totalPages(threads.length, limit) },
        });
      }),
    ),

    http.get(
      '*/api/messages/unread',
      withAuth(ctx, ({ user, db }) =>
        HttpResponse.json({ success: true, data: { count: unreadTotals(db, user.id).unread_count } }),
      ),
    ),

    http.get(
      '*/api/messages/:threadId',
      withAuth(ctx, ({ request, params, user, db }) => {
        const c = loadThread(db, param(params, 'threadId'), user);
        // Oldest first, 25 per page by default, as the real server pages a thread.
        const { page, limit } = paging(new URL(request.url), 25);
        const list = db.messages.get(c.id) ?? [];
        const listing = db.listings.get(c.listingId)!;
        const body = {
          success: true,
          data: {
            thread: {
              id: db.uuid(c.id),
              listing: { id: db.uuid(listing.id), title: listing.title, slug: listing.slug },
              otherParty: userRefApi(db, db.users.get(otherSide(c, user.id))!),
            },
            messages: list.slice((page - 1) * limit, page * limit).map((m) => messageApi(db, m)),
          },
          pagination: { page, limit, total: list.length, totalPages: totalPages(list.length, limit) },
        };
        const response = HttpResponse.json(body);
        // marks read after answering: this response still shows them unread
        markRead(ctx, db, c, user);
        return response;
      }),
    ),

    http.post(
      '*/api/messages',
      withAuth(ctx, async ({ request, user, db }) => {
        const body = await readJsonObject(request);
        // The real server ignores Idempotency-Key; the knob turns honouring it on.
        const key = ctx.knobs.apiIdempotency ? request.headers.get('idempotency-key') : null;
        const repeated = findIdempotent(db, user, key);
        if (repeated) return HttpResponse.json({ success: true, data: messageApi(db, repeated) });
        const errors: FieldError[] = textErrors(body.body, 'body', true);
        const hasThread = typeof body.threadId === 'string' && body.threadId !== '';
        const hasListing = typeof body.listingId === 'string' && body.listingId !== '';
        if (hasThread === hasListing)
          errors.push({
            field: hasThread ? 'listingId' : 'threadId',
            message: 'Send either threadId or listingId.',
            code: 'invalid_union',
          });
        if (hasListing && !isUuid(body.listingId as string))
          errors.push({ field: 'listingId', message: 'listingId must be a UUID.', code: 'invalid_uuid' });
        assertValid(errors);
        let c: MkConversation;
        let created = false;
        if (hasThread) c = loadThread(db, body.threadId as string, user);
        else {
          const listingId = db.fromUuid(body.listingId as string) ?? `unknown:${String(body.listingId)}`;
          ({ conversation: c, created } = threadForListing(ctx, db, user, listingId, 'listingId'));
        }
        const { message } = storeMessage(ctx, db, c, user, {
          type: 'text',
          content: (body.body as string).trim(),
          idempotencyKey: key,
          ...(created ? { onStored: () => announceConversation(ctx, db, c) } : {}),
        });
        if (ctx.knobs.storeThenFail)
          throw new MockHttpError('internal', 'Simulated failure after the message was stored.');
        return HttpResponse.json({ success: true, data: messageApi(db, message) }, { status: 201 });
      }),
    ),

    http.patch(
      '*/api/messages/:threadId/archive',
      withAuth(ctx, ({ params, user, db }) => {
        const c = loadThread(db, param(params, 'threadId'), user);
        c.archivedBy.add(user.id);
        return HttpResponse.json({ success: true, data: { archived: true } });
      }),
    ),
  ];
}
