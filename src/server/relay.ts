import type { RealtimeEvent } from '../core/types';
import {
  ShopmonkeyWebhookError,
  createShopmonkeyWebhookDecoder,
  toShopmonkeyRealtimeEvents,
} from '../transports/shopmonkey/webhooks';
import type {
  ShopmonkeyEventContext,
  ShopmonkeyWebhookDelivery,
  WebhookVerifier,
} from '../transports/shopmonkey/webhooks';
import { createMemoryBroker } from './broker';
import type { RelayBroker, RelayEntry } from './broker';
import { compareIds, isEventId } from './ids';
import type { EventId } from './ids';

/**
 * What a relay carries: a domain {@link RealtimeEvent} (what hosts publish),
 * or a backend's own event payload, which the browser's transport maps as it
 * maps its `events` source (the reference server relays its payloads so).
 */
export type RelayEvent = RealtimeEvent | { readonly [key: string]: unknown };

/** Options of {@link createRelay}. */
export interface RelayOptions {
  /**
   * Who is asking: resolves with the user id whose events the request may
   * read, or `null` to answer 401. Runs once per stream.
   */
  authorize(request: Request): string | null | undefined | Promise<string | null | undefined>;
  /** Where events, resume logs and seen webhook ids live. @defaultValue {@link createMemoryBroker}`()` */
  broker?: RelayBroker;
  /** Comment line sent this often so proxies keep the stream open. @defaultValue 15000 */
  heartbeatMs?: number;
  /** Reconnect delay the browser's EventSource should use (`retry:`). @defaultValue 2000 */
  retryMs?: number;
}

/** A staff user a Shopmonkey delivery concerns, with their thread with the row's customer. */
export interface ShopmonkeyRecipient {
  userId: string;
  /**
   * The user's `message_thread_metadata` id with the customer of a `message`
   * row: conversation ids are `<threadId>~<customerId>`. Without it a message
   * row gives that user no event. Thread rows carry their own id.
   */
  threadId?: string;
}

/** Options of {@link Relay.shopmonkeyWebhook}. */
export interface ShopmonkeyWebhookOptions {
  /** The webhook's signing secret (`whsec_…`). */
  secret: string;
  /**
   * The staff users a verified delivery concerns: for a `message` row, those
   * with a thread with its `customerId` (e.g. from
   * `GET /v3/message_thread_metadata?where={"customerId":…}`); for a
   * `message_thread_metadata` row, its `userId`. A plain string is a user id.
   */
  usersFor(
    delivery: ShopmonkeyWebhookDelivery,
  ): ReadonlyArray<string | ShopmonkeyRecipient> | Promise<ReadonlyArray<string | ShopmonkeyRecipient>>;
  /** Looks up a new thread's conversation for `conversation.created` (see `toShopmonkeyRealtimeEvents`). */
  conversationFor?(
    userId: string,
    conversationId: string,
  ): ReturnType<NonNullable<ShopmonkeyEventContext['conversationFor']>>;
  /** Oldest accepted `webhook-timestamp`, in seconds. @defaultValue 300 */
  toleranceSeconds?: number;
  /** The signature scheme. @defaultValue Standard Webhooks */
  verify?: WebhookVerifier;
  /** Shop quiet hours, as the transport's option. */
  quietHours?: [number, number];
}

/** A realtime relay: Server-Sent Events streams fed by `publish` and webhooks. */
export interface Relay {
  /**
   * Opens the requesting user's event stream (`text/event-stream`). Each event
   * carries an `id:`; a request with `Last-Event-ID` (header, or
   * `lastEventId` query parameter) gets what it missed from the user's
   * bounded log, or a `resync` event when the log no longer reaches back
   * that far. Answers 401 when `authorize` gives no user.
   */
  stream(request: Request): Promise<Response>;
  /** Sends an event to each user's open streams (on every instance sharing the broker); resolves with the ids. */
  publish(userIds: readonly string[], event: RelayEvent): Promise<EventId[]>;
  /**
   * Handles one Shopmonkey webhook delivery: verifies its signature and
   * timestamp (401 when either fails; nothing is published), answers a
   * retried `webhook-id` with 200 without publishing again, and publishes
   * the mapped events to each user `usersFor` names. A signed body that is
   * not a row change gets 400. Pass the request with its raw body.
   */
  shopmonkeyWebhook(request: Request, options: ShopmonkeyWebhookOptions): Promise<Response>;
  /** Closes every open stream (the broker stays open: it may be shared). */
  close(): void;
}

const encoder = new TextEncoder();
const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  // nginx and some proxies buffer responses unless told not to.
  'x-accel-buffering': 'no',
};

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Creates a relay. Mount `stream` on a GET route and `shopmonkeyWebhook` on
 * a POST route; call `publish` where the backend changes. With the default
 * in-memory broker it serves one instance; give every instance the same
 * Redis broker (`inbox-kit/server/redis`) to run several.
 */
