import { TransportError } from '../../../core/TransportError';
import type { Conversation } from '../../../core/types';
import { createHttpClient } from '../../http';
import type { HttpClient, HttpRequest } from '../../http';
import type { MarketplaceTransportOptions } from '../createMarketplaceTransport';
import type { Perspective } from '../mappers';

/**
 * What the verb modules share: the HTTP clients and the adapter's memory of
 * conversations. Built once per transport, on its first call (this module and
 * the HTTP client load then, with `import()`); the verbs receive it.
 */
export interface MarketplaceContext {
  profile: 'v1' | 'api';
  options: MarketplaceTransportOptions;
  http: HttpClient;
  apiHttp: HttpClient;
  notificationsHttp: HttpClient;
  counterpartRole: 'buyer' | 'seller';
  /** conversation id → counterpart id, learned from every conversation the adapter saw. */
  counterparts: Map<string, string>;
  /** Records a conversation's counterpart and returns the conversation. */
  remember(c: Conversation): Conversation;
  /** Whose side a conversation's messages are read from. */
  who(conversationId: string): Perspective;
}

/** The context of one transport: its HTTP clients (one per API base, each with its own token refresh and retries). */
export function createMarketplaceContext(options: MarketplaceTransportOptions): MarketplaceContext {
  const profile = options.profile ?? 'v1';
  const base = options.baseUrl.replace(/\/+$/, '');
  const origin = profile === 'v1' ? base.replace(/\/v1$/, '') : base;
  const http = createHttpClient({ ...options, baseUrl: base });
  const apiHttp = profile === 'api' ? http : createHttpClient({ ...options, baseUrl: origin });
  const notificationsHttp = createHttpClient({
    ...options,
    baseUrl: options.notificationsBaseUrl ?? `${origin}/api/notifications`,
  });
  const counterparts = new Map<string, string>();
  return {
    profile,
    options,
    http,
    apiHttp,
    notificationsHttp,
    counterpartRole: options.apiCounterpartRole ?? 'seller',
    counterparts,
    remember: (c) => {
      counterparts.set(c.id, c.counterpart.id);
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
