import type { SmMessage, SmRowChange, SmThreadMetadata } from '../../transports/shopmonkey/wire';
import type { MockContext } from '../context';

/** The realtime key of one Shopmonkey user (what the hub maps a token to). */
export const realtimeKey = (userId: string) => `shopmonkey:${userId}`;

/**
 * Publishes a webhook-style `message` row change to every staff user who has
 * a thread with the message's customer.
 */
export function publishMessageChange(
  ctx: MockContext,
  operation: 'INSERT' | 'UPDATE',
  message: SmMessage,
  diff?: Record<string, unknown>,
): void {
  const change: SmRowChange = { operation, table: 'message', data: message, ...(diff ? { diff } : {}) };
  for (const t of ctx.db.shopmonkey.threadsOfCustomer(message.customerId ?? ''))
    ctx.realtime.publish(realtimeKey(t.userId), change);
}

/** Publishes a `message_thread_metadata` row change to the thread's user. */
export function publishThreadChange(
  ctx: MockContext,
  operation: 'INSERT' | 'UPDATE',
  thread: SmThreadMetadata,
  diff?: Record<string, unknown>,
): void {
  const change: SmRowChange = {
    operation,
    table: 'message_thread_metadata',
    data: thread,
    ...(diff ? { diff } : {}),
  };
  ctx.realtime.publish(realtimeKey(thread.userId), change);
}

/** Applies changes to a row, bumps its `updatedDate` and `meta.version`, and returns the diff (`field: [old, new]`). */
export function updateMessage(
  ctx: MockContext,
  message: SmMessage,
  changes: Partial<SmMessage>,
  byUserId: string | null = null,
): Record<string, unknown> {
  const diff: Record<string, unknown> = {};
  const row = message as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    diff[k] = [row[k], v];
    row[k] = v;
  }
  message.updatedDate = ctx.knobs.now().toISOString();
  message.meta = { userId: byUserId, sessionId: null, version: (message.meta?.version ?? 0) + 1 };
  return diff;
}