export function createRelay(options: RelayOptions): Relay {
  const broker = options.broker ?? createMemoryBroker();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 2000;
  const open = new Set<() => void>();

  async function stream(request: Request): Promise<Response> {
    const userId = await options.authorize(request);
    if (!userId) return text(401, 'Sign in to receive live updates.');
    const asked =
      request.headers.get('last-event-id') ??
      new URL(request.url).searchParams.get('lastEventId') ??
      undefined;
    // An id this relay never issued cannot be resumed from: the client refetches.
    const lastId = asked === undefined || asked === '' ? undefined : asked;
    const valid = lastId === undefined || isEventId(lastId);

    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let closed = false;
    let live = false;
    let cursor: EventId = '0-0';
    const early: RelayEntry[] = [];
    const send = (chunk: string) => {
      if (closed) return;
      try {
        controller.enqueue(encoder.encode(chunk));
      } catch {
        cleanup();
      }
    };
    const deliver = (entry: RelayEntry) => {
      // Backlog and live events overlap while a stream opens: each id goes out once, in order.
      if (compareIds(entry.id, cursor) <= 0) return;
      cursor = entry.id;
      send(`id: ${entry.id}\ndata: ${entry.data}\n\n`);
    };

    let unsubscribe: (() => Promise<void>) | undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    const cleanup = () => {
      if (closed) return;
      closed = true;
      open.delete(cleanup);
      if (heartbeat) clearInterval(heartbeat);
      void unsubscribe?.().catch(() => undefined);
      try {
        controller.close();
      } catch {
        // already closed or cancelled
      }
    };

    let backlog;
    try {
      // Subscribe before reading the log, so nothing appended in between is missed.
      unsubscribe = await broker.subscribe(userId, (entry) => (live ? deliver(entry) : early.push(entry)));
      backlog = await broker.read(userId, valid ? lastId : undefined);
    } catch {
      await unsubscribe?.().catch(() => undefined);
      return text(503, 'Live updates are unavailable right now.');
    }

    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        send(`retry: ${retryMs}\n\n`);
        if (!valid || backlog.gone) {
          cursor = backlog.head;
          send(`event: resync\nid: ${backlog.head}\ndata: {"type":"resync"}\n\n`);
        } else if (lastId === undefined) {
          // A client that has seen nothing still gets an id, so a drop before its first event resumes.
          cursor = backlog.head;
          send(`event: ready\nid: ${backlog.head}\ndata: {}\n\n`);
        } else {
          cursor = lastId;
          for (const entry of backlog.entries) deliver(entry);
          send(`event: ready\ndata: {}\n\n`);
        }
        live = true;
        for (const entry of early.splice(0)) deliver(entry);
        heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      },
      cancel: cleanup,
    });
    open.add(cleanup);
    request.signal.addEventListener('abort', cleanup, { once: true });
    return new Response(body, { status: 200, headers: SSE_HEADERS });
  }

  async function publish(userIds: readonly string[], event: RelayEvent): Promise<EventId[]> {
    const data = JSON.stringify(event);
    return Promise.all([...new Set(userIds)].map((u) => broker.append(u, data)));
  }

  async function shopmonkeyWebhook(request: Request, o: ShopmonkeyWebhookOptions): Promise<Response> {
    if (request.method !== 'POST') return text(405, 'Webhooks are POSTed.');
    const decoder = createShopmonkeyWebhookDecoder({
      secret: o.secret,
      ...(o.toleranceSeconds !== undefined ? { toleranceSeconds: o.toleranceSeconds } : {}),
      ...(o.verify ? { verify: o.verify } : {}),
      // Seen ids live in the broker, so a retry that reaches another instance is still a duplicate.
      seen: {
        claim: (id, ttl) => broker.claim(`shopmonkey-webhook:${id}`, ttl),
        release: (id) => broker.release(`shopmonkey-webhook:${id}`),
      },
    });
    let delivery;
    try {
      delivery = await decoder.decode(await request.text(), request.headers);
    } catch (e) {
      if (e instanceof ShopmonkeyWebhookError) return text(e.status, e.message);
      throw e;
    }
    if (delivery.duplicate) return json(200, { duplicate: true, published: 0 });
    try {
      let published = 0;
      for (const r of await o.usersFor(delivery)) {
        const { userId, threadId } = typeof r === 'string' ? { userId: r, threadId: undefined } : r;
        const events = await toShopmonkeyRealtimeEvents(delivery, {
          userId,
          threadFor: () => threadId,
          ...(o.conversationFor ? { conversationFor: (id: string) => o.conversationFor!(userId, id) } : {}),
          ...(o.quietHours ? { quietHours: o.quietHours } : {}),
        });
        for (const event of events) await publish([userId], event);
        published += events.length;
      }
      return json(200, { duplicate: false, published });
    } catch (e) {
      // A row that is not valid stays invalid when retried.
      if (e instanceof ShopmonkeyWebhookError) return text(e.status, e.message);
      // Shopmonkey retries a failed delivery: let the retry through.
      await decoder.release(delivery.id).catch(() => undefined);
      return text(500, 'The delivery could not be relayed; it will be retried.');
    }
  }

  return {
    stream,
    publish,
    shopmonkeyWebhook,
    close() {
      for (const c of [...open]) c();
    },
  };
}
