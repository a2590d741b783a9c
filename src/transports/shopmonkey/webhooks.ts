import * as v from 'valibot';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { Conversation, RealtimeEvent } from '../../core/types';
import { toConversationId } from './conversationId';
import { mapMessage } from './mappers';
import { messageSchema, threadSchema } from './schemas';

/**
 * Why a webhook delivery was refused. `signature` (missing headers or no
 * matching signature) and `stale_timestamp` mean the sender cannot be trusted:
 * answer 401. `malformed` means a signed body that is not a Shopmonkey row
 * change: answer 400.
 */
export type ShopmonkeyWebhookErrorCode = 'signature' | 'stale_timestamp' | 'malformed';

/** A refused webhook delivery. `status` is the HTTP status to answer with. */
export class ShopmonkeyWebhookError extends Error {
  override readonly name = 'ShopmonkeyWebhookError';
  readonly code: ShopmonkeyWebhookErrorCode;
  readonly status: 400 | 401;

  constructor(code: ShopmonkeyWebhookErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.status = code === 'malformed' ? 400 : 401;
  }
}

/** The three signature headers of a delivery. */
export interface WebhookSignatureHeaders {
  id: string;
  timestamp: string;
  signature: string;
}

/**
 * Checks a delivery's signature and throws when it does not match. The scheme
 * lives behind this one function type so that a host can swap it (the live
 * API's own verification page was never captured; see `docs/realtime.md`).
 */
export type WebhookVerifier = (body: string, headers: WebhookSignatureHeaders, secret: string) => void;

/**
 * The Standard Webhooks scheme (HMAC-SHA256 over `id.timestamp.body`, keyed by
 * the base64 secret after `whsec_`, header entries `v1,<base64>`), through
 * the `standardwebhooks` package. The package also refuses timestamps more
 * than 5 minutes away from the clock.
 */
export const verifyStandardWebhook: WebhookVerifier = (body, headers, secret) => {
  try {
    new Webhook(secret).verify(
      body,
      {
        'webhook-id': headers.id,
        'webhook-timestamp': headers.timestamp,
        'webhook-signature': headers.signature,
      },
      { jsonParse: false },
    );
  } catch (e) {
    if (e instanceof WebhookVerificationError && /timestamp/i.test(e.message))
      throw new ShopmonkeyWebhookError('stale_timestamp', `Webhook timestamp refused: ${e.message}.`, {
        cause: e,
      });
    throw new ShopmonkeyWebhookError(
      'signature',
      `Webhook signature does not match: ${e instanceof Error ? e.message : String(e)}.`,
      { cause: e },
    );
  }
};

/**
 * Remembers delivery ids so that a retried delivery (Shopmonkey retries with
 * the same `webhook-id`) is handled once. Shared stores (Redis) let several
 * server instances agree.
 */
export interface SeenStore {
  /** Records `id`; resolves `true` when it was not seen within `ttlSeconds`. */
  claim(id: string, ttlSeconds: number): boolean | Promise<boolean>;
  /** Forgets `id`, so that a delivery whose handling failed is handled when retried. */
  release(id: string): void | Promise<void>;
}

/** A {@link SeenStore} in memory, for one instance: keeps at most `max` ids, oldest dropped first. */
export function memorySeenStore(max = 10_000): SeenStore {
  const seen = new Map<string, number>();
  return {
    claim(id, ttlSeconds) {
      const now = Date.now();
      const until = seen.get(id);
      if (until !== undefined && until > now) return false;
      seen.delete(id);
      seen.set(id, now + ttlSeconds * 1000);
      while (seen.size > max) seen.delete(seen.keys().next().value!);
      return true;
    },
    release(id) {
      seen.delete(id);
    },
  };
}

/** One verified Shopmonkey webhook delivery. */
export interface ShopmonkeyWebhookDelivery {
  /** `webhook-id`: the same for every retry of one delivery. */
  id: string;
  /** `webhook-timestamp`, in seconds. */
  timestamp: number;
  /** `X-Attempt`, when sent. */
  attempt?: number;
  apiVersion?: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  /** The row's table, e.g. `message` or `message_thread_metadata`. */
  table: string;
  /** The row after the change (before it, for DELETE). */
  data: unknown;
  /** UPDATE only: the names of the changed top-level fields. */
  diff?: string[];
}

