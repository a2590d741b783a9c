import { TransportError } from '../../core/TransportError';
import { renderTemplate } from '../../core/templates';
import type {
  Conversation,
  Message,
  NotificationPreferences,
  Page,
  RealtimeEvent,
  Template,
  TemplateCategory,
  UnreadSummary,
} from '../../core/types';
import type { DiagnosticsReporter } from '../diagnostics';
import { createHttpClient } from '../http';
import { createSendReconciler } from '../reconcile';
import type {
  CallOptions,
  InboxFilter,
  ListConversationsParams,
  ListMessagesParams,
  OutgoingFile,
  SendMessageInput,
} from '../types';
import type { ShopmonkeyTransportOptions } from './createShopmonkeyTransport';
import { fromConversationId, toConversationId } from './conversationId';
import {
  decodeConfigEntry,
  decodeFile,
  decodeInboxItem,
  decodeList,
  decodeMessage,
  decodeOne,
  decodeRecord,
  decodeTemplate,
  decodeThread,
} from './decode';
import type { DecodedConfigEntry, DecodedInboxItem, DecodedMessage, DecodeScope } from './decode';
import {
  NOTE_MARKER,
  customerName,
  isPlainlyInternal,
  mapInboxItem,
  mapMessage,
  mapPreferences,
  mapTemplate,
  toConfigEntries,
} from './mappers';
import type { SmCreateMessageBody } from './wire';
import * as v from 'valibot';

/**
 * The Shopmonkey verbs with their decoders and mappers, loaded by the transport on its first call
 * (`import('./verbs')`): a host pays for them only once it talks to the API.
 *
 * The live API may ignore filters it does not understand, may not order as asked and pages by an
 * unstable `skip`, so no list answer is trusted: every row is checked against the thread it is shown in
 * (foreign rows are dropped and reported), threads are ordered here, pages are de-duplicated by a
 * boundary key, and a list seen ignoring its query is read whole and filtered here instead.
 */

/** Most rows one list request asks for (the API caps `limit` at 100). */
const MAX_LIMIT = 100;
/** Most pages read when a list must be read whole (the server ignored its filter or order). */
const MAX_SCAN_PAGES = 50;

const FILTER_WHERE: Record<InboxFilter, Record<string, boolean>> = {
  all: { archived: false },
  unread: { archived: false, unread: true },
  read: { archived: false, unread: false },
  archived: { archived: true },
};

/** Whether an inbox row belongs under a filter, checked here because the server may ignore `where`. */
function passesFilter(item: DecodedInboxItem, filter: InboxFilter): boolean {
  const t = item.messageThreadMetadata;
  const archived = t.archived === true;
  const unread = (t.unreadMessagesCount ?? 0) > 0;
  if (filter === 'archived') return archived;
  if (archived) return false;
  return filter === 'unread' ? unread : filter === 'read' ? !unread : true;
}

/** Newest first by `createdDate`, then by id (numeric-aware, so creation order for sequential ids). */
function newestFirst(a: { date: string; id: string }, b: { date: string; id: string }): number {
  const da = Date.parse(a.date);
  const db = Date.parse(b.date);
  if (da !== db) return db - da;
  return b.id.localeCompare(a.id, 'en', { numeric: true });
}

/** A position in a newest-first list: rows at or above it were already shown. */
interface Boundary {
  date: string;
  id: string;
}
const olderThan = (row: { date: string; id: string }, b: Boundary | undefined) =>
  !b || newestFirst(b, row) < 0;

/** The opaque cursor of both lists: server `skip`, the query's time anchor, and the boundary shown. */
interface Cursor {
  s: number;
  a?: string;
  b?: Boundary;
  /** Key of a whole-list snapshot this paging reads from (when the server ignores queries). */
  k?: string;
}

/** A thread or message id nobody has: a server that honours `where` answers no row for it. */
const PROBE_ID = '__inbox_kit_probe__';
function readCursor(cursor: string | undefined): Cursor {
  if (!cursor) return { s: 0 };
  try {
    const c = JSON.parse(cursor) as Cursor;
    if (Number.isInteger(c.s) && c.s >= 0) return c;
  } catch {
    // reported below
  }
  throw new TransportError('validation_failed', `Invalid cursor "${cursor}".`);
}

