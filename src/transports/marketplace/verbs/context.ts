import { TransportError } from '../../../core/TransportError';
import type { Conversation, Message, ParticipantRole } from '../../../core/types';
import type { DiagnosticsReporter } from '../../diagnostics';
import { createHttpClient } from '../../http';
import type { HttpClient, HttpRequest } from '../../http';
import { createSendReconciler } from '../../reconcile';
import type { SendReconciler } from '../../reconcile';
import type { MarketplaceTransportOptions } from '../createMarketplaceTransport';
import type { Perspective } from '../mappers';
import type { Decode } from '../api/decode';

/**
 * What the verb modules share: the HTTP clients and the adapter's memory of
 * conversations. Built once per transport, on its first call (this module and
 * the HTTP client load then, with `import()`); the verbs receive it.
 */
export interface MarketplaceContext {
  options: MarketplaceTransportOptions;
  http: HttpClient;
  apiHttp: HttpClient;
  notificationsHttp: HttpClient;
  /** The API origin (relative URLs in answers resolve against it). */
  origin: string;
  diagnostics: DiagnosticsReporter;
  /** A tolerant decoding context for one endpoint (`GET /api/messages`). */
  decode(endpoint: string): Decode;
  /** conversation id → counterpart id, learned from every conversation the adapter saw. */
  counterparts: Map<string, string>;
  /** `/api`: conversation id → the current user's role, learned from who opened the thread. */
  roles: Map<string, ParticipantRole>;
  /** `/api` sends: the server has no idempotency, so the adapter looks before it re-posts. */
  reconciler: SendReconciler;
  /** `/api` sends already delivered, by client id: a repeated call returns the stored message. */
  delivered: Map<string, Message>;
  /** `/api` conversation starts whose answer was lost, by client id: when the first attempt began. */
  attempts: Map<string, string>;
  /** Unread count per conversation, from the newest list rows the adapter read. */
  threadUnread: Map<string, number>;
  /** Records a conversation's counterpart and returns the conversation. */
  remember(c: Conversation): Conversation;
  /** Whose side a conversation's messages are read from. */
  who(conversationId: string): Perspective;
}

/** The context of one transport: its HTTP clients (one per API base, each with its own token refresh and retries). */
export function createMarketplaceContext(
  options: MarketplaceTransportOptions,
  profile: 'v1' | 'api',
  diagnostics: DiagnosticsReporter,
): MarketplaceContext {
  const base = options.baseUrl.replace(/\/+$/, '');
  const originBase = profile === 'v1' ? base.replace(/\/v1$/, '') : base;
  const http = createHttpClient({ ...options, baseUrl: base });
  const apiHttp = profile === 'api' ? http : createHttpClient({ ...options, baseUrl: originBase });
  const notificationsHttp = createHttpClient({
    ...options,
    baseUrl: options.notificationsBaseUrl ?? `${originBase}/api/notifications`,
  });
  const origin = new URL(
    originBase + '/',
    typeof location !== 'undefined' ? location.href : 'http://localhost',
  ).origin;
  const counterparts = new Map<string, string>();
  return {
    options,
    http,
    apiHttp,
    notificationsHttp,
    origin,
    diagnostics,
    decode: (endpoint) => ({ endpoint, report: (d) => diagnostics.report(d), origin }),
    counterparts,
    roles: new Map(),
    reconciler: createSendReconciler(),
    delivered: new Map(),
    attempts: new Map(),
    threadUnread: new Map(),
    remember(c) {
      counterparts.set(c.id, c.counterpart.id);
      this.threadUnread.set(c.id, c.unreadCount);
      return c;
    },
    who: (conversationId) => {
      const p: Perspective = {};
      const counterpartId = counterparts.get(conversationId);
      if (counterpartId) p.counterpartId = counterpartId;
      if (options.userId) p.userId = options.userId;
      return p;
    },
  };
}

export const req = (client: HttpClient, r: HttpRequest) => client.request(r);
export const seg = encodeURIComponent;

export const unsupported = (what: string) =>
  Promise.reject(new TransportError('unsupported', `${what} is not supported by this marketplace API.`));

/** Page number from an opaque cursor (`"3"`, or `"3@<before>"` for message pages). */
export function decodeCursor(cursor: string | undefined): { page: number; before?: string } {
  if (!cursor) return { page: 1 };
  const at = cursor.indexOf('@');
  const page = Number(at >= 0 ? cursor.slice(0, at) : cursor);
  if (!Number.isInteger(page) || page < 1)
    throw new TransportError('validation_failed', `Invalid cursor "${cursor}".`);
  return at >= 0 ? { page, before: cursor.slice(at + 1) } : { page };
}