/** A decode's result: the delivery, and whether its `webhook-id` was handled before. */
export type DecodedShopmonkeyWebhook = ShopmonkeyWebhookDelivery & { duplicate: boolean };

/** Options of {@link createShopmonkeyWebhookDecoder}. */
export interface ShopmonkeyWebhookDecoderOptions {
  /** The webhook's signing secret (`whsec_…`). */
  secret: string;
  /** Oldest accepted `webhook-timestamp`, in seconds before now (and as far ahead). @defaultValue 300 */
  toleranceSeconds?: number;
  /** Where delivery ids are remembered. @defaultValue {@link memorySeenStore} */
  seen?: SeenStore;
  /** The signature scheme. @defaultValue {@link verifyStandardWebhook} */
  verify?: WebhookVerifier;
  /** Clock in ms (tests). @defaultValue `Date.now` */
  now?: () => number;
}

/** Headers as Fetch gives them or as Node's `IncomingMessage` does. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** Decodes Shopmonkey webhook deliveries. */
export interface ShopmonkeyWebhookDecoder {
  /**
   * Verifies and parses one delivery. Rejects with a
   * {@link ShopmonkeyWebhookError} for a bad or missing signature, a stale
   * timestamp or a body that is not a row change. A delivery whose
   * `webhook-id` was seen before resolves with `duplicate: true`.
   */
  decode(body: string, headers: WebhookHeaders): Promise<DecodedShopmonkeyWebhook>;
  /** Forgets a delivery id, so that a retry of a delivery the host failed to handle is handled. */
  release(id: string): Promise<void>;
}

const bodySchema = v.looseObject({
  apiVersion: v.nullish(v.union([v.string(), v.number()])),
  operation: v.picklist(['INSERT', 'UPDATE', 'DELETE']),
  table: v.pipe(v.string(), v.minLength(1)),
  data: v.record(v.string(), v.unknown()),
  diff: v.nullish(v.array(v.string())),
});

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const raw = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(raw) ? raw.join(', ') : raw;
}

/**
 * A decoder for Shopmonkey's signed webhooks (`{apiVersion, operation, table,
 * data, diff}` bodies with `webhook-id`, `webhook-timestamp` and
 * `webhook-signature` headers). Pass the raw body text: a re-serialised body
 * no longer matches its signature.
 */
export function createShopmonkeyWebhookDecoder(
  options: ShopmonkeyWebhookDecoderOptions,
): ShopmonkeyWebhookDecoder {
  const tolerance = options.toleranceSeconds ?? 300;
  const seen = options.seen ?? memorySeenStore();
  const verify = options.verify ?? verifyStandardWebhook;
  const now = options.now ?? Date.now;
  return {
    async decode(body, headers) {
      const id = header(headers, 'webhook-id');
      const timestamp = header(headers, 'webhook-timestamp');
      const signature = header(headers, 'webhook-signature');
      if (!id || !timestamp || !signature)
        throw new ShopmonkeyWebhookError(
          'signature',
          'Webhook is missing its webhook-id, webhook-timestamp or webhook-signature header.',
        );
      const seconds = Number(timestamp);
      if (!/^\d+$/.test(timestamp) || !Number.isSafeInteger(seconds))
        throw new ShopmonkeyWebhookError('signature', `Webhook timestamp "${timestamp}" is not a number.`);
      const age = now() / 1000 - seconds;
      if (Math.abs(age) > tolerance)
        throw new ShopmonkeyWebhookError(
          'stale_timestamp',
          `Webhook timestamp is ${Math.round(Math.abs(age))} s ${age > 0 ? 'old' : 'ahead'}; at most ${tolerance} s is accepted.`,
        );
      verify(body, { id, timestamp, signature }, options.secret);

      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch (e) {
        throw new ShopmonkeyWebhookError('malformed', 'Webhook body is not JSON.', { cause: e });
      }
      const parsed = v.safeParse(bodySchema, json);
      if (!parsed.success) {
        const issue = parsed.issues[0];
        const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
        throw new ShopmonkeyWebhookError(
          'malformed',
          `Webhook body is not a row change${path ? ` (at "${path}")` : ''}: ${issue.message}`,
        );
      }
      const attempt = Number(header(headers, 'x-attempt'));
      const p = parsed.output;
      // Claimed twice the tolerance: a retry older than that is refused as stale anyway.
      const fresh = await seen.claim(id, tolerance * 2);
      return {
        id,
        timestamp: seconds,
        ...(Number.isFinite(attempt) && attempt > 0 ? { attempt } : {}),
        ...(p.apiVersion != null ? { apiVersion: String(p.apiVersion) } : {}),
        operation: p.operation,
        table: p.table,
        data: p.data,
        ...(p.operation === 'UPDATE' && p.diff ? { diff: p.diff } : {}),
        duplicate: !fresh,
      };
    },
    async release(id) {
      await seen.release(id);
    },
  };
}