/**
 * Reads a list whole, page by page, de-duplicating by id. It stops at the last page, or when a page
 * brings no row it has not seen (a server that ignores `skip` would otherwise be read forever).
 */
async function readAll<T>(
  fetchPage: (skip: number) => Promise<{ data: T[]; meta: { hasMore?: boolean } }>,
  idOf: (row: T) => string,
  maxPages = MAX_SCAN_PAGES,
): Promise<T[]> {
  const byId = new Map<string, T>();
  let skip = 0;
  for (let page = 0; page < maxPages; page++) {
    const { data, meta } = await fetchPage(skip);
    const before = byId.size;
    for (const row of data) if (!byId.has(idOf(row))) byId.set(idOf(row), row);
    skip += data.length;
    if (!data.length || !(meta.hasMore ?? data.length === MAX_LIMIT) || byId.size === before) break;
  }
  return [...byId.values()];
}

/** The verbs that talk to the API, sharing one HTTP client, one send reconciler and what was learnt. */
export function createShopmonkeyVerbs(options: ShopmonkeyTransportOptions, diagnostics: DiagnosticsReporter) {
  const http = createHttpClient(options);
  const reconciler = createSendReconciler();
  const pageSize = options.pageSize ?? 30;
  const userPath = `/user/${encodeURIComponent(options.userId)}`;
  const categories = options.notificationCategories === true;
  /** customerId → thread metadata id of this user, learnt from listings and row changes. */
  const threadOfCustomer = new Map<string, string>();
  /** customerId → Shopmonkey conversation id, learnt from inbox rows, to check thread rows against. */
  const conversationOfCustomer = new Map<string, string>();
  /** Ids of notes the server answered without confirming them internal (kept across refetches). */
  const unverifiedNotes = new Set<string>();
  /** Set once a list answer showed that the server ignored its filter or order. */
  const ignores = { messages: false, inbox: false };
  /** The notification config as last read, so a `PUT` of the whole array keeps entries we do not edit. */
  let lastConfig: DecodedConfigEntry[] = [];
  /** Canned messages as last listed, to render a template send without its text. */
  const templates = new Map<string, Template>();
  /** Whole lists read for paging, newest first, by snapshot key (a few, oldest evicted). */
  const snapshots = new Map<string, unknown[]>();
  let snapshotSeq = 0;
  function keep<T>(rows: T[]): string {
    const key = String(++snapshotSeq);
    snapshots.set(key, rows);
    for (const k of snapshots.keys()) if (snapshots.size > 8) snapshots.delete(k);
    return key;
  }
  /**
   * Asks once per list whether the server applies `where` at all: a filter on an id nobody has must
   * answer no row. A server that answers rows anyway is read whole and filtered here from then on.
   */
  const probes = new Map<'inbox' | 'messages', Promise<void>>();
  function probe(list: 'inbox' | 'messages', signal?: AbortSignal): Promise<void> {
    let p = probes.get(list);
    if (!p) {
      p = (async () => {
        const rows =
          list === 'inbox'
            ? (await inboxPage({ id: PROBE_ID }, 1, 0, signal)).received
            : (await messagePage({ id: PROBE_ID }, 1, 0, signal)).data.length;
        if (rows > 0 && !ignores[list]) {
          ignores[list] = true;
          ignored(list === 'inbox' ? INBOX : MESSAGES, `answered rows for a filter that matches none`);
        }
      })();
      probes.set(list, p);
      // A failed probe is asked again next time rather than remembered.
      p.catch(() => probes.delete(list));
    }
    return p;
  }

  const mapOpts = {
    quietHours: options.quietHours ?? ([21, 8] as [number, number]),
    unverifiedNote: (m: DecodedMessage) =>
      unverifiedNotes.has(m.id) || (m.metadata?.[NOTE_MARKER] === true && !isPlainlyInternal(m)),
  };
  const scope = (endpoint: string): DecodeScope => ({ diagnostics, endpoint });
  const limitOf = (limit: number | undefined) =>
    Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit ?? pageSize)));

  function foreign(endpoint: string, path: string, message: string) {
    diagnostics.report({ kind: 'foreign_row', endpoint, path, message: `${endpoint}: ${path}: ${message}` });
  }
  function ignored(endpoint: string, what: string) {
    diagnostics.report({
      kind: 'ignored_filter',
      endpoint,
      path: '',
      message: `${endpoint}: the server ${what}; the adapter reads the list whole and filters and orders it itself.`,
    });
  }

  // ---------------------------------------------------------------- inbox

  const INBOX = 'GET /v3/user/:id/inbox';

  async function inboxPage(
    where: Record<string, unknown>,
    limit: number,
    skip: number,
    signal?: AbortSignal,
  ) {
    const raw = await http.request({
      method: 'GET',
      path: `${userPath}/inbox`,
      signal,
      // The inbox documents no query parameters besides paging; `where` is the reference server's
      // extension, and every row is checked here whatever the server did with it.
      query: { limit, skip, ...(Object.keys(where).length ? { where: JSON.stringify(where) } : {}) },
    });
    const body = decodeList(raw, decodeInboxItem, scope(INBOX));
    const own: DecodedInboxItem[] = [];
    body.data.forEach((item, i) => {
      const t = item.messageThreadMetadata;
      if (t.userId !== options.userId || t.customerId !== item.customer.id) {
        foreign(INBOX, `data[${i}]`, `a thread of user ${t.userId} / customer ${t.customerId} was dropped`);
        return;
      }
      if (item.customerId && item.customerId !== item.customer.id) {
        foreign(
          INBOX,
          `data[${i}].customerId`,
          'the newest message belongs to another customer; row dropped',
        );
        return;
      }
      threadOfCustomer.set(item.customer.id, t.id);
      if (item.conversationId) conversationOfCustomer.set(item.customer.id, item.conversationId);
      own.push(item);
    });
    return { own, rows: body.data, received: body.data.length, meta: body.meta };
  }

  /** Every own inbox row, read page by page (de-duplicated by thread id, whatever `skip` does). */
  async function wholeInbox(signal?: AbortSignal): Promise<DecodedInboxItem[]> {
    const own = new Set<DecodedInboxItem>();
    const rows = await readAll(
      async (skip) => {
        const page = await inboxPage({}, MAX_LIMIT, skip, signal);
        for (const item of page.own) own.add(item);
        return { data: page.rows, meta: page.meta };
      },
      (item) => `${item.messageThreadMetadata.id}~${item.customer.id}`,
    );
    return rows.filter((item) => own.has(item));
  }

  const inboxKey = (item: DecodedInboxItem) => ({
    date: item.createdDate,
    id: item.messageThreadMetadata.id,
  });

  function matchesSearch(item: DecodedInboxItem, needle: string): boolean {
    const hay = [customerName(item.customer), item.customer.companyName, item.order?.number];
    return hay.some((s) => s !== null && s !== undefined && String(s).toLowerCase().includes(needle));
  }

  /** Finds the caller's own thread `metadataId` with `customerId`; `undefined` when it is not theirs. */
  async function findThread(id: string, signal?: AbortSignal): Promise<DecodedInboxItem | undefined> {
    const { metadataId, customerId } = fromConversationId(id);
    const { own, received } = await inboxPage({ id: metadataId }, 1, 0, signal);
    const hit = own.find((i) => i.messageThreadMetadata.id === metadataId && i.customer.id === customerId);
    if (hit) return hit;
    // Nothing, or a row that is not the one asked for: only a server that honours the filter can say
    // "not there" in one row; otherwise look through the whole inbox.
    if (received === 0 || own.some((i) => i.messageThreadMetadata.id === metadataId)) return undefined;
    if (!ignores.inbox) ignored(INBOX, 'ignored the thread id filter');
    ignores.inbox = true;
    return (await wholeInbox(signal)).find(
      (i) => i.messageThreadMetadata.id === metadataId && i.customer.id === customerId,
    );
  }

  async function getConversation(id: string, callOptions: CallOptions = {}): Promise<Conversation> {
    const item = await findThread(id, callOptions.signal);
    if (!item)
      throw new TransportError('not_found', 'This conversation could not be found.', { status: 404 });
    return mapInboxItem(item, mapOpts);
  }

  async function listConversations(params: ListConversationsParams = {}): Promise<Page<Conversation>> {
    const cursor = readCursor(params.cursor);
    const filter = params.filter ?? 'all';
    const needle = params.search?.trim().toLowerCase() ?? '';
    const limit = limitOf(params.limit);
    const where: Record<string, unknown> = { ...FILTER_WHERE[filter] };
    if (needle) where.search = params.search!.trim();

    let rows: DecodedInboxItem[];
    let hasMore: boolean;
    let total: number | undefined;
    let skip = cursor.s;
    let key: string | undefined;
    await probe('inbox', params.signal);
    if (!ignores.inbox) {
      const page = await inboxPage(where, limit, cursor.s, params.signal);
      const sorted = [...page.own].sort((a, b) => newestFirst(inboxKey(a), inboxKey(b)));
      const disordered = page.own.some((item, i) => sorted[i] !== item);
      if (page.own.some((item) => !passesFilter(item, filter)) || disordered) {
        ignored(INBOX, disordered ? 'did not order the inbox as asked' : 'ignored the inbox filter');
        ignores.inbox = true;
      }
      rows = sorted.filter((item) => olderThan(inboxKey(item), cursor.b));
      hasMore = page.meta.hasMore ?? page.received === limit;
      total = page.meta.total;
      skip += page.received;
    }
    if (ignores.inbox) {
      const kept = cursor.k ? (snapshots.get(cursor.k) as DecodedInboxItem[] | undefined) : undefined;
      const all =
        kept ??
        (await wholeInbox(params.signal))
          .filter((item) => passesFilter(item, filter) && (!needle || matchesSearch(item, needle)))
          .sort((a, b) => newestFirst(inboxKey(a), inboxKey(b)));
      key = kept ? cursor.k : keep(all);
      const rest = all.filter((item) => olderThan(inboxKey(item), cursor.b));
      rows = rest.slice(0, limit);
      hasMore = rest.length > limit;
      total = all.length;
    }
    const items = rows!.map((i) => mapInboxItem(i, mapOpts));
    const last = rows!.at(-1);
    const next: Cursor = {
      s: skip,
      ...(last ? { b: inboxKey(last) } : cursor.b ? { b: cursor.b } : {}),
      ...(key ? { k: key } : {}),
    };
    return {
      items,
      ...(total !== undefined ? { total } : {}),
      hasMore: hasMore!,
      ...(hasMore! ? { next: JSON.stringify(next) } : {}),
    };
  }

  // ---------------------------------------------------------------- messages

  const MESSAGES = 'GET /v3/message';

  /** Keeps the rows of one customer's thread; every other row is dropped and reported. */
  function ownRows(rows: DecodedMessage[], customerId: string, endpoint: string): DecodedMessage[] {
    const conversation = conversationOfCustomer.get(customerId);
    return rows.filter((m, i) => {
      if (m.customerId !== customerId) {
        foreign(endpoint, `data[${i}].customerId`, `a message of another customer was dropped`);
        return false;
      }
      if (conversation && m.conversationId && m.conversationId !== conversation) {
        foreign(endpoint, `data[${i}].conversationId`, `a message of another conversation was dropped`);
        return false;
      }
      return true;
    });
  }

  async function messagePage(
    where: Record<string, unknown>,
    limit: number,
    skip: number,
    signal?: AbortSignal,
  ) {
    const raw = await http.request({
      method: 'GET',
      path: '/message',
      signal,
      query: {
        where: JSON.stringify(where),
        orderby: JSON.stringify({ createdDate: 'desc' }),
        limit,
        skip,
      },
    });
    return decodeList(raw, decodeMessage, scope(MESSAGES));
  }

  const messageKey = (m: DecodedMessage) => ({ date: m.createdDate, id: m.id });

  /** Every message of one customer, read whole (for a server that ignores the filter or order). */
  async function wholeThread(customerId: string, signal?: AbortSignal): Promise<DecodedMessage[]> {
    const rows = await readAll(
      (skip) => messagePage({ customerId }, MAX_LIMIT, skip, signal),
      (m) => m.id,
    );
    return ownRows(rows, customerId, MESSAGES).sort((a, b) => newestFirst(messageKey(a), messageKey(b)));
  }

  async function listMessages({
    conversationId,
    cursor,
    limit,
    signal,
  }: ListMessagesParams): Promise<Page<Message>> {
    const { customerId } = fromConversationId(conversationId);
    const c = readCursor(cursor);
    const size = limitOf(limit);
    let rows: DecodedMessage[] = [];
    let hasMore = false;
    let total: number | undefined;
    let anchor = c.a;
    let skip = c.s;
    let key: string | undefined;
    await probe('messages', signal);
    if (!ignores.messages) {
      const where: Record<string, unknown> = {
        customerId,
        ...(anchor ? { createdDate: { lte: anchor } } : {}),
      };
      const body = await messagePage(where, size, skip, signal);
      const own = ownRows(body.data, customerId, MESSAGES);
      const disordered = body.data.some(
        (m, i) => i > 0 && Date.parse(m.createdDate) > Date.parse(body.data[i - 1]!.createdDate),
      );
      const unfiltered =
        own.length < body.data.length ||
        (anchor !== undefined && own.some((m) => Date.parse(m.createdDate) > Date.parse(anchor!)));
      if (disordered || unfiltered) {
        ignored(MESSAGES, disordered ? 'did not order messages as asked' : 'ignored the customer filter');
        ignores.messages = true;
      } else {
        anchor ??= body.data[0]?.createdDate;
        rows = own
          .filter((m) => olderThan(messageKey(m), c.b))
          .sort((a, b) => newestFirst(messageKey(a), messageKey(b)));
        hasMore = body.meta.hasMore ?? body.data.length === size;
        total = body.meta.total;
        skip += body.data.length;
      }
    }
    if (ignores.messages) {
      const kept = c.k ? (snapshots.get(c.k) as DecodedMessage[] | undefined) : undefined;
      const all = kept ?? (await wholeThread(customerId, signal));
      key = kept ? c.k : keep(all);
      const rest = all.filter((m) => olderThan(messageKey(m), c.b));
      rows = rest.slice(0, size);
      hasMore = rest.length > size;
      total = all.length;
    }
    const oldest = rows.at(-1);
    const next: Cursor = {
      s: skip,
      ...(anchor ? { a: anchor } : {}),
      ...(oldest ? { b: messageKey(oldest) } : c.b ? { b: c.b } : {}),
      ...(key ? { k: key } : {}),
    };
    return {
      items: rows.map((m) => mapMessage(m, conversationId, mapOpts)).reverse(),
      ...(total !== undefined ? { total } : {}),
      hasMore,
      ...(hasMore ? { next: JSON.stringify(next) } : {}),
    };
  }

  // ---------------------------------------------------------------- sends

  /**
   * Sends go by customer id, which any staff key may message; the thread metadata half of the id must
   * still be the caller's own thread (else `not_found`). Known threads cost nothing.
   */
  async function ensureOwnThread(conversationId: string, signal?: AbortSignal): Promise<string> {
    const { metadataId, customerId } = fromConversationId(conversationId);
    if (threadOfCustomer.get(customerId) === metadataId) return customerId;
    if (!(await findThread(conversationId, signal)))
      throw new TransportError('not_found', 'This conversation could not be found.', { status: 404 });
    return customerId;
  }

  /** Part size of a blob upload. */
  const PART_BYTES = 5 * 1024 * 1024;

  /** Uploads one file through the documented `PUT /v3/blob` (start, then its parts); resolves its file id. */
  async function upload(file: OutgoingFile, signal?: AbortSignal): Promise<string> {
    if (options.uploadFile) {
      const id = await options.uploadFile(file.file, { signal });
      file.onProgress?.(1);
      return id;
    }
    const blob = file.file;
    // The bytes as read, not `blob.size`: the announced size must be what the parts add up to. Bytes
    // rather than the Blob itself, too: a Blob from another realm (jsdom, an iframe) is not one to fetch.
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const count = Math.max(1, Math.ceil(bytes.byteLength / PART_BYTES));
    const started = decodeOne(
      await http.request({
        method: 'PUT',
        path: '/blob',
        body: {
          count,
          fileName: blob.name,
          fileSize: bytes.byteLength,
          fileType: blob.type || 'application/octet-stream',
        },
        signal,
        // Starting an upload twice only leaves an unused blob behind.
        idempotent: true,
      }),
      (raw, path, s) => decodeRecord(raw, { id: v.string() }, {}, path, s) as { id: string } | undefined,
      scope('PUT /v3/blob'),
    );
    let fileId = started.id;
    for (let part = 0; part < count; part++) {
      const raw = await http.request({
        method: 'PUT',
        path: `/blob/${encodeURIComponent(started.id)}/${part}`,
        body: bytes.subarray(part * PART_BYTES, (part + 1) * PART_BYTES),
        signal,
        // A part is stored by its index: writing it again replaces it.
        idempotent: true,
      });
      if (part === count - 1) {
        const done = decodeOne(raw, decodeFile, scope('PUT /v3/blob/:id/:part'));
        fileId = done.id;
      }
      file.onProgress?.((part + 1) / count);
    }
    return fileId;
  }

  const SEND = 'POST /v3/message';

  async function sendMessage(input: SendMessageInput): Promise<Message> {
    const customerId = await ensureOwnThread(input.conversationId, input.signal);
    const files = input.attachments ?? [];
    if (files.length > 5)
      throw new TransportError('validation_failed', 'Attach at most 5 files.', {
        fieldErrors: [{ field: 'files', message: 'Attach at most 5 files.' }],
      });
    let text = input.text ?? '';
    if (!text.trim() && input.template) {
      const template =
        templates.get(input.template.id) ??
        (await listTemplates(input)).find((t) => t.id === input.template!.id);
      if (!template) throw new TransportError('not_found', 'This canned message no longer exists.');
      const rendered = renderTemplate(template.content, input.template.variables);
      if (rendered.missing.length)
        throw new TransportError('validation_failed', `Fill in ${rendered.missing.join(', ')}.`, {
          fieldErrors: rendered.missing.map((n) => ({
            field: `variables.${n}`,
            message: `${n} is missing.`,
          })),
        });
      text = rendered.text;
    }
    const note = input.internal === true || input.kind === 'note';
    if (note && options.notes === false)
      throw new TransportError('unsupported', 'Internal notes are switched off for this shop.');
    let uploaded: Promise<string[]> | undefined;
    const fileIds = () =>
      (uploaded ??= (async () => {
        const ids: string[] = [];
        for (const f of files) ids.push(await upload(f, input.signal));
        return ids;
      })());

    const post = async (): Promise<Message> => {
      const ids = await fileIds();
      const body: SmCreateMessageBody = {
        text,
        customerId,
        type: 'Transactional',
        ...(ids.length ? { files: ids } : {}),
        // A note never asks for SMS or email, whatever the composer's channel switches say.
        ...(note ? { internal: true, sendSms: false, sendEmail: false } : {}),
        ...(!note && input.channels?.sms !== undefined ? { sendSms: input.channels.sms } : {}),
        ...(!note && input.channels?.email !== undefined ? { sendEmail: input.channels.email } : {}),
        ...(!note && input.channels?.emailSubject ? { emailSubject: input.channels.emailSubject } : {}),
        ...(input.suggestedReplyState ? { suggestedReplyState: input.suggestedReplyState } : {}),
        ...(!note && input.avoidQuietHours !== undefined
          ? { avoidSMSQuietHours: input.avoidQuietHours }
          : {}),
        ...(input.orderShare
          ? {
              isOrderShare: true,
              orderId: input.orderShare.orderId,
              ...(input.orderShare.type ? { orderShareType: input.orderShare.type } : {}),
            }
          : {}),
        metadata: { clientId: input.clientId, ...(note ? { [NOTE_MARKER]: true } : {}) },
      };
      // Nothing documents idempotency for this create: one request, never repeated by the HTTP client.
      const raw = await http.request({
        method: 'POST',
        path: '/message',
        body,
        signal: input.signal,
        idempotent: false,
      });
      const row = decodeOne(raw, decodeMessage, scope(SEND));
      if (note && !isPlainlyInternal(row)) {
        unverifiedNotes.add(row.id);
        diagnostics.report({
          kind: 'unverified_note',
          endpoint: SEND,
          path: 'data.internal',
          expected: 'internal: true without SMS or email',
          received: `internal: ${String(row.internal ?? null)}, sendSms: ${String(row.sendSms ?? null)}, sendEmail: ${String(row.sendEmail ?? null)}`,
          message: `${SEND}: a note came back without internal: true (or with SMS/email delivery); the customer may have seen it.`,
        });
      }
      return mapMessage(row, input.conversationId, mapOpts);
    };
    const readNewest = async (): Promise<Message[]> =>
      (
        await listMessages({ conversationId: input.conversationId, limit: 50, signal: input.signal })
      ).items.filter(
        // Only this user's messages can be the lost send.
        (m) => m.senderId === options.userId,
      );
    return reconciler.send({
      input: { ...input, text },
      post,
      readNewest,
      ...(options.reconcileDelayMs !== undefined ? { delayMs: options.reconcileDelayMs } : {}),
    });
  }

  // ---------------------------------------------------------------- read state

  const THREADS = 'GET /v3/message_thread_metadata';

  /** Unread counts from the thread metadata list: one request for up to 100 unread threads. */
  async function getUnreadSummary(callOptions: CallOptions = {}): Promise<UnreadSummary> {
    const rows = await readAll(
      async (skip) =>
        decodeList(
          await http.request({
            method: 'GET',
            path: '/message_thread_metadata',
            signal: callOptions.signal,
            query: {
              where: JSON.stringify({ userId: options.userId, unreadMessagesCount: { gt: 0 } }),
              limit: MAX_LIMIT,
              skip,
            },
          }),
          decodeThread,
          scope(THREADS),
        ),
      (t) => t.id,
    );
    let messages = 0;
    let conversations = 0;
    for (const [i, t] of rows.entries()) {
      if (t.userId !== options.userId) {
        foreign(THREADS, `data[${i}].userId`, 'a thread of another user was dropped');
        continue;
      }
      const n = t.unreadMessagesCount ?? 0;
      if (n > 0) {
        messages += n;
        conversations += 1;
      }
    }
    return { messages, conversations };
  }

  async function markRead(
    conversationId: string,
    _messageIds?: string[],
    callOptions: CallOptions = {},
  ): Promise<UnreadSummary> {
    // Shopmonkey reads whole threads only (`perMessageRead: false`): ids, if given, are ignored.
    const { metadataId } = fromConversationId(conversationId);
    const raw = await http.request({
      method: 'PUT',
      path: `/message_thread_metadata/${encodeURIComponent(metadataId)}/read`,
      body: {},
      idempotent: true,
      signal: callOptions.signal,
    });
    decodeOne(raw, decodeThread, scope('PUT /v3/message_thread_metadata/:id/read'));
    return getUnreadSummary(callOptions);
  }

  // ---------------------------------------------------------------- templates

  const TEMPLATES = 'GET /v3/message_template';

  async function listTemplates(callOptions: CallOptions = {}): Promise<Template[]> {
    const rows = await readAll(
      async (skip) =>
        decodeList(
          await http.request({
            method: 'GET',
            path: '/message_template',
            signal: callOptions.signal,
            query: {
              where: JSON.stringify({ deleted: false }),
              orderby: JSON.stringify({ name: 'asc' }),
              limit: MAX_LIMIT,
              skip,
            },
          }),
          decodeTemplate,
          scope(TEMPLATES),
        ),
      (t) => t.id,
      10,
    );
    // Soft-deleted canned messages stay in the table; a server that ignores the filter still shows none.
    const list = rows
      .filter((t) => t.deleted !== true)
      .map(mapTemplate)
      .sort((a, b) => a.name.localeCompare(b.name));
    templates.clear();
    for (const t of list) templates.set(t.id, t);
    return list;
  }

  async function createTemplate(
    input: { name: string; category: TemplateCategory; content: string },
    callOptions: CallOptions = {},
  ): Promise<Template> {
    const raw = await http.request({
      method: 'POST',
      path: '/message_template',
      body: { name: input.name.trim(), text: input.content },
      signal: callOptions.signal,
    });
    const template = mapTemplate(decodeOne(raw, decodeTemplate, scope('POST /v3/message_template')));
    templates.set(template.id, template);
    return template;
  }

  // ---------------------------------------------------------------- preferences

  const CONFIG = 'GET /v3/user/:id/notification_config';

  async function getPreferences(callOptions: CallOptions = {}): Promise<NotificationPreferences> {
    const raw = await http.request({
      method: 'GET',
      path: `${userPath}/notification_config`,
      signal: callOptions.signal,
    });
    lastConfig = decodeList(raw, decodeConfigEntry, scope(CONFIG)).data;
    return mapPreferences(lastConfig, categories);
  }

  async function updatePreferences(
    preferences: NotificationPreferences,
    callOptions: CallOptions = {},
  ): Promise<NotificationPreferences> {
    // PUT replaces the whole array, so a repeat is harmless.
    await http.request({
      method: 'PUT',
      path: `${userPath}/notification_config`,
      body: toConfigEntries(preferences, categories, lastConfig),
      idempotent: true,
      signal: callOptions.signal,
    });
    return getPreferences(callOptions);
  }

  // ---------------------------------------------------------------- realtime

  async function resolveConversationId(customerId: string): Promise<string | undefined> {
    const known = threadOfCustomer.get(customerId);
    if (known) return toConversationId(known, customerId);
    try {
      const { own } = await inboxPage({ customerId }, 1, 0);
      const item =
        own.find((i) => i.customer.id === customerId) ??
        (ignores.inbox ? (await wholeInbox()).find((i) => i.customer.id === customerId) : undefined);
      return item ? toConversationId(item.messageThreadMetadata.id, customerId) : undefined;
    } catch {
      return undefined;
    }
  }

  const ROW = 'realtime row change';

  /** Maps one realtime row change; emits nothing for rows it does not understand. */
  async function onRowChange(raw: unknown, emit: (e: RealtimeEvent) => void): Promise<void> {
    if (!raw || typeof raw !== 'object') return;
    const change = raw as { operation?: unknown; table?: unknown; data?: unknown };
    if (change.operation !== 'INSERT' && change.operation !== 'UPDATE') return;
    if (change.table === 'message') {
      const m = decodeMessage(change.data, 'data', scope(ROW));
      if (!m?.customerId) return;
      const conversationId = await resolveConversationId(m.customerId);
      if (conversationId)
        emit({ type: 'message.received', conversationId, message: mapMessage(m, conversationId, mapOpts) });
    } else if (change.table === 'message_thread_metadata') {
      const t = decodeThread(change.data, 'data', scope(ROW));
      if (!t || t.userId !== options.userId) return;
      threadOfCustomer.set(t.customerId, t.id);
      const conversationId = toConversationId(t.id, t.customerId);
      if (change.operation === 'INSERT') {
        try {
          emit({ type: 'conversation.created', conversation: await getConversation(conversationId) });
        } catch {
          // the thread has no message yet: its first message event will follow
        }
      } else if ((t.unreadMessagesCount ?? 0) === 0) {
        emit({ type: 'message.read', conversationId, readAt: t.updatedDate ?? new Date().toISOString() });
      }
    }
  }

  return {
    listConversations,
    getConversation,
    listMessages,
    sendMessage,
    markRead,
    getUnreadSummary,
    listTemplates,
    createTemplate,
    getPreferences,
    updatePreferences,
    onRowChange,
  };
}
