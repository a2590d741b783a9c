import { http } from 'msw';
import type { HttpHandler } from 'msw';
import type { SmInboxItem, SmMessage, SmThreadMetadata } from '../../../transports/shopmonkey/wire';
import type { MockContext } from '../../context';
import type { ShopmonkeyDb, SmCustomer } from '../db';
import { matchesWhere, parseListQuery } from './listQuery';
import type { FieldType } from './listQuery';
import { okList } from './respond';
import { ownUser, withAuth } from './withAuth';

/**
 * Inbox `where` fields. The docs give the inbox no filters; these are a mock
 * extension: thread metadata fields plus `unread` (boolean) and `search`
 * (customer name, company, phone, email or order number, case-insensitive).
 */
export const INBOX_FIELDS: Record<string, FieldType> = {
  id: 'string',
  customerId: 'string',
  archived: 'boolean',
  important: 'boolean',
  unread: 'boolean',
  search: 'string',
  updatedDate: 'date',
  createdDate: 'date',
};

/**
 * `GET /v3/user/:id/inbox`: the newest message of each of the user's threads
 * with `customer` (plus `phone`/`email`, a mock extension), the thread
 * metadata and the customer's newest `order`, newest first. `limit`/`skip`
 * page it; `meta.sums` carries `unreadMessagesCount` and `unreadThreads` of
 * the filtered set (the docs list `sums` without saying what it holds).
 */
export function inboxHandlers(ctx: MockContext): HttpHandler[] {
  return [
    http.get(
      '*/v3/user/:id/inbox',
      withAuth(ctx, (req) => {
        const user = ownUser(req);
        const { db } = req;
        const ignore = ctx.knobs.shopmonkeyIgnoreListQuery;
        const q = parseListQuery(new URL(req.request.url), INBOX_FIELDS, {
          orderable: false,
          ignoreQuery: ignore,
        });
        const { search, unread, ...rest } = q.where as { search?: string; unread?: boolean } & Record<
          string,
          unknown
        >;
        const needle = typeof search === 'string' ? search.trim().toLowerCase() : '';
        const rows: Array<{ thread: SmThreadMetadata; last: SmMessage }> = [];
        let unreadMessages = 0;
        let unreadThreads = 0;
        for (const thread of db.threads.values()) {
          if (thread.userId !== user.id) continue;
          const last = db.messagesByCustomer.get(thread.customerId)?.at(-1);
          if (!last) continue;
          const count = thread.unreadMessagesCount ?? 0;
          if (typeof unread === 'boolean' && count > 0 !== unread) continue;
          if (!matchesWhere(thread as unknown as Record<string, unknown>, rest, INBOX_FIELDS)) continue;
          if (needle && !matchesSearch(db, db.customers.get(thread.customerId), needle)) continue;
          rows.push({ thread, last });
          unreadMessages += count;
          if (count > 0) unreadThreads += 1;
        }
        // Newest thread first; a server that ignores queries answers in storage order.
        if (!ignore)
          rows.sort((a, b) =>
            a.last.createdDate < b.last.createdDate
              ? 1
              : a.last.createdDate > b.last.createdDate
                ? -1
                : b.thread.id.localeCompare(a.thread.id, 'en', { numeric: true }),
          );
        const page = rows
          .slice(q.skip, q.skip + q.limit)
          .map(({ thread, last }) => inboxItem(db, thread, last));
        return okList(page, {
          hasMore: q.skip + page.length < rows.length,
          total: rows.length,
          sums: { unreadMessagesCount: unreadMessages, unreadThreads },
        });
      }),
    ),
  ];
}

function inboxItem(db: ShopmonkeyDb, thread: SmThreadMetadata, last: SmMessage): SmInboxItem {
  const c = db.customers.get(thread.customerId);
  const order = newestOrder(db, thread.customerId);
  return {
    ...last,
    customer: {
      id: thread.customerId,
      customerType: c?.customerType ?? null,
      firstName: c?.firstName ?? null,
      lastName: c?.lastName ?? null,
      companyName: c?.companyName ?? null,
      phone: c?.phone ?? null,
      email: c?.email ?? null,
    },
    messageThreadMetadata: { ...thread },
    order: order ? { id: order.id, number: order.number } : null,
  };
}

function newestOrder(db: ShopmonkeyDb, customerId: string) {
  let best: { id: string; number: number; createdDate: string } | undefined;
  for (const o of db.orders.values())
    if (o.customerId === customerId && (!best || o.createdDate > best.createdDate)) best = o;
  return best;
}

function matchesSearch(db: ShopmonkeyDb, c: SmCustomer | undefined, needle: string): boolean {
  if (!c) return false;
  const hay = [
    c.firstName,
    c.lastName,
    c.companyName,
    c.phone,
    c.email,
    `${c.firstName ?? ''} ${c.lastName ?? ''}`,
  ];
  for (const o of db.orders.values()) if (o.customerId === c.id) hay.push(String(o.number));
  return hay.some((s) => s && s.toLowerCase().includes(needle));
}