/** What mapping a delivery to one staff user's events needs. */
export interface ShopmonkeyEventContext {
  /** The staff user whose inbox the events are for. */
  userId: string;
  /**
   * The user's `message_thread_metadata` id for a customer (conversation ids
   * are `<threadMetadataId>~<customerId>`); `undefined` when the user has no
   * thread with that customer, and the message is not theirs to see.
   */
  threadFor(customerId: string): string | undefined | Promise<string | undefined>;
  /**
   * The conversation a new thread belongs to, for `conversation.created`.
   * Without it a new thread gives no event; its first message makes the
   * inbox refetch its list.
   */
  conversationFor?(conversationId: string): Promise<Conversation | undefined>;
  /** Shop quiet hours `[start, end)`, to flag held SMS as scheduled. @defaultValue `[21, 8]` */
  quietHours?: [number, number];
}

/**
 * Maps a delivery to one user's realtime events, as the Shopmonkey transport
 * maps its row changes: a `message` row (insert or update, e.g. delivery
 * progress) → `message.received`; a `message_thread_metadata` insert →
 * `conversation.created`; an update leaving it with no unread message →
 * `message.read`. Other tables and deletes give no event. A row that is not a
 * valid Message or thread rejects with a `malformed` {@link ShopmonkeyWebhookError}.
 */
export async function toShopmonkeyRealtimeEvents(
  delivery: ShopmonkeyWebhookDelivery,
  context: ShopmonkeyEventContext,
): Promise<RealtimeEvent[]> {
  if (delivery.operation === 'DELETE') return [];
  if (delivery.table === 'message') {
    const m = v.safeParse(messageSchema, delivery.data);
    if (!m.success) throw malformedRow('message', m.issues[0]);
    if (!m.output.customerId) return [];
    const thread = await context.threadFor(m.output.customerId);
    if (!thread) return [];
    const conversationId = toConversationId(thread, m.output.customerId);
    const message = mapMessage(m.output, conversationId, { quietHours: context.quietHours ?? [21, 8] });
    return [{ type: 'message.received', conversationId, message }];
  }
  if (delivery.table === 'message_thread_metadata') {
    const t = v.safeParse(threadSchema, delivery.data);
    if (!t.success) throw malformedRow('message_thread_metadata', t.issues[0]);
    if (t.output.userId !== context.userId) return [];
    const conversationId = toConversationId(t.output.id, t.output.customerId);
    if (delivery.operation === 'INSERT') {
      const conversation = await context.conversationFor?.(conversationId);
      return conversation ? [{ type: 'conversation.created', conversation }] : [];
    }
    const countChanged = !delivery.diff || delivery.diff.includes('unreadMessagesCount');
    if (countChanged && (t.output.unreadMessagesCount ?? 0) === 0)
      return [
        {
          type: 'message.read',
          conversationId,
          readAt: t.output.updatedDate ?? new Date(delivery.timestamp * 1000).toISOString(),
        },
      ];
  }
  return [];
}

function malformedRow(table: string, issue: v.BaseIssue<unknown>): ShopmonkeyWebhookError {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return new ShopmonkeyWebhookError(
    'malformed',
    `Webhook ${table} row is not valid${path ? ` (at "${path}")` : ''}: ${issue.message}`,
  );
}
