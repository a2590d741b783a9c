import type { RealtimeEvent } from '../core/types';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * A payload that already is a domain {@link RealtimeEvent} (what the relay
 * in `inbox-kit/server` forwards from `relay.publish`, and what
 * `createSseEvents` reports about the stream), or `undefined` for a
 * backend's own payload, which the adapter maps. The shapes cannot be
 * confused: backend payloads carry `data` (marketplace) or `table`
 * (Shopmonkey) and no top-level `conversationId`/`conversation`.
 */
export function domainEvent(raw: unknown): RealtimeEvent | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string' || 'data' in raw || 'table' in raw) return undefined;
  switch (raw.type) {
    case 'resync':
      return { type: 'resync' };
    case 'stream.status':
      return typeof raw.healthy === 'boolean' ? { type: 'stream.status', healthy: raw.healthy } : undefined;
    case 'message.received': {
      const m = raw.message;
      return typeof raw.conversationId === 'string' &&
        isObject(m) &&
        typeof m.id === 'string' &&
        m.conversationId === raw.conversationId &&
        typeof m.text === 'string' &&
        typeof m.sentAt === 'string'
        ? (raw as RealtimeEvent)
        : undefined;
    }
    case 'message.read':
      return typeof raw.conversationId === 'string' &&
        typeof raw.readAt === 'string' &&
        (raw.messageIds === undefined ||
          (Array.isArray(raw.messageIds) && raw.messageIds.every((id) => typeof id === 'string')))
        ? (raw as RealtimeEvent)
        : undefined;
    case 'conversation.created': {
      const c = raw.conversation;
      return isObject(c) && typeof c.id === 'string' && isObject(c.counterpart)
        ? (raw as RealtimeEvent)
        : undefined;
    }
    default:
      return undefined;
  }
}
